/** A real SQLite file in a fresh temp folder, removed after the test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDbPath(prefix = 'followthrough-'): { file: string; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { file: join(dir, 'test.db'), dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
