/** "What would one tick at T send, given the outbox as it is now?" — computed and rendered, nothing recorded. */
import type { QuietHours } from '../reminders/quiet-hours.js';
import type { OutboxKind, OutboxRow, Store } from '../store/store.js';
import { planTick } from './plan-tick.js';
import { prepareRow } from './prepare-row.js';

export interface DryRunLine {
  kind: OutboxKind;
  address: string;
  commitments: string[];
  text: string;
}

export async function dryRun(store: Store, at: Date, quiet: QuietHours): Promise<DryRunLine[]> {
  const plan = await planTick(store, at, quiet);
  const existing = await store.outbox.existingKeys(plan.rows.map((r) => r.key));
  // Several items of one owner plan the same owner-day row: it is one message.
  const unique = [...new Map(plan.rows.map((r) => [r.key, r])).values()];
  const fresh: OutboxRow[] = unique
    .filter((r) => r.state !== 'missed' && !existing.has(r.key))
    .map((r, i) => ({
      ...r,
      id: -(i + 1),
      recipientId: r.recipientId,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: r.dueAt,
      createdAt: at.toISOString(),
      interrupted: false,
    }));
  const lines: DryRunLine[] = [];
  for (const row of [...(await store.outbox.pendingDue(at, 10_000)), ...fresh]) {
    const prepared = await prepareRow(store, row, at, quiet);
    if ('reply' in prepared)
      lines.push({ kind: row.kind, address: row.address, commitments: prepared.commitmentIds, text: prepared.reply.text });
  }
  return lines;
}
