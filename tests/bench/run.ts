/**
 * `npm run bench -- [name…] [--all] [options for the benchmark]`: runs `tests/bench/<name>.bench.ts`,
 * each in its own child process, one after another, and ends with each one's headline (its last line).
 *
 * No name runs every benchmark except those marked `@bench-slow` in their file (big seeds, minutes
 * long); `--all` includes those too. Everything after the names (e.g. `--sizes 10k,100k`) is passed
 * to each benchmark. Benchmarks print ratios against a baseline measured in the same run, never
 * absolute pass/fail times: these machines are shared and noisy.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const SUFFIX = '.bench.ts';
const available = readdirSync(dir)
  .filter((f) => f.endsWith(SUFFIX))
  .map((f) => f.slice(0, -SUFFIX.length))
  .sort();
const isSlow = (name: string) => readFileSync(`${dir}${name}${SUFFIX}`, 'utf8').includes('@bench-slow');

const args = process.argv.slice(2);
const all = args.includes('--all');
const rest = args.filter((a) => a !== '--all');
const firstOption = rest.findIndex((a) => a.startsWith('-'));
const names = firstOption === -1 ? rest : rest.slice(0, firstOption);
const passed = firstOption === -1 ? [] : rest.slice(firstOption);

const unknown = names.filter((n) => !available.includes(n));
if (unknown.length > 0) {
  process.stderr.write(`No benchmark named ${unknown.join(', ')}. Available: ${available.join(', ')}.\n`);
  process.exit(2);
}
const chosen = names.length > 0 ? names : available.filter((n) => all || !isSlow(n));
const skipped = names.length > 0 ? [] : available.filter((n) => !chosen.includes(n));

/** Runs one benchmark, echoing its output as it comes; resolves with its last line and exit code. */
function runBenchmark(name: string): Promise<{ headline: string; code: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${dir}${name}${SUFFIX}`, ...passed], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      out += chunk.toString('utf8');
    });
    child.on('close', (code) => resolve({ headline: out.trim().split('\n').at(-1) ?? '', code: code ?? 1 }));
  });
}

const results: { name: string; headline: string; code: number }[] = [];
for (const name of chosen) {
  process.stdout.write(`\n=== ${name} ===\n`);
  results.push({ name, ...(await runBenchmark(name)) });
}
if (skipped.length > 0) process.stdout.write(`\nskipped (slow; name them or pass --all): ${skipped.join(', ')}\n`);
if (results.length > 1) {
  process.stdout.write('\n');
  for (const r of results) process.stdout.write(`${r.name}: ${r.code === 0 ? r.headline : `FAILED (exit ${r.code})`}\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
