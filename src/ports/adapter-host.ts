/** What the composition root gives an adapter when it starts it, and what it gets back. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Core } from '../core.js';
import type { StoreConfig } from '../store/open-store.js';
import type { ChatAdapter } from './chat-adapter.js';

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The process's one HTTP server: adapters mount their endpoints on it. */
export interface HttpRoutes {
  route(method: 'GET' | 'POST', path: string, handler: HttpHandler): void;
}

export interface AdapterHost {
  config: Config;
  core: Core;
  logger: Logger;
  http: HttpRoutes;
  /**
   * Where a worker thread can open a connection of its own to the core's store (the Slack adapter
   * answers lists in one). Absent when it cannot: an in-memory database, or a core a test built.
   */
  threadStore?: StoreConfig;
}

export interface RunningAdapter {
  /** Delivery for reminders and digests. */
  chat: ChatAdapter;
  /** Resolves when the adapter ends on its own (the console at end of input). */
  finished?: Promise<unknown>;
  stop(): Promise<void>;
}

/** Every adapter module (`adapters/<name>/index.ts`) exports this as `start`. */
export type StartAdapter = (host: AdapterHost) => Promise<RunningAdapter>;
