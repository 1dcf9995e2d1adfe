/**
 * A commander action that imports its command's module only when that command runs: start-up and
 * `--help` then load commander and the command list, not the store, scheduler or extractor.
 */
import type { Command } from 'commander';

type Run<A extends unknown[]> = (this: Command, ...args: A) => void | Promise<void>;

export function lazyAction<A extends unknown[]>(load: () => Promise<Run<A>>): Run<A> {
  return async function (this: Command, ...args: A) {
    const run = await load();
    await run.apply(this, args);
  };
}
