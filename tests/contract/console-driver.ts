/** The contract driver for the console adapter over in-memory streams, on any store. */
import { PassThrough } from 'node:stream';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.js';
import { createCore } from '../../src/core.js';
import { ManualClock } from '../../src/ports/clock.js';
import type { Store } from '../../src/store/store.js';
import type { ContractDriver } from './conversation.js';

export function consoleDriver(store: Store, cleanup: () => void | Promise<void> = () => undefined): ContractDriver {
  const core = createCore({ store, clock: new ManualClock('2026-01-15T10:00:00Z') });
  const input = new PassThrough();
  const output = new PassThrough();
  const running = new ConsoleAdapter({ core, input, output, user: 'alice', timeZone: 'UTC' }).run();
  let buffered = '';
  output.on('data', (chunk: Buffer) => (buffered += chunk.toString()));
  let currentUser = 'alice';
  const roundTrip = async (line: string): Promise<string> => {
    buffered = '';
    input.write(`${line}\n/in local\n`);
    // The `/in` echo marks the end of the command's reply.
    while (!buffered.includes('(you are now in console:local)')) await new Promise((r) => setImmediate(r));
    return buffered.replace(/\(you are now in console:local\)\n$/, '');
  };
  return {
    async send(text, user = 'alice') {
      if (user !== currentUser) {
        await roundTrip(`/as ${user}`);
        currentUser = user;
      }
      return roundTrip(text);
    },
    mention: (user) => `@${user}`,
    async close() {
      input.end();
      await running;
      await store.close();
      await cleanup();
    },
  };
}
