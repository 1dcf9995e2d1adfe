/** What a command is: a spec with a name, its words, a zod schema for its arguments, and a handler. */
import type { z } from 'zod';
import type { UserRef } from '../commitments/commitment.js';
import type { Clock } from '../ports/clock.js';
import type { Invocation } from '../ports/invocation.js';
import type { Reply } from '../replies/reply.js';
import type { ChannelRecord, Store } from '../store/store.js';
import type { CommandInput } from './tokenize.js';

export interface CoreSettings {
  defaultTimeZone: string;
}

/** Everything a handler may use. Handlers return replies; they never call a platform. */
export interface CommandContext {
  invocation: Invocation;
  store: Store;
  clock: Clock;
  settings: CoreSettings;
  /** The asking user, as a reference to store in logs and owners. */
  actor: UserRef;
  /** The channel the command came from (created on first sight). */
  channel: ChannelRecord;
  /** Runs another command's words as the same user (used by button presses and `help`). */
  registry: readonly CommandSpec[];
}

export interface CommandSpec<A = any> {
  name: string;
  aliases?: string[];
  /** One line for `help`. */
  summary: string;
  /**
   * The line for `help` in a DM or 1:1 chat, where "this channel" would be wrong (a `list` there is
   * yours, everywhere; a chat has no digest). Absent: `summary` fits there too.
   */
  summaryInDirect?: string;
  /** The words it takes, e.g. `done <id> [note]`. */
  usage: string;
  examples: string[];
  /** Validates what `read` pulled out of the words; its messages reach the user. */
  args: z.ZodType<A>;
  /** Turns the words after the command name into the raw object `args` validates. */
  read(input: CommandInput): unknown;
  run(context: CommandContext, args: A): Promise<Reply>;
}

export function defineCommand<A>(spec: CommandSpec<A>): CommandSpec<A> {
  return spec;
}
