/** Runs a benchmark's system under test in a child process and returns the JSON object it prints last. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** `file` is relative to tests/bench/; `env` is added to this process's environment. */
export async function runChild<T>(file: string, args: string[] = [], env: Record<string, string> = {}): Promise<T> {
  const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', path, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}
