/** `followthrough backup <file>`: a consistent copy of the live database (SQLite online backup). */
import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { openStore } from '../store/open-store.js';

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('write a consistent copy of the database to <file>, safe while the bot runs')
    .argument('<file>', 'where to write the copy')
    .action(async (file: string) => {
      const store = openStore(loadConfig());
      try {
        await store.backup(file);
        process.stdout.write(`Backed up to ${file}\n`);
      } finally {
        await store.close();
      }
    });
}
