/** Runs a benchmark's system under test in a child process and reads the JSON lines it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface BenchChild {
  child: ChildProcess;
  /** The next JSON line the child prints. */
  next<T>(): Promise<T>;
  send(line: string): void;
  exited: Promise<number | null>;
}

export function startBenchChild(file: string, env: Record<string, string>): BenchChild {
  const path = fileURLToPath(new URL(file, import.meta.url));
  // BENCH_CPU_PROF=<dir>: each system under test writes a CPU profile there (one per thread) when it exits.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk) => {
    buffer += chunk;
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      if (!line.startsWith('{')) continue;
      const wake = waiting.shift();
      if (wake) wake(line);
      else lines.push(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    next<T>() {
      const line = lines.shift();
      if (line) return Promise.resolve(JSON.parse(line) as T);
      return new Promise<T>((resolve, reject) => {
        waiting.push((l) => resolve(JSON.parse(l) as T));
        void exited.then((code) => reject(new Error(`the benchmark child exited (${code}) before answering`)));
      });
    },
    send(line) {
      child.stdin!.write(`${line}\n`);
    },
    exited,
  };
}

/** p-th percentile (0–100) of `values`. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
