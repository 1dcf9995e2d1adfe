/**
 * "Coming up" reminders (DESIGN §5: nothing open is out of sight for more than 14 days): a dated
 * item far ahead is in its owners' daily message every 14 days before its 3-days-before nudge.
 * Where the item's channel has a digest, the weekly digest already lists it ("Later"), so these
 * go only to owners of items in a channel whose digest is off (`remind off`) or cannot be posted.
 */
import type { Commitment } from '../commitments/commitment.js';
import { daysBetween } from '../commitments/calendar.js';
import { dueDateOf } from '../commitments/deadline.js';
import type { CadenceSlot } from './cadence.js';
import { parseSchedule } from './schedule.js';

/** Days before the due date from which a nudge is a real one ("due in 3 days"), not a "coming up". */
const FIRST_NUDGE_DAYS = 3;

/** True for a slot that only keeps a far-off dated item in sight. */
export function isInSightSlot(commitment: Commitment, slot: CadenceSlot): boolean {
  if (slot.kind !== 'nudge') return false;
  const due = dueDateOf(commitment.deadline);
  return due !== undefined && daysBetween(slot.date, due) > FIRST_NUDGE_DAYS;
}

/** Whether a channel's digest reaches people: it has a schedule and the bot can post there. */
export function digestReaches(channel: { schedule?: string | null; active: boolean } | null | undefined): boolean {
  return Boolean(channel?.active && channel.schedule && parseSchedule(channel.schedule));
}
