/** `npm run bench`: runs each benchmark in a child process and prints ratios against a baseline measured in the same run. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

function runChild<T>(file: string): T {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', path], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'error' } });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

const tick = runChild<{ baselineMs: number; tickMs: number; outbox: number }>('./tick-child.ts');
console.log(`reminder tick, 10,000 commitments (10 due, ${tick.outbox} nudges written): ${tick.tickMs.toFixed(2)} ms`);
console.log(`baseline, full read of the same commitments: ${tick.baselineMs.toFixed(2)} ms`);
console.log(`ratio tick / full read: ${(tick.tickMs / tick.baselineMs).toFixed(4)} (lower is better; an index range scan should be ≪ 1)`);

const commands = runChild<{ rawInsertMs: number; addMs: number; rawSelectMs: number; listMs: number }>('./commands-child.ts');
console.log('');
console.log(`add through the core (parse, deadline reading, transaction, log row): ${commands.addMs.toFixed(3)} ms`);
console.log(`baseline, a bare INSERT of one commitment row: ${commands.rawInsertMs.toFixed(3)} ms`);
console.log(`ratio add / bare insert: ${(commands.addMs / commands.rawInsertMs).toFixed(1)}`);
console.log(`list of a 500-item channel through the core (query, grouping, card and text): ${commands.listMs.toFixed(2)} ms`);
console.log(`baseline, a bare SELECT of the same rows: ${commands.rawSelectMs.toFixed(2)} ms`);
console.log(`ratio list / bare select: ${(commands.listMs / commands.rawSelectMs).toFixed(1)}`);
