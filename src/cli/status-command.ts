/** `followthrough status`: outbox depth, oldest pending, missed slots, inactive addresses, recent failures. */
import { loadConfig } from '../config/config.js';
import { openExistingStore } from './open-existing-store.js';
import type { OutboxStats } from '../store/store.js';

const WEEK_MS = 7 * 86_400_000;

export async function runStatus(options: { json?: boolean }): Promise<void> {
  const store = await openExistingStore(loadConfig(), 'report on');
  try {
    const now = new Date();
    const stats = await store.outbox.stats(now, new Date(now.getTime() - WEEK_MS));
    process.stdout.write(options.json ? `${JSON.stringify(stats)}\n` : describe(stats));
  } finally {
    await store.close();
  }
}

function describe(stats: OutboxStats): string {
  const lines = [
    `Outbox depth: ${stats.depth} pending`,
    `Oldest pending: ${stats.oldestPendingDueAt ?? 'none'}`,
    `Missed digest slots: ${stats.missed}`,
    `Inactive addresses: ${stats.inactive.length === 0 ? 'none' : ''}`,
    ...stats.inactive.map((a) => `  ${a.kind} ${a.address}: ${a.reason}`),
    `Failures in the last 7 days: ${stats.recentFailures.length === 0 ? 'none' : ''}`,
    ...stats.recentFailures.map((f) => `  ${f.at} ${f.address}: ${f.error}`),
  ];
  return `${lines.join('\n')}\n`;
}
