/**
 * Re-checks one outbox row against current state and renders it at send time: an item done,
 * dropped, snoozed or re-owned since is cancelled, a digest is rebuilt from what is true now.
 */
import { ACTIVE_STATUSES } from '../commitments/commitment.js';
import { dueDateOf } from '../commitments/deadline.js';
import { buildDigest } from '../reminders/digest.js';
import { inGrace } from '../reminders/digest-policy.js';
import type { QuietHours } from '../reminders/quiet-hours.js';
import { reminderMessage } from '../reminders/reminder-message.js';
import type { Reply } from '../replies/reply.js';
import type { OutboxOutcome, OutboxRow, Store } from '../store/store.js';

export type Prepared = { reply: Reply; commitmentIds: string[] } | { outcome: Exclude<OutboxOutcome, { state: 'sent' }> };

const DAY_MS = 86_400_000;
const cancel = (reason: string): Prepared => ({ outcome: { state: 'cancelled', reason } });

export async function prepareRow(store: Store, row: OutboxRow, now: Date, quiet?: QuietHours): Promise<Prepared> {
  return row.kind === 'digest' ? prepareDigest(store, row, now, quiet) : prepareReminder(store, row, now);
}

async function prepareDigest(store: Store, row: OutboxRow, now: Date, quiet?: QuietHours): Promise<Prepared> {
  const channel = await store.channels.get(row.workspaceId, row.subject);
  if (!channel || !channel.active) return cancel(`channel inactive${channel?.inactiveReason ? `: ${channel.inactiveReason}` : ''}`);
  if (await store.outbox.hasNewer(row)) return { outcome: { state: 'missed', reason: 'superseded by a newer digest' } };
  // A digest held up past its grace window (a crash, a long rate limit) is late news: record it missed.
  if (quiet && now.getTime() > new Date(row.dueAt).getTime() && !inGrace({ slot: row.slot, at: new Date(row.dueAt) }, now, channel.timeZone, quiet)) {
    return { outcome: { state: 'missed', reason: 'past the grace window' } };
  }
  const commitments = await store.commitments.list(row.workspaceId, { channel: row.subject, statuses: ACTIVE_STATUSES });
  const proposed = await store.commitments.list(row.workspaceId, { channel: row.subject, statuses: ['proposed'] });
  const last = await store.outbox.lastSent(row.workspaceId, row.subject, 'digest');
  const since = last?.finishedAt ?? new Date(new Date(row.dueAt).getTime() - DAY_MS).toISOString();
  const changes = await store.reminders.changesSince(row.workspaceId, row.subject, since);
  const unreachable = new Set<string>();
  for (const c of commitments) {
    for (const owner of c.owners) {
      const user = await store.users.get(c.workspaceId, owner.id);
      if (!user?.dmAddress || (await store.reminders.dmInactive(c.workspaceId, owner.id))) unreachable.add(owner.name);
    }
  }
  const reply = buildDigest({ channelName: channel.name, commitments, proposedCount: proposed.length, changes, unreachable: [...unreachable], now });
  if (!reply) return cancel('nothing to report (digest skipped)');
  const listed = reply.card?.sections.flatMap((s) => s.items ?? []).map((i) => i.id).filter((id): id is string => Boolean(id)) ?? [];
  return { reply, commitmentIds: listed };
}

async function prepareReminder(store: Store, row: OutboxRow, now: Date): Promise<Prepared> {
  const commitment = await store.commitments.get(row.workspaceId, row.subject);
  if (!commitment || !ACTIVE_STATUSES.includes(commitment.status)) return cancel(`no longer open (${commitment?.status ?? 'gone'})`);
  if (row.recipientId && !commitment.owners.some((o) => o.id === row.recipientId)) return cancel('no longer an owner');
  if (commitment.snoozedUntil && new Date(commitment.snoozedUntil) > now) return cancel('snoozed');
  if (row.recipientId && (await store.reminders.dmInactive(row.workspaceId, row.recipientId))) return cancel('DM unreachable; listed in the digest');
  const d = commitment.deadline;
  const stillFits =
    (row.kind === 'nudge' && dueDateOf(d) !== undefined && d.kind !== 'vague') ||
    (row.kind === 'confirm-date' && d.kind === 'vague') ||
    (row.kind === 'event-check' && d.kind === 'event' && !d.due) ||
    (row.kind === 'review' && d.kind === 'ongoing');
  if (!stillFits) return cancel('the deadline changed since');
  if (row.kind === 'digest') return cancel('unexpected kind');
  return { reply: reminderMessage(row.kind, commitment, now), commitmentIds: [commitment.id] };
}
