/**
 * How every command ends when it cannot start: one line on stderr naming the variable to fix, and
 * exit code 2 — never a stack trace. An unexpected error still gets one line (its first), and the
 * full trace only with LOG_LEVEL=debug or trace, for a bug report.
 */
import { oneLine, StartupError } from '../config/startup-error.js';

export const STARTUP_EXIT_CODE = 2;

export function startupLine(command: string, error: unknown): string {
  const prefix = command === 'start' ? 'Cannot start' : `Cannot run ${command}`;
  if (error instanceof StartupError) return `${prefix}: ${error.message}`;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return oneLine(`${prefix}: ${message}`);
}

export function exitWithStartupError(command: string, error: unknown): never {
  process.stderr.write(`${startupLine(command, error)}\n`);
  if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(STARTUP_EXIT_CODE);
}
