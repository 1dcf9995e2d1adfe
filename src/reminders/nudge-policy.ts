/**
 * Owner nudges at time T (pure): for each owner, the latest cadence slot whose send time has come
 * — 09:00 in the owner's zone, moved out of their quiet hours and weekends — and not before the
 * commitment last changed (a change is attention enough) nor while it is snoozed. Older slots
 * missed during downtime are coalesced into that one nudge.
 */
import { DateTime } from 'luxon';
import type { Commitment } from '../commitments/commitment.js';
import { addDays } from '../commitments/calendar.js';
import type { CalendarDate } from '../commitments/deadline.js';
import { cadence, type CadenceSlot } from './cadence.js';
import { isQuiet, nextAllowed, type QuietHours } from './quiet-hours.js';

export const NUDGE_HOUR = 9;

export interface Recipient {
  id: string;
  name: string;
  timeZone: string;
  /** Where their DM is; undefined when they have none (they are listed in the digest instead). */
  dmAddress?: string;
}

export interface DueNudge extends CadenceSlot {
  recipient: Recipient & { dmAddress: string };
  at: Date;
}

/** When a slot's nudge may go out to someone in `zone`: 09:00 on the slot's day (Monday for a weekend one), after quiet hours. */
export function sendTime(date: CalendarDate, zone: string, quiet: QuietHours): Date {
  let day = DateTime.fromISO(date, { zone });
  while (day.weekday >= 6) day = day.plus({ days: 1 });
  const nine = day.set({ hour: NUDGE_HOUR, minute: 0 }).toJSDate();
  return nextAllowed(nine, zone, quiet, { weekends: true });
}

/** The nudges due at T, and the next instant anything could be due for this commitment. */
export function nudgesAt(
  commitment: Commitment,
  recipients: Recipient[],
  now: Date,
  quiet: QuietHours,
): { due: DueNudge[]; next: Date | null } {
  const armedAt = new Date(commitment.updatedAt);
  const snoozedUntil = commitment.snoozedUntil ? new Date(commitment.snoozedUntil) : undefined;
  const counts = (at: Date) => at > armedAt && (!snoozedUntil || at >= snoozedUntil);
  const due: DueNudge[] = [];
  let next: Date | null = null;
  const consider = (at: Date | null) => {
    if (at && (!next || at < next)) next = at;
  };
  for (const recipient of recipients) {
    const zone = recipient.timeZone;
    // Send times are at most a few days after the slot date (a weekend), so this bound is safe.
    const horizon = addDays(DateTime.fromJSDate(now, { zone }).toISODate()!, 1);
    let latest: DueNudge | undefined;
    for (const slot of cadence(commitment)) {
      const at = sendTime(slot.date, zone, quiet);
      if (at > now && slot.date > horizon) {
        if (counts(at)) {
          consider(at);
          break;
        }
        continue;
      }
      if (!counts(at)) continue;
      if (at <= now) latest = { ...slot, at, recipient: recipient as DueNudge['recipient'] };
      else {
        consider(at);
        break;
      }
    }
    if (!latest || !recipient.dmAddress) continue;
    if (isQuiet(now, zone, quiet, { weekends: true })) consider(nextAllowed(now, zone, quiet, { weekends: true }));
    else due.push(latest);
  }
  return { due, next };
}
