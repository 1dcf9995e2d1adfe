/**
 * Quiet hours (`20:00-08:00`) and weekends in someone's zone: when reminders must wait. The local
 * clock comes from `local-clock.ts` (luxon's answers, cached per zone and day): asked per due row.
 */
import { DateTime } from 'luxon';
import { localDayOf, luxonMidnights, wallClockOf, wallTimeIfSteady } from '../commitments/local-clock.js';

export interface QuietHours {
  /** Minutes after local midnight. */
  start: number;
  end: number;
}

export function parseQuietHours(text: string): QuietHours {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) throw new RangeError(`Quiet hours look like 20:00-08:00, not "${text}"`);
  const [, sh, sm, eh, em] = match.map(Number);
  return { start: sh * 60 + sm, end: eh * 60 + em };
}

/** True when `instant` is inside quiet hours in `zone` (and, for people, on a weekend). */
export function isQuiet(instant: Date, zone: string, quiet: QuietHours, options: { weekends: boolean }): boolean {
  const { weekday, minutes } = wallClockOf(instant, zone);
  if (options.weekends && weekday >= 6) return true;
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end ? minutes >= quiet.start && minutes < quiet.end : minutes >= quiet.start || minutes < quiet.end;
}

/** The first moment at or after `instant` outside quiet hours (the end of quiet hours on a weekday). */
export function nextAllowed(instant: Date, zone: string, quiet: QuietHours, options: { weekends: boolean }): Date {
  if (!isQuiet(instant, zone, quiet, options)) return instant;
  const first = localDayOf(instant, zone);
  // Near a DST change luxon is asked exactly as it always was: midnights walked from the instant's.
  const luxonMidnight = luxonMidnights(() => DateTime.fromJSDate(instant, { zone }).startOf('day'));
  for (let i = 0; i < 10; i++) {
    const at =
      wallTimeIfSteady(zone, first + i, quiet.end) ??
      luxonMidnight(i)
        .set({ hour: Math.floor(quiet.end / 60), minute: quiet.end % 60 })
        .toMillis();
    const candidate = new Date(at);
    if (candidate > instant && !isQuiet(candidate, zone, quiet, options)) return candidate;
  }
  return instant;
}
