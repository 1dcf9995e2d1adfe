/** Starts and kills scheduler-child processes for crash tests; every child is tracked so tests can clean up. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./scheduler-child.ts', import.meta.url));
const running = new Set<ChildProcess>();

export interface ChildRun {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  ready: Promise<void>;
  /** What the child printed on stdout so far (its last line is a JSON summary when it exits 0). */
  stdout(): string;
  /** What the child logged on stderr so far (its warnings and errors), for a failing test to show. */
  stderr(): string;
}

export function startChild(env: Record<string, string>): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
    if (process.env.CHILD_STDERR) process.stderr.write(d);
  });
  let stdout = '';
  const ready = new Promise<void>((resolve) =>
    child.stdout!.on('data', (d) => {
      stdout += d;
      if (stdout.includes('ready')) resolve();
    }),
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code !== 0 && signal === null && stderr) process.stderr.write(stderr);
      resolve({ code, signal });
    }),
  );
  return { child, exited, ready, stdout: () => stdout, stderr: () => stderr };
}

export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}
