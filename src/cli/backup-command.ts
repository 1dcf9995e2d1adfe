/** `followthrough backup <file>`: a consistent copy of the live database (SQLite online backup). */
import { loadConfig } from '../config/config.js';
import { openExistingStore } from './open-existing-store.js';
import { writableFilePath } from './output-path.js';

export async function runBackup(file: string): Promise<void> {
  const config = loadConfig();
  const target = writableFilePath(file, 'The backup file', 'followthrough-backup.db');
  if (target === config.FOLLOWTHROUGH_DB) throw new Error(`The backup file "${file}" is the database itself; give another path.`);
  const store = await openExistingStore(config, 'back up');
  try {
    await store.backup(target);
    process.stdout.write(`Backed up to ${target} (a copy of ${config.FOLLOWTHROUGH_DB})\n`);
  } finally {
    await store.close();
  }
}
