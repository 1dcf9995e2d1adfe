/**
 * Knows whether the SQLite file this process opened is still the file at its path. A connection
 * keeps writing to an open file even after it is deleted (with its folder) or replaced, so every
 * answered write would be lost at the next start: the guard is checked before each write and
 * refuses it with the reason instead. It also remembers a write the disk refused (I/O error, disk
 * full), until a later write succeeds, and an fsync that failed, for good (see durability-barrier.ts).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailable } from '../store.js';

/** SQLite result codes that mean the disk, not the statement, is the problem. */
const DISK_ERRORS = /^SQLITE_(IOERR|FULL|READONLY|CANTOPEN|CORRUPT|NOTADB)/;

export class FileGuard {
  private readonly identity?: { dev: number; ino: number };
  private lastFailure?: string;
  /** A failed fsync: what was written before it may be lost, and no later success can tell. */
  private syncFailure?: string;

  constructor(private readonly file: string) {
    if (file === ':memory:' || file === '') return;
    const stat = statSync(file);
    this.identity = { dev: stat.dev, ino: stat.ino };
  }

  /** Why a write must not happen now, or undefined when it may. */
  problem(): string | undefined {
    if (!this.identity) return undefined;
    let stat;
    try {
      stat = statSync(this.file);
    } catch {
      return `the database file ${this.file} is gone (deleted, or its folder removed) while Followthrough was running; restore it or restart to create a new one`;
    }
    if (stat.dev !== this.identity.dev || stat.ino !== this.identity.ino) {
      return `the database file ${this.file} was replaced by another file while Followthrough was running; restart to use the new one`;
    }
    const readOnly = readOnlyProblem(this.file, stat.mode);
    if (readOnly) return readOnly;
    return this.syncFailure ?? this.lastFailure;
  }

  /** Throws StoreUnavailable when a write must not happen now. */
  check(): void {
    const problem = this.problem();
    if (problem) throw new StoreUnavailable(problem);
  }

  /** Refuses this and every later write: the disk could not make a commit durable. */
  fail(reason: string, cause: unknown): never {
    this.syncFailure = `${reason}; what was saved since the last successful sync may be lost — check the disk, then restart`;
    throw new StoreUnavailable(this.syncFailure, { cause });
  }

  /** Runs a write: a disk error becomes StoreUnavailable and is remembered for health checks; success clears it. */
  write<T>(fn: () => T): T {
    try {
      const result = fn();
      this.lastFailure = undefined;
      return result;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!DISK_ERRORS.test(code)) throw error;
      this.lastFailure = `the last write to ${this.file} failed (${code}: ${(error as Error).message})`;
      throw new StoreUnavailable(this.lastFailure, { cause: error });
    }
  }
}

/**
 * A file (or folder) marked read-only by its owner. Checked on the mode bits, not only with
 * access(2), so the refusal is the same for root, who may write anyway.
 */
export function readOnlyProblem(file: string, mode = statSync(file).mode): string | undefined {
  const folder = dirname(file);
  const writable = (path: string, bits: number) => {
    if ((bits & 0o200) === 0) return false;
    try {
      accessSync(path, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (!writable(file, mode))
    return `the database file ${file} is read-only; make it writable (chmod u+w) or point FOLLOWTHROUGH_DB at a writable file`;
  if (!writable(folder, statSync(folder).mode)) {
    return `the folder ${folder} of the database file is read-only (SQLite writes its journal next to the file); make it writable or move FOLLOWTHROUGH_DB`;
  }
  return undefined;
}
