/**
 * Opens the store for a read-only command (status, export, backup, report, workspaces, reminders):
 * a SQLite file that does not exist is refused — opening it would create an empty database, and a
 * mistyped FOLLOWTHROUGH_DB would then "back up" nothing and exit 0.
 */
import { existsSync } from 'node:fs';
import type { Config } from '../config/config.js';
import { StartupError } from '../config/startup-error.js';
import { WHERE_TO_GET } from '../config/where-to-get.js';
import { openConfiguredStore } from '../config/open-configured-store.js';
import type { Store } from '../store/store.js';

export async function openExistingStore(config: Config, purpose: string): Promise<Store> {
  if (!config.DATABASE_URL && config.FOLLOWTHROUGH_DB !== ':memory:' && !existsSync(config.FOLLOWTHROUGH_DB)) {
    throw new StartupError(
      'FOLLOWTHROUGH_DB',
      `=${config.FOLLOWTHROUGH_DB} does not exist, so there is nothing to ${purpose} (a relative path is read from FOLLOWTHROUGH_HOME=${config.FOLLOWTHROUGH_HOME}; \`followthrough start\` creates the database)`,
      WHERE_TO_GET.FOLLOWTHROUGH_DB,
    );
  }
  return openConfiguredStore(config);
}
