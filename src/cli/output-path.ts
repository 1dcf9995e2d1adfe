/**
 * Checks a file path given on the command line (`--out`, `backup <file>`) before any work: it is
 * read from the shell's directory, must name a file (not a folder) in a folder that exists and can
 * be written. Each refusal is one line saying what to give instead.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export class PathArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathArgumentError';
  }
}

export function writableFilePath(path: string, what: string, example: string): string {
  const full = resolve(path);
  const existing = statSync(full, { throwIfNoEntry: false });
  if (existing?.isDirectory())
    throw new PathArgumentError(`${what} "${path}" is a folder; give a file name, for example ${resolve(full, example)}.`);
  const folder = dirname(full);
  const parent = statSync(folder, { throwIfNoEntry: false });
  if (!parent) throw new PathArgumentError(`${what} "${path}": the folder ${folder} does not exist; create it first or give another path.`);
  if (!parent.isDirectory()) throw new PathArgumentError(`${what} "${path}": ${folder} is a file, not a folder.`);
  try {
    accessSync(existing ? full : folder, constants.W_OK);
  } catch {
    throw new PathArgumentError(
      `${what} "${path}" cannot be written by this user (${existing ? 'the file' : `the folder ${folder}`} is read-only).`,
    );
  }
  return full;
}
