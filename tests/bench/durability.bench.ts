/**
 * `npm run bench -- durability`: what "acknowledged means on disk" costs. `add` through the core with
 * SQLite syncing every commit (`synchronous = FULL`, the default) against not syncing (`NORMAL`, which
 * survives a process crash but not a power cut or a failing disk), same run, same machine.
 */
import { runChild } from './lib/run-child.js';
import { Targets } from './lib/targets.js';

const targets = new Targets();
try {
  const [full, normal] = [await targets.create('sqlite'), await targets.create('sqlite')];
  const r = await runChild<{ fullMs: number; normalMs: number }>('lib/durability-child.ts', [JSON.stringify([full.file, normal.file])]);
  console.log(`add, synchronous = FULL (each answered add fsynced): ${r.fullMs.toFixed(2)} ms (median of 200)`);
  console.log(`add, synchronous = NORMAL (not synced at commit): ${r.normalMs.toFixed(2)} ms (median of 200)`);
  console.log(`the fsync costs ${(r.fullMs - r.normalMs).toFixed(2)} ms per add`);
  console.log(`add FULL ÷ NORMAL: ${(r.fullMs / r.normalMs).toFixed(1)}×`);
} finally {
  await targets.dispose();
}
