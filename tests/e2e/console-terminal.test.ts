// The console on a terminal: readline line editing and history (an up arrow repeats the last
// command), `help` names the console's own /as and /in, and history is handed back for saving.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.js';
import { consoleBanner } from '../../adapters/console/index.js';
import { createCore } from '../../src/core.js';
import { ManualClock } from '../../src/ports/clock.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/temp-db.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0)) await f();
});

function terminalConsole(history: string[] = []) {
  const db = tempDbPath();
  const store = new SqliteStore({ file: db.file });
  cleanups.push(async () => {
    await store.close();
    db.remove();
  });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  const saved: string[][] = [];
  const core = createCore({ store, clock: new ManualClock('2026-01-15T10:00:00Z') });
  const adapter = new ConsoleAdapter({
    core,
    input,
    output,
    user: 'ann',
    timeZone: 'UTC',
    prompt: true,
    terminal: { history, onHistory: (h) => saved.push([...h]) },
  });
  const running = adapter.run();
  const settle = () => new Promise((r) => setTimeout(r, 150));
  return { input, store, saved, running, settle, output: () => text };
}

describe('console on a terminal', () => {
  it('repeats the previous command with the up arrow, and clears a line with Ctrl-U', async () => {
    const c = terminalConsole();
    c.input.write('add Fly kites due 2099-01-01\r');
    await c.settle();
    c.input.write('\x1b[A\r');
    await c.settle();
    c.input.write('garbage\x15list\r');
    await c.settle();
    c.input.end();
    expect(await c.running).toBe(3);
    expect((await c.store.commitments.list('console')).map((m) => m.title)).toEqual(['Fly kites', 'Fly kites']);
    expect(c.output()).toMatch(/Commitments in this channel \(2\)/);
    expect(c.output()).not.toMatch(/\^\[\[A/);
    expect(c.saved.at(-1)).toEqual(['list', 'add Fly kites due 2099-01-01']);
  });

  it('starts from saved history, and help names /as and /in', async () => {
    const c = terminalConsole(['list']);
    c.input.write('\x1b[A\r');
    await c.settle();
    c.input.write('help\r');
    await c.settle();
    c.input.end();
    await c.running;
    expect(c.output()).toMatch(/Commitments in this channel: nothing here/);
    expect(c.output()).toMatch(
      /In this console: \/as <user> speaks as someone else, \/in <channel> moves to another channel, \/quit ends\./,
    );
  });
});

describe('console banner', () => {
  it('names the real store, without a password, and where the logs go', () => {
    expect(
      consoleBanner({
        DATABASE_URL: 'postgres://ops:hunter2@db:5432/ft',
        FOLLOWTHROUGH_DB: '/srv/ft/data/followthrough.db',
        FOLLOWTHROUGH_HOME: '/srv/ft',
      }),
    ).toBe('Followthrough console — PostgreSQL postgres://ops:***@db:5432/ft; logs go to /srv/ft/data/console.log. Type `help`, or /quit.');
    expect(consoleBanner({ FOLLOWTHROUGH_DB: '/srv/ft/data/followthrough.db', FOLLOWTHROUGH_HOME: '/srv/ft' })).toMatch(
      /^Followthrough console — SQLite file \/srv\/ft\/data\/followthrough\.db;/,
    );
  });
});
