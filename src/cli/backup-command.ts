/** `followthrough backup <file>`: a consistent copy of the live database (SQLite online backup). */
import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { openExistingStore } from './open-existing-store.js';
import { writableFilePath } from './output-path.js';

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('write a consistent copy of the database to <file>, safe while the bot runs')
    .argument('<file>', 'where to write the copy')
    .action(async (file: string) => {
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
    });
}
