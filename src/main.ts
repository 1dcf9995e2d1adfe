/**
 * The composition root: config → store → core → adapters (by dynamic import, so the console never
 * loads Bolt or botbuilder) → one HTTP server → clean shutdown. The only place that knows adapters.
 */
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { loadConfig, type AdapterName, type Config } from './config/config.js';
import { consoleLogFile } from './config/home.js';
import { createCore, type Core } from './core.js';
import type { RunningAdapter, StartAdapter } from './ports/adapter-host.js';
import type { ChatAdapter } from './ports/chat-adapter.js';
import { HttpServer } from './cli/http-server.js';
import { systemClock } from './ports/clock.js';
import { nextReminderCalculator } from './reminders/next-reminder.js';
import { startScheduler, type Scheduler } from './scheduler/scheduler.js';
import { SchedulerThread } from './scheduler/scheduler-thread.js';
import { openConfiguredStore } from './config/open-configured-store.js';
import { adapterFailure, listenFailure } from './config/startup-failures.js';
import type { StoreConfig } from './store/open-store.js';
import type { Store } from './store/store.js';

/** Adapter modules, loaded only when enabled. */
const ADAPTER_MODULES: Record<AdapterName, () => Promise<{ start: StartAdapter }>> = {
  console: () => import('../adapters/console/index.js'),
  slack: () => import('../adapters/slack/index.js'),
  teams: () => import('../adapters/teams/index.js'),
};

export interface App {
  config: Config;
  store: Store;
  core: Core;
  logger: Logger;
  adapters: Map<AdapterName, RunningAdapter>;
  /** Delivery by address prefix, for the scheduler. */
  chatAdapters: Map<string, ChatAdapter>;
  /** Reminder ticks and the outbox delivery loop. */
  scheduler: Scheduler;
  http?: HttpServer;
  /** Where the HTTP server listens (with PORT=0, the port the OS chose). */
  address?: AddressInfo;
  /** Resolves when the app should exit on its own (console input ended). */
  finished: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Logs go to stderr: stdout belongs to the console conversation and to JSON-printing commands. An
 * interactive console shares the terminal with stderr too, so its logs go to a file instead.
 */
export function createLogger(level: string, file?: string): Logger {
  return pino({ level, base: undefined }, file ? pino.destination({ dest: file, mkdir: true, append: true }) : pino.destination(2));
}

function logFileFor(config: Config): string | undefined {
  return config.adapters.includes('console') && process.stdin.isTTY ? consoleLogFile(config.FOLLOWTHROUGH_HOME) : undefined;
}

export async function startApp(env: NodeJS.ProcessEnv = process.env): Promise<App> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL, logFileFor(config));
  const store = await openConfiguredStore(config, { nextReminderAt: nextReminderCalculator });
  const core = createCore({ store, settings: { defaultTimeZone: config.FOLLOWTHROUGH_DEFAULT_TZ }, logger });
  const needsHttp = config.adapters.some((a) => a === 'slack' || a === 'teams');
  const http = needsHttp ? new HttpServer(logger, async () => (await store.health?.()) ?? { writable: true }) : undefined;
  // Threads (the scheduler's, the Slack adapter's) open the store again: not an in-memory database, which cannot be shared.
  const threadStore = config.DATABASE_URL || config.FOLLOWTHROUGH_DB !== ':memory:' ? storeConfigOf(config) : undefined;
  const adapters = new Map<AdapterName, RunningAdapter>();
  const chatAdapters = new Map<string, ChatAdapter>();
  let address: AddressInfo | undefined;
  try {
    for (const name of config.adapters) {
      const { start } = await ADAPTER_MODULES[name]();
      const running = await start({ config, core, logger: logger.child({ adapter: name }), http: http ?? noHttp(name), threadStore }).catch(
        (error: unknown) => {
          throw adapterFailure(name, error);
        },
      );
      adapters.set(name, running);
      chatAdapters.set(running.chat.platform, running.chat);
    }
    if (http) {
      address = await http.listen(config.PORT, config.HOST).catch((error: unknown) => {
        throw listenFailure(error, config);
      });
      logger.info({ host: address.address, port: address.port, adapters: config.adapters }, 'Followthrough is listening');
    }
  } catch (error) {
    for (const running of adapters.values()) await running.stop().catch(() => undefined);
    await store.close();
    throw error;
  }
  // Reminders start once every adapter can deliver. Ticks and each row's re-check before its send run
  // in a thread with a connection of its own (an in-memory SQLite database cannot be shared: there they stay here).
  const schedulerLogger = logger.child({ component: 'scheduler' });
  const thread = threadStore
    ? new SchedulerThread({ store: threadStore, quietHours: config.FOLLOWTHROUGH_QUIET_HOURS }, schedulerLogger)
    : undefined;
  thread?.start();
  const scheduler = startScheduler({
    store,
    clock: systemClock,
    adapters: chatAdapters,
    logger: schedulerLogger,
    quietHours: config.FOLLOWTHROUGH_QUIET_HOURS,
    ticks: thread,
    // Re-checks in the thread, or on PostgreSQL, do not block the event loop: they may overlap.
    delivery: thread ? { checkLanes: 16, prepare: (row, now) => thread.prepare(row, now) } : undefined,
  });
  const finishing = [...adapters.values()].map((a) => a.finished).filter((f): f is Promise<void> => f !== undefined);
  let stopped = false;
  const app: App = {
    config,
    store,
    core,
    logger,
    adapters,
    chatAdapters,
    scheduler,
    http,
    address,
    finished:
      finishing.length > 0 && finishing.length === adapters.size ? Promise.all(finishing).then(() => undefined) : new Promise(() => {}),
    async stop() {
      if (stopped) return;
      stopped = true;
      // First: stop claiming reminders and let in-flight sends finish (≤ 10 s) while adapters still work.
      await scheduler.stop().catch((err: unknown) => logger.error({ err }, 'scheduler stop failed'));
      for (const running of adapters.values()) await running.stop().catch((err: unknown) => logger.error({ err }, 'adapter stop failed'));
      await http?.close();
      await store.close();
    },
  };
  return app;
}

/** Only where the store is goes to the scheduler thread (not the tokens and secrets of the rest of the config). */
function storeConfigOf({ FOLLOWTHROUGH_DB, DATABASE_URL, FOLLOWTHROUGH_DEFAULT_TZ }: Config): StoreConfig {
  return { FOLLOWTHROUGH_DB, DATABASE_URL, FOLLOWTHROUGH_DEFAULT_TZ };
}

function noHttp(adapter: string) {
  return {
    route() {
      throw new Error(`${adapter} asked for an HTTP route, but no HTTP adapter is enabled`);
    },
  };
}
