/** One tick's decisions: read what is due (index range scans), run the pure policy, return the plan. */
import { calendarDateIn } from '../commitments/calendar.js';
import { digestsAt } from '../reminders/digest-policy.js';
import { outboxKey } from '../reminders/keys.js';
import { nudgesAt, type Recipient } from '../reminders/nudge-policy.js';
import type { QuietHours } from '../reminders/quiet-hours.js';
import type { DueCommitment, ReminderPlan, Store } from '../store/store.js';

export const TICK_BATCH = 500;

/**
 * `channels: false` leaves due channels out (a tick whose earlier slice found fewer than a batch of
 * them: that slice moved them all past now).
 */
export async function planTick(
  store: Store,
  now: Date,
  quiet: QuietHours,
  batch = TICK_BATCH,
  { channels = true }: { channels?: boolean } = {},
): Promise<ReminderPlan> {
  const plan: ReminderPlan = { rows: [], commitments: [], channels: [] };
  // Both reads at once: on PostgreSQL their round trips overlap (SQLite runs them one after the other anyway).
  const [dueChannels, dueCommitments] = await Promise.all([
    channels ? store.reminders.dueChannels(now, batch) : [],
    store.reminders.dueCommitments(now, batch),
  ]);
  for (const channel of dueChannels) {
    const decision = channel.active ? digestsAt(channel, new Date(channel.nextReminderAt), now, quiet) : { missed: [], next: null };
    const row = (slot: { slot: string; at: Date }, state: 'pending' | 'missed') => ({
      key: outboxKey(channel.workspaceId, channel.address, 'digest', slot.slot),
      kind: 'digest' as const,
      workspaceId: channel.workspaceId,
      subject: channel.address,
      address: channel.address,
      commitmentIds: [],
      slot: slot.slot,
      dueAt: slot.at.toISOString(),
      state,
    });
    plan.rows.push(...decision.missed.map((s) => row(s, 'missed')));
    if (decision.send) plan.rows.push(row(decision.send, 'pending'));
    plan.channels.push({
      workspaceId: channel.workspaceId,
      address: channel.address,
      nextReminderAt: decision.next?.toISOString() ?? null,
      expected: channel.nextReminderAt,
    });
  }
  for (const commitment of dueCommitments) {
    const { due, next } = nudgesAt(commitment, recipientsFrom(commitment), now, quiet);
    // One message per owner per day: the row is the owner's day (keyed by the local day it is sent),
    // and what it holds is gathered from everything due for them when it is sent.
    for (const nudge of due) {
      const day = calendarDateIn(nudge.at, nudge.recipient.timeZone);
      const subject = ownerSubject(nudge.recipient.id);
      plan.rows.push({
        key: outboxKey(commitment.workspaceId, subject, 'owner-day', day, nudge.recipient.id),
        kind: 'owner-day',
        workspaceId: commitment.workspaceId,
        subject,
        address: nudge.recipient.dmAddress,
        recipientId: nudge.recipient.id,
        commitmentIds: [commitment.id],
        slot: day,
        dueAt: nudge.at.toISOString(),
      });
    }
    plan.commitments.push({
      workspaceId: commitment.workspaceId,
      id: commitment.id,
      nextReminderAt: next?.toISOString() ?? null,
      expected: commitment.nextReminderAt,
    });
  }
  return plan;
}

/** The outbox subject of an owner's daily message. */
export function ownerSubject(userId: string): string {
  return `owner:${userId}`;
}

/** Owners with their zone (else the commitment's) and a DM that still works, as the due query read them. */
export function recipientsFrom(commitment: DueCommitment): Recipient[] {
  return commitment.recipients.map((owner) => ({ ...owner, timeZone: owner.timeZone ?? commitment.timeZone }));
}
