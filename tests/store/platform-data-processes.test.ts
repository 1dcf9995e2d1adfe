/**
 * Adapter data changed by several processes at once, as several instances (or two processes on one
 * SQLite file) change it: three processes each append 40 cards to one channel's and one user's
 * `platformData` through `updatePlatformData`, all starting together. Every append survives, on a
 * SQLite file and on PostgreSQL — a plain read-then-upsert from each would lose some.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, useEngines } from '../helpers/engines.js';
import { openTargetStore, targetEnv } from '../helpers/store-target.js';

const CHILD = fileURLToPath(new URL('../helpers/platform-data-child.ts', import.meta.url));
const COUNT = 40;
const target = useEngines('ft-platform-data-');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A writer process, started and waiting for the word to go; resolves with how it ended and what it said. */
function startWriter(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('ready')) resolve();
    }),
  );
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  });
  return {
    ready: Promise.race([ready, exited.then(({ stderr: e }) => Promise.reject(new Error(`writer died: ${e}`)))]),
    go: () => child.stdin.end('go\n'),
    exited,
  };
}

describe.each(ENGINES)('adapter data written by three processes on one %s database', (engine) => {
  it('keeps every change: each process reads what the others wrote before it writes', async () => {
    const on = await target(engine);
    const store = openTargetStore(on);
    cleanups.push(() => store.close());
    await store.channels.upsert({ workspaceId: 'w1', address: 'teams:t:c', name: 'General', platformData: { reference: 'r' } });
    await store.users.upsert({ workspaceId: 'w1', id: 'U1', name: 'Zainab Khan' });

    const writers = ['one', 'two', 'three'].map((name) => startWriter({ ...targetEnv(on), NAME: name, COUNT: String(COUNT) }));
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.go();
    const ends = await Promise.all(writers.map((w) => w.exited));
    expect(ends.map((e) => (e.code === 0 ? 0 : e.stderr))).toEqual([0, 0, 0]);

    const expected = ['one', 'two', 'three'].flatMap((name) => Array.from({ length: COUNT }, (_, i) => `${name}-${i}`)).sort();
    const cardsOf = (record: { platformData?: unknown } | null) => (record?.platformData as { cards?: string[] } | undefined)?.cards ?? [];
    const channel = await store.channels.get('w1', 'teams:t:c');
    expect(channel?.platformData).toMatchObject({ reference: 'r' });
    expect([...cardsOf(channel)].sort()).toEqual(expected);
    expect([...cardsOf(await store.users.get('w1', 'U1'))].sort()).toEqual(expected);
    // Each process's own appends stay in the order it made them.
    const cards = cardsOf(channel);
    for (const name of ['one', 'two', 'three']) {
      expect(cards.filter((c) => c.startsWith(`${name}-`))).toEqual(Array.from({ length: COUNT }, (_, i) => `${name}-${i}`));
    }
  });
});
