/** `snooze <id> <when>`: silences nudges until then; the due date and overdue state do not change. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { interpretDeadline } from '../commitments/deadline-interpreter.js';
import { todayIn } from '../commitments/calendar.js';
import { isClosed } from '../commitments/status-rules.js';
import { dueLabel } from '../replies/commitment-view.js';
import { instant, privateReply } from '../replies/reply.js';
import { commitmentId } from './arguments.js';
import { changeCommitment } from './change-commitment.js';
import { UsageError, UserError } from './errors.js';
import { defineCommand } from './spec.js';
import { textAfterWords } from './tokenize.js';

const DURATION = /^(\d{1,3})\s*(h|hours?|d|days?|w|weeks?)$/i;
/** A snooze to a date ends at the start of that working day in the commitment's zone. */
const WAKE_HOUR = 9;
const MAX_SNOOZE_MS = 366 * 86_400_000;
const TOO_LONG = 'Snooze for at most a year. For longer, `drop` it or change its deadline with `edit <id> due …`.';

export const snoozeCommand = defineCommand({
  name: 'snooze',
  summary: 'Silence nudges about a commitment until a time; its due date does not change.',
  usage: 'snooze <id> <1d|3d|1w|tomorrow|date>',
  examples: ['snooze C-3 1d', 'snooze C-3 1w', 'snooze C-3 2024-03-04', 'snooze C-3 monday'],
  args: z.object({
    id: commitmentId,
    when: z.string().trim().min(1, { error: 'Say until when: 1d, 1w, tomorrow or a date like 2024-03-04.' }),
  }),
  read: (input) => ({ id: input.words[0], when: textAfterWords(input.rest, 1) }),
  async run(context, args) {
    const now = context.clock.now();
    const { commitment, unchanged } = await changeCommitment(context, args.id, (current) => {
      if (isClosed(current.status)) throw new UserError('closed', `${current.id} is ${current.status}; there is nothing to snooze.`);
      const until = wakeTime(args.when, now, current.timeZone);
      return { changes: { snoozedUntil: until }, action: 'snoozed', detail: { until } };
    });
    if (unchanged) return privateReply(`${commitment.id} is ${unchanged}; there is nothing to snooze.`);
    return privateReply(
      `Snoozed ${commitment.id} until ${instant(commitment.snoozedUntil!)}: no nudges until then. It is still ${dueLabel(commitment, now)}.`,
    );
  },
});

/** Reads `1d`, `1w`, `3 days`, `tomorrow`, `monday` or a date into the instant nudges resume. */
export function wakeTime(when: string, now: Date, timeZone: string): string {
  const duration = DURATION.exec(when.trim());
  if (duration) {
    const amount = Number(duration[1]);
    const unit = duration[2][0].toLowerCase();
    if (amount < 1) throw new UsageError('Snooze for at least 1 hour.');
    const ms = amount * (unit === 'h' ? 3_600_000 : unit === 'd' ? 86_400_000 : 7 * 86_400_000);
    if (ms > MAX_SNOOZE_MS) throw new UsageError(TOO_LONG);
    return new Date(now.getTime() + ms).toISOString();
  }
  // A clock time said with the day is kept ("friday 14:00"); the deadline reader reads only the day.
  const clock = /^(.*\S)\s+(?:at\s+)?(\d{1,2}):(\d{2})$/.exec(when.trim());
  const day = clock && Number(clock[2]) < 24 && Number(clock[3]) < 60 ? clock[1] : when;
  // As a deadline "next week" is its Friday; as a snooze it is its first working day.
  const wakeDay = /^next week$/i.test(day.trim())
    ? DateTime.fromISO(todayIn(timeZone, now), { zone: timeZone }).startOf('week').plus({ weeks: 1 }).toISODate()!
    : readDay(day, now, timeZone, when);
  const wake = DateTime.fromISO(wakeDay, { zone: timeZone }).set(
    clock && day !== when ? { hour: Number(clock[2]), minute: Number(clock[3]) } : { hour: WAKE_HOUR },
  );
  if (wake.toMillis() <= now.getTime()) throw new UsageError(`${wakeDay} has already passed. Snooze until a later date.`);
  if (wake.toMillis() - now.getTime() > MAX_SNOOZE_MS) throw new UsageError(TOO_LONG);
  return wake.toUTC().toISO()!;
}

function readDay(day: string, now: Date, timeZone: string, said: string): string {
  const read = interpretDeadline(day, todayIn(timeZone, now), timeZone);
  if (read.kind !== 'exact') {
    throw new UsageError(`I could not read "${said}" as a time to snooze until. Try 1d, 1w, tomorrow or a date like 2024-03-04.`);
  }
  return read.due;
}
