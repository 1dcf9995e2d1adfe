/** `followthrough reminders --dry-run --at <ISO>`: one JSON line per reminder a tick at that time would send. */
import { loadConfig } from '../config/config.js';
import { parseQuietHours } from '../reminders/quiet-hours.js';
import { dryRun } from '../scheduler/dry-run.js';
import { openExistingStore } from './open-existing-store.js';

export async function runReminders(options: { dryRun?: boolean; at?: string }): Promise<void> {
  if (!options.dryRun) {
    process.stderr.write('Only `followthrough reminders --dry-run [--at <ISO time>]` exists; `followthrough start` sends reminders.\n');
    process.exitCode = 2;
    return;
  }
  const at = options.at ? new Date(options.at) : new Date();
  if (Number.isNaN(at.getTime())) {
    process.stderr.write(`--at "${options.at}" is not a time. Write it like 2024-03-15T09:00:00+05:00.\n`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const store = await openExistingStore(config, 'remind about');
  try {
    const lines = await dryRun(store, at, parseQuietHours(config.FOLLOWTHROUGH_QUIET_HOURS));
    for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
    // The count goes to stderr, so stdout stays pure JSON lines for scripts.
    process.stderr.write(
      `${lines.length} reminder${lines.length === 1 ? '' : 's'} due at ${at.toISOString()}${lines.length === 0 ? ' (nothing to send)' : ''}.\n`,
    );
  } finally {
    await store.close();
  }
}
