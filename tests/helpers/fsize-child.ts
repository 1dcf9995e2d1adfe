/**
 * Runs in a child process whose file-size limit (`ulimit -f`) the parent set just above the
 * database's size: adds items through the core until the disk refuses a write, printing each reply
 * as a JSON line, then the store's health. The parent checks every answered add survived.
 */
import { createCore } from '../../src/core.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const store = new SqliteStore({ file: process.env.DB!, maintenanceIntervalMs: 0 });
const core = createCore({ store });
for (let i = 1; i <= 2_000; i++) {
  const reply = await core.handle({
    workspace: { id: 'w1' },
    channel: { address: 'test:general', isDirect: false },
    user: { id: 'alice', name: 'alice', isAdmin: false },
    text: `add Item number ${i} ${'x'.repeat(170)}`,
    mentions: [],
    receivedAt: new Date(),
  });
  process.stdout.write(`${JSON.stringify({ i, text: reply.text })}\n`);
  if (!/added C-/.test(reply.text)) break;
}
process.stdout.write(`${JSON.stringify({ health: await store.health() })}\n`);
await store.close().catch(() => undefined);
