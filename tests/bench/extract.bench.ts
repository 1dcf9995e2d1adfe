/**
 * `npm run bench -- extract [--runs 10]`: `followthrough extract` on a real 3,000-character text
 * (meeting notes from real-train), run as a user runs it, from the snapshot of the ready extractor
 * (src/cli/extract-snapshot.js) against the same command with the snapshot turned off
 * (FOLLOWTHROUGH_EXTRACT_SNAPSHOT=0, the transpiled copy as before), alternating, in the same run.
 * Issue 14 asks that `extract` on such a text stay under a second on these machines.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: plain JavaScript with no declarations.
import { compiledTree } from '../../src/cli/compiled-tree.js';
// @ts-expect-error: plain JavaScript with no declarations.
import { buildExtractSnapshot } from '../../src/cli/extract-snapshot.js';
import { option } from './lib/bench-args.js';

const runs = Number(option(process.argv.slice(2), 'runs', '10'));
const bin = join(import.meta.dirname, '../../src/cli/bin.js');
const text = join(import.meta.dirname, '../fixtures/extraction/real-train/aswf-tac-notes-2018-09-26.txt');
const tree = (await compiledTree()) as string;
if (!existsSync(join(tree, 'extract.blob')) && !(await buildExtractSnapshot(tree))) throw new Error('could not make the extract snapshot');

function once(snapshot: boolean): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, 'extract', text, '--date', '2018-09-26'], {
    encoding: 'utf8',
    env: { ...process.env, FOLLOWTHROUGH_EXTRACT_SNAPSHOT: snapshot ? '1' : '0' },
  });
  if (run.status !== 0 || !run.stdout.includes('1. ')) throw new Error(`extract failed: ${run.stderr}`);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
once(true);
once(false);
const [withSnapshot, without] = [[] as number[], [] as number[]];
for (let i = 0; i < runs; i++) {
  withSnapshot.push(once(true));
  without.push(once(false));
}
const [a, b] = [median(withSnapshot), median(without)];
console.log(
  `extract, 3,000 characters: from the snapshot ${a.toFixed(0)} ms · without ${b.toFixed(0)} ms (medians of ${runs}, alternating)`,
);
console.log(`extract: ${(b / a).toFixed(2)}× faster from the snapshot (${a.toFixed(0)} ms against ${b.toFixed(0)} ms)`);
