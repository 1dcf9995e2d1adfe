/**
 * Re-checks one outbox row against current state and renders it at send time: a digest is rebuilt
 * from what is true now; an owner's daily message gathers everything due for them now (so items
 * done, dropped, snoozed or re-owned since drop out, and one planned later the same day joins in);
 * rows of the older per-item kinds are still honoured.
 */
import { ACTIVE_STATUSES } from '../commitments/commitment.js';
import { dueDateOf } from '../commitments/deadline.js';
import { digestFor } from '../reminders/channel-digest.js';
import { inGrace } from '../reminders/digest-policy.js';
import { digestReaches, isInSightSlot } from '../reminders/in-sight.js';
import { latestSentSlot, slotCounts } from '../reminders/nudge-policy.js';
import { ownerMessage, type OwnerReminder } from '../reminders/owner-message.js';
import { parseQuietHours, type QuietHours } from '../reminders/quiet-hours.js';
import { reminderMessage } from '../reminders/reminder-message.js';
import type { Reply } from '../replies/reply.js';
import type { OutboxOutcome, OutboxRow, Store } from '../store/store.js';

export type Prepared = { reply: Reply; commitmentIds: string[] } | { outcome: Exclude<OutboxOutcome, { state: 'sent' }> };

const cancel = (reason: string): Prepared => ({ outcome: { state: 'cancelled', reason } });
const DEFAULT_QUIET = parseQuietHours('20:00-08:00');

export async function prepareRow(store: Store, row: OutboxRow, now: Date, quiet?: QuietHours): Promise<Prepared> {
  if (row.kind === 'digest') return prepareDigest(store, row, now);
  if (row.kind === 'owner-day') return prepareOwnerDay(store, row, now, quiet ?? DEFAULT_QUIET);
  return prepareReminder(store, row, now);
}

async function prepareDigest(store: Store, row: OutboxRow, now: Date): Promise<Prepared> {
  const channel = await store.channels.get(row.workspaceId, row.subject);
  if (!channel || !channel.active) return cancel(`channel inactive${channel?.inactiveReason ? `: ${channel.inactiveReason}` : ''}`);
  if (await store.outbox.hasNewer(row)) return { outcome: { state: 'missed', reason: 'superseded by a newer digest' } };
  // A digest held up past its grace window (a crash, a long rate limit) is late news: record it missed.
  if (now.getTime() > new Date(row.dueAt).getTime() && !inGrace({ slot: row.slot, at: new Date(row.dueAt) }, now, channel.timeZone)) {
    return { outcome: { state: 'missed', reason: 'past the grace window' } };
  }
  const reply = await digestFor(store, row.workspaceId, row.subject, now, { slot: row.slot, dueAt: new Date(row.dueAt) });
  if (!reply) return cancel('nothing to report (digest skipped)');
  const listed =
    reply.card?.sections
      .flatMap((s) => s.items ?? [])
      .map((i) => i.id)
      .filter((id): id is string => Boolean(id)) ?? [];
  return { reply, commitmentIds: listed };
}

/** Everything due for one owner now that no earlier daily message of theirs already carried. */
export async function dueForOwner(
  store: Store,
  workspaceId: string,
  userId: string,
  now: Date,
  quiet: QuietHours,
  since?: Date,
): Promise<OwnerReminder[]> {
  const user = await store.users.get(workspaceId, userId);
  const reminders: OwnerReminder[] = [];
  const digestOf = new Map<string, boolean>();
  // A "coming up" slot is for items no channel digest lists (see in-sight.ts).
  const listedInDigest = async (channel: string) => {
    if (!digestOf.has(channel)) digestOf.set(channel, digestReaches(await store.channels.get(workspaceId, channel)));
    return digestOf.get(channel)!;
  };
  for (const commitment of await store.commitments.list(workspaceId, { ownerId: userId, statuses: ACTIVE_STATUSES })) {
    const found = latestSentSlot(commitment, user?.timeZone ?? commitment.timeZone, now, quiet);
    if (!found || !slotCounts(commitment, found.at) || (since && found.at <= since)) continue;
    if (isInSightSlot(commitment, found) && (await listedInDigest(commitment.channel))) continue;
    reminders.push({ kind: found.kind, commitment });
  }
  return reminders;
}

async function prepareOwnerDay(store: Store, row: OutboxRow, now: Date, quiet: QuietHours): Promise<Prepared> {
  const userId = row.recipientId;
  if (!userId) return cancel('no recipient');
  if (await store.reminders.dmInactive(row.workspaceId, userId)) return cancel('DM unreachable; listed in the digest');
  // A day's message that could not go out before the next day's was planned: the newer one carries it all.
  if (await store.outbox.hasNewer(row)) return { outcome: { state: 'missed', reason: "superseded by a later day's message" } };
  const last = await store.outbox.lastSent(row.workspaceId, row.subject, 'owner-day');
  const since = last?.finishedAt ? new Date(last.finishedAt) : undefined;
  const reminders = await dueForOwner(store, row.workspaceId, userId, now, quiet, since);
  if (reminders.length === 0) return cancel('nothing due any more (done, snoozed or changed since)');
  const user = await store.users.get(row.workspaceId, userId);
  const zone = user?.timeZone ?? reminders[0].commitment.timeZone;
  const name = user?.name ?? reminders[0].commitment.owners.find((o) => o.id === userId)?.name ?? userId;
  const reply = ownerMessage({ id: userId, name }, reminders, now, zone);
  return { reply, commitmentIds: reminders.map((r) => r.commitment.id) };
}

async function prepareReminder(store: Store, row: OutboxRow, now: Date): Promise<Prepared> {
  const commitment = await store.commitments.get(row.workspaceId, row.subject);
  if (!commitment || !ACTIVE_STATUSES.includes(commitment.status)) return cancel(`no longer open (${commitment?.status ?? 'gone'})`);
  if (row.recipientId && !commitment.owners.some((o) => o.id === row.recipientId)) return cancel('no longer an owner');
  if (commitment.snoozedUntil && new Date(commitment.snoozedUntil) > now) return cancel('snoozed');
  if (row.recipientId && (await store.reminders.dmInactive(row.workspaceId, row.recipientId)))
    return cancel('DM unreachable; listed in the digest');
  const d = commitment.deadline;
  const stillFits =
    (row.kind === 'nudge' && dueDateOf(d) !== undefined && d.kind !== 'vague') ||
    (row.kind === 'confirm-date' && d.kind === 'vague') ||
    (row.kind === 'event-check' && d.kind === 'event' && !d.due) ||
    (row.kind === 'review' && d.kind === 'ongoing');
  if (!stillFits) return cancel('the deadline changed since');
  if (row.kind === 'digest' || row.kind === 'owner-day' || row.kind === 'set-date') return cancel('unexpected kind');
  return { reply: reminderMessage(row.kind, commitment, now), commitmentIds: [commitment.id] };
}
