/**
 * A process that changes one channel's and one user's adapter data many times over, as another
 * instance would: opens the store (SQLite file `DB`, or PostgreSQL at `DATABASE_URL`), prints
 * "ready", waits for a line on stdin (so every process starts writing at once), then appends
 * `<NAME>-<i>` to the `cards` list of each, COUNT times, with `updatePlatformData`; exits 0.
 */
import { openTargetStore } from './store-target.js';

const env = process.env;
const store = openTargetStore(env.DATABASE_URL ? { engine: 'postgres', url: env.DATABASE_URL } : { engine: 'sqlite', file: env.DB! });
await store.ready?.();
process.stdout.write('ready\n');
await new Promise((go) => process.stdin.once('data', go));
const append = (card: string) => (current: unknown) => {
  const data = (current ?? {}) as { cards?: string[] };
  return { ...data, cards: [...(data.cards ?? []), card] };
};
for (let i = 0; i < Number(env.COUNT); i++) {
  const card = `${env.NAME}-${i}`;
  await Promise.all([
    store.channels.updatePlatformData('w1', 'teams:t:c', append(card)),
    store.users.updatePlatformData('w1', 'U1', append(card)),
  ]);
}
await store.close();
process.exit(0);
