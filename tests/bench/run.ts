/** `npm run bench`: runs each benchmark in a child process and prints ratios against a baseline measured in the same run. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./tick-child.ts', import.meta.url));
const out = execFileSync(process.execPath, ['--import', 'tsx', child], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'error' } });
const { baselineMs, tickMs, outbox } = JSON.parse(out.trim().split('\n').at(-1)!) as { baselineMs: number; tickMs: number; outbox: number };
console.log(`reminder tick, 10,000 commitments (10 due, ${outbox} nudges written): ${tickMs.toFixed(2)} ms`);
console.log(`baseline, full read of the same commitments: ${baselineMs.toFixed(2)} ms`);
console.log(`ratio tick / full read: ${(tickMs / baselineMs).toFixed(4)} (lower is better; an index range scan should be ≪ 1)`);
