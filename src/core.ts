/** The core as adapters see it: hand it an invocation or a button press, get back what to show. */
import type { Logger } from 'pino';
import { act, type ActionOutcome } from './commands/act.js';
import { dispatch } from './commands/dispatch.js';
import { reactivateChannel } from './commands/reactivate-channel.js';
import { commands } from './commands/registry.js';
import type { CommandSpec, CoreSettings } from './commands/spec.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { Action, Invocation } from './ports/invocation.js';
import type { Reply } from './replies/reply.js';
import type { Store } from './store/store.js';

export interface Core {
  readonly store: Store;
  readonly clock: Clock;
  readonly settings: CoreSettings;
  handle(invocation: Invocation): Promise<Reply>;
  act(action: Action): Promise<ActionOutcome>;
  /**
   * The bot was invited back to a channel (Slack `member_joined_channel` for the bot, a Teams
   * install): a channel marked inactive after a failed post gets its digests again. Returns how
   * many channel records came back (0 when it was active).
   */
  reactivateChannel(address: string): Promise<number>;
}

export interface CoreOptions {
  store: Store;
  clock?: Clock;
  settings?: Partial<CoreSettings>;
  logger?: Pick<Logger, 'error' | 'warn'>;
  registry?: readonly CommandSpec[];
}

export function createCore(options: CoreOptions): Core {
  const deps = {
    store: options.store,
    clock: options.clock ?? systemClock,
    settings: { defaultTimeZone: 'UTC', ...options.settings },
    registry: options.registry ?? commands,
    logger: options.logger,
  };
  return {
    store: deps.store,
    clock: deps.clock,
    settings: deps.settings,
    handle: (invocation) => answered(deps, dispatch(deps, invocation)),
    act: (action) => answered(deps, act(deps, action)),
    reactivateChannel: (address) => reactivateChannel(deps.store, address),
  };
}

/**
 * An answer goes out only once what it reports is on disk: its own writes already waited, but a read
 * may have found another request's commit whose sync is still running (SQLite). When that sync
 * fails, its writer was refused and `/healthz` says so; this answer, from reads, still goes out.
 */
async function answered<T>(deps: { store: Store; logger?: Pick<Logger, 'error' | 'warn'> }, answer: Promise<T>): Promise<T> {
  const result = await answer;
  try {
    await deps.store.durable?.();
  } catch (error) {
    deps.logger?.error({ err: error }, 'store could not sync a write this answer read');
  }
  return result;
}

export type { ActionOutcome };
