// The reminder policy's day arithmetic and cached zone answers give what luxon gives, across DST
// changes and many zones: each function is compared with the luxon code it replaced, over a
// deterministic sample (a seeded generator, plus instants and days around every DST change).
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, addDays, calendarDateIn, daysBetween, isCalendarDate, weekdayOf } from '../../src/commitments/calendar.js';
import { calendarDateOfDay, civilFromDays, daysFromCivil } from '../../src/commitments/day-number.js';
import { wallClockOf, wallTimeIfSteady } from '../../src/commitments/local-clock.js';
import { inGrace } from '../../src/reminders/digest-policy.js';
import { sendTime } from '../../src/reminders/nudge-policy.js';
import { nextSlot, parseSchedule, slotsBetween, type DigestSchedule } from '../../src/reminders/schedule.js';
import { isQuiet, nextAllowed, parseQuietHours, type QuietHours } from '../../src/reminders/quiet-hours.js';
import { ZONES as BENCH_ZONES } from '../bench/lib/bench-args.js';

/** The luxon code the policy ran before (issue 12), kept here as the reference. */
const luxon = {
  calendarDateIn: (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).toISODate(),
  addDays: (date: string, days: number) => DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate(),
  daysBetween: (from: string, to: string) =>
    Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days),
  weekdayOf: (date: string) => DateTime.fromISO(date, { zone: 'utc' }).weekday,
  isValid: (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date, { zone: 'utc' }).isValid,
  addBusinessDays(date: string, days: number): string {
    const step = days < 0 ? -1 : 1;
    let current = DateTime.fromISO(date, { zone: 'utc' });
    for (let remaining = Math.abs(days); remaining > 0; ) {
      current = current.plus({ days: step });
      if (current.weekday < 6) remaining -= 1;
    }
    return current.toISODate()!;
  },
  isQuiet(instant: Date, zone: string, quiet: QuietHours, options: { weekends: boolean }): boolean {
    const local = DateTime.fromJSDate(instant, { zone });
    if (options.weekends && local.weekday >= 6) return true;
    const minutes = local.hour * 60 + local.minute;
    if (quiet.start === quiet.end) return false;
    return quiet.start < quiet.end ? minutes >= quiet.start && minutes < quiet.end : minutes >= quiet.start || minutes < quiet.end;
  },
  nextAllowed(instant: Date, zone: string, quiet: QuietHours, options: { weekends: boolean }): Date {
    if (!luxon.isQuiet(instant, zone, quiet, options)) return instant;
    let day = DateTime.fromJSDate(instant, { zone }).startOf('day');
    for (let i = 0; i < 10; i++, day = day.plus({ days: 1 })) {
      const candidate = day.set({ hour: Math.floor(quiet.end / 60), minute: quiet.end % 60 }).toJSDate();
      if (candidate > instant && !luxon.isQuiet(candidate, zone, quiet, options)) return candidate;
    }
    return instant;
  },
  sendTime(date: string, zone: string, quiet: QuietHours): Date {
    let day = DateTime.fromISO(date, { zone });
    while (day.weekday >= 6) day = day.plus({ days: 1 });
    const nine = day.set({ hour: 9, minute: 0 }).toJSDate();
    return luxon.nextAllowed(nine, zone, quiet, { weekends: true });
  },
};

/** The luxon schedule code digests ran before (issue 12). */
const luxonSchedule = {
  slotOn(date: DateTime, schedule: DigestSchedule) {
    const local = date.set({ hour: schedule.hour, minute: schedule.minute, second: 0, millisecond: 0 });
    const hhmm = `${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`;
    return { at: local.toJSDate(), slot: `${date.toISODate()}T${hhmm}` };
  },
  slotsBetween(schedule: DigestSchedule, zone: string, from: Date, to: Date, maxDays = 31) {
    const end = DateTime.fromJSDate(to, { zone }).startOf('day');
    let day = DateTime.fromJSDate(from, { zone }).startOf('day');
    if (end.diff(day, 'days').days > maxDays) day = end.minus({ days: maxDays });
    const slots: { at: Date; slot: string }[] = [];
    // One deliberate difference: the old loop ran while `day <= end` (instants), and after a midnight
    // DST gap (Havana, Santiago, Asunción) luxon's walk lands on 01:00, so it stopped a day early and
    // dropped that day's slot. The new code walks local days to the last; the reference compares dates.
    for (; day.toISODate()! <= end.toISODate()!; day = day.plus({ days: 1 })) {
      if (!schedule.days.includes(day.weekday)) continue;
      const slot = luxonSchedule.slotOn(day, schedule);
      if (slot.at >= from && slot.at <= to) slots.push(slot);
    }
    return slots;
  },
  nextSlot(schedule: DigestSchedule, zone: string, after: Date) {
    let day = DateTime.fromJSDate(after, { zone }).startOf('day');
    for (;;) {
      if (schedule.days.includes(day.weekday)) {
        const slot = luxonSchedule.slotOn(day, schedule);
        if (slot.at > after) return slot;
      }
      day = day.plus({ days: 1 });
    }
  },
  inGrace(slot: { at: Date }, now: Date, zone: string): boolean {
    const local = DateTime.fromJSDate(now, { zone });
    const slotLocal = DateTime.fromJSDate(slot.at, { zone });
    if (now < slot.at || local.toISODate() !== slotLocal.toISODate()) return false;
    const graceEnd = DateTime.max(slotLocal.set({ hour: 18, minute: 0 }), slotLocal.plus({ hours: 1 }));
    return local < graceEnd;
  },
};

/** Zones with every kind of rule: the bench's 24, plus half-hour and 45-minute offsets, negative DST, midnight changes, ±14 h. */
const ZONES = [
  ...BENCH_ZONES,
  'America/St_Johns',
  'America/Santiago',
  'America/Havana',
  'America/Asuncion',
  'America/Nuuk',
  'Europe/London',
  'Europe/Dublin',
  'Africa/Casablanca',
  'Asia/Beirut',
  'Asia/Gaza',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Antarctica/Troll',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
];
const QUIET = ['20:00-08:00', '22:00-07:30', '20:00-02:00', '23:30-00:30', '01:00-03:00', '09:00-09:00', '00:00-09:15'].map(
  parseQuietHours,
);

/** A seeded generator (mulberry32), so every run checks the same sample. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.UTC(1995, 0, 1);
const TO = Date.UTC(2040, 0, 1);

/** The instants `zone` changes offset in the given years (found by luxon: a daily scan, then bisection to the second). */
function transitionsOf(zone: string, years: number[]): number[] {
  const found: number[] = [];
  const offset = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  for (const year of years) {
    const end = Date.UTC(year + 1, 0, 1);
    for (let t = Date.UTC(year, 0, 1); t < end; t += DAY) {
      if (offset(t) === offset(t + DAY)) continue;
      let [lo, hi] = [t, t + DAY];
      while (hi - lo > 1_000) {
        const mid = Math.floor((lo + hi) / 2);
        if (offset(mid) === offset(lo)) lo = mid;
        else hi = mid;
      }
      found.push(hi);
    }
  }
  return found;
}

const TRANSITION_YEARS = [2003, 2024];
const transitions = new Map(ZONES.map((zone) => [zone, transitionsOf(zone, TRANSITION_YEARS)]));

/** Per zone: seeded random instants, and instants from a day before to a day after every change, every 31 minutes near it. */
function sampleInstants(zone: string, seed: number): number[] {
  const next = random(seed);
  const instants = Array.from({ length: 24 }, () => FROM + Math.floor(next() * (TO - FROM)));
  for (const t of transitions.get(zone)!) {
    for (let d = -DAY; d <= DAY; d += 6 * HOUR + 7 * 60_000) instants.push(t + d);
    for (let d = -2 * HOUR; d <= 2 * HOUR; d += 31 * 60_000) instants.push(t + d);
  }
  return instants;
}

describe('calendar day arithmetic matches luxon', () => {
  const next = random(12);
  const dates = [
    '0001-01-01',
    '0099-12-31',
    '1582-10-15',
    '1900-02-28',
    '2000-02-29',
    '2024-03-09',
    '2024-03-10',
    '2024-10-27',
    '9999-12-31',
    ...Array.from({ length: 150 }, () => calendarDateOfDay(Math.floor(-718_000 + next() * 3_600_000))),
  ];

  it('adds days, measures days, names weekdays and business days like luxon did', () => {
    const wrong: string[] = [];
    const check = (label: string, got: unknown, want: unknown) => {
      if (got !== want) wrong.push(`${label}: ${String(got)}, luxon ${String(want)}`);
    };
    for (const date of dates) {
      for (const n of [-400, -30, -7, -3, -1, 0, 1, 2, 3, 7, 14, 30, 365, 3_000]) {
        const sum = luxon.addDays(date, n)!;
        check(`${date} + ${n}`, addDays(date, n), sum);
        if (/^\d{4}-/.test(sum)) check(`${date} .. ${sum}`, daysBetween(date, sum), luxon.daysBetween(date, sum));
      }
      check(`weekday of ${date}`, weekdayOf(date), luxon.weekdayOf(date));
      for (const n of [-11, -5, -1, 1, 2, 5, 10, 23])
        check(`${date} + ${n} workdays`, addBusinessDays(date, n), luxon.addBusinessDays(date, n));
    }
    expect(wrong).toEqual([]);
  });

  it('day numbers and dates are inverse for every day from year -5000 to 12000', () => {
    const wrong: number[] = [];
    for (let day = daysFromCivil(-5000, 1, 1); day <= daysFromCivil(12000, 12, 31); day += 7) {
      const { year, month, day: d } = civilFromDays(day);
      if (daysFromCivil(year, month, d) !== day) wrong.push(day);
    }
    expect(wrong).toEqual([]);
    // And the extended years are written as luxon writes them.
    expect(calendarDateOfDay(daysFromCivil(12024, 3, 4))).toBe(DateTime.utc(12024, 3, 4).toISODate());
    expect(calendarDateOfDay(daysFromCivil(-1, 12, 31))).toBe(DateTime.utc(-1, 12, 31).toISODate());
  });

  it('refuses the same texts', () => {
    for (const text of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-5',
      'soon',
      '2024-02-29',
      '1900-02-29',
      '2000-02-29',
    ]) {
      expect(isCalendarDate(text), text).toBe(luxon.isValid(text));
    }
    expect(() => addDays('2024-02-30', 1)).toThrow(/Not a calendar date/);
    expect(() => daysBetween('next week', '2024-01-01')).toThrow(/Not a calendar date/);
  });
});

describe('zone answers match luxon across DST changes in many zones', () => {
  it('finds the DST changes it tests around (the sample is not empty)', () => {
    expect(transitions.get('Europe/Paris')!.length).toBe(2 * TRANSITION_YEARS.length);
    expect(transitions.get('America/Santiago')!.length).toBe(2 * TRANSITION_YEARS.length);
    expect(transitions.get('Australia/Lord_Howe')!.length).toBe(2 * TRANSITION_YEARS.length);
  });

  it('which local day, minute and weekday an instant is, whether it is quiet, and when quiet hours end', () => {
    const wrong: string[] = [];
    const check = (label: string, got: unknown, want: unknown) => {
      if (got !== want) wrong.push(`${label}: ${String(got)}, luxon ${String(want)}`);
    };
    ZONES.forEach((zone, z) => {
      for (const ms of sampleInstants(zone, 100 + z)) {
        const instant = new Date(ms);
        const at = `${zone} ${instant.toISOString()}`;
        const local = DateTime.fromMillis(ms, { zone });
        const clock = wallClockOf(instant, zone);
        check(`${at} date`, calendarDateIn(instant, zone), luxon.calendarDateIn(instant, zone));
        check(`${at} minutes`, clock.minutes, local.hour * 60 + local.minute);
        check(`${at} weekday`, clock.weekday, local.weekday);
        // One of the quiet-hour settings per instant, in turn, so every setting meets every kind of day.
        for (const quiet of [QUIET[ms % QUIET.length]]) {
          for (const weekends of [true, false]) {
            const label = `${at} ${JSON.stringify(quiet)} weekends=${weekends}`;
            check(`${label} quiet`, isQuiet(instant, zone, quiet, { weekends }), luxon.isQuiet(instant, zone, quiet, { weekends }));
            check(
              `${label} next allowed`,
              nextAllowed(instant, zone, quiet, { weekends }).getTime(),
              luxon.nextAllowed(instant, zone, quiet, { weekends }).getTime(),
            );
          }
        }
      }
    });
    expect(wrong).toEqual([]);
  });

  it("a slot's send time (09:00, weekends to Monday, out of quiet hours) on the days around every change", () => {
    const wrong: string[] = [];
    ZONES.forEach((zone, z) => {
      const next = random(500 + z);
      const days = new Set<string>();
      for (const t of transitions.get(zone)!) for (let d = -3; d <= 3; d++) days.add(luxon.calendarDateIn(new Date(t + d * DAY), zone)!);
      for (let i = 0; i < 20; i++) days.add(luxon.calendarDateIn(new Date(FROM + Math.floor(next() * (TO - FROM))), zone)!);
      for (const date of days) {
        for (const quiet of [QUIET[date.length % 2], QUIET[(Number(date.slice(-2)) % (QUIET.length - 2)) + 2]]) {
          const [got, want] = [sendTime(date, zone, quiet).getTime(), luxon.sendTime(date, zone, quiet).getTime()];
          if (got !== want)
            wrong.push(`${zone} ${date} ${JSON.stringify(quiet)}: ${new Date(got).toISOString()}, luxon ${new Date(want).toISOString()}`);
        }
      }
    });
    expect(wrong).toEqual([]);
  });

  it('digest slots between two instants, the next slot, and the grace window', () => {
    const schedules = ['weekdays 09:00', 'daily 00:30', 'daily 02:30', 'weekly sun 23:45', 'daily 17:30'].map((t) => parseSchedule(t)!);
    const wrong: string[] = [];
    const json = (v: unknown) => JSON.stringify(v);
    ZONES.forEach((zone, z) => {
      const instants = sampleInstants(zone, 900 + z).filter((_, i) => i % 4 === 0);
      instants.forEach((ms, i) => {
        const to = new Date(ms);
        const schedule = schedules[i % schedules.length];
        // Look-backs from an hour to past the 31-day cap, including exactly around it.
        const from = new Date(ms - [HOUR, DAY + 5 * HOUR, 3 * DAY, 31 * DAY, 32 * DAY - HOUR, 40 * DAY][i % 6]);
        const label = `${zone} ${from.toISOString()}..${to.toISOString()} ${json(schedule)}`;
        const between = slotsBetween(schedule, zone, from, to);
        if (json(between) !== json(luxonSchedule.slotsBetween(schedule, zone, from, to))) wrong.push(`${label} slotsBetween`);
        if (json(nextSlot(schedule, zone, to)) !== json(luxonSchedule.nextSlot(schedule, zone, to))) wrong.push(`${label} nextSlot`);
        for (const slot of [...between.slice(-2), nextSlot(schedule, zone, from)]) {
          for (const now of [to, new Date(slot.at.getTime() + 50 * 60_000), new Date(slot.at.getTime() + 9 * HOUR)]) {
            if (inGrace(slot, now, zone) !== luxonSchedule.inGrace(slot, now, zone))
              wrong.push(`${label} inGrace ${json(slot)} at ${now.toISOString()}`);
          }
        }
      });
    });
    expect(wrong).toEqual([]);
  });

  it('answers a wall time by arithmetic only on days with one offset all around, and leaves DST days to luxon', () => {
    const day = (date: string) => daysFromCivil(...(date.split('-').map(Number) as [number, number, number]));
    expect(new Date(wallTimeIfSteady('Europe/Paris', day('2024-03-20'), 9 * 60)!).toISOString()).toBe('2024-03-20T08:00:00.000Z');
    expect(new Date(wallTimeIfSteady('Asia/Kathmandu', day('2024-03-20'), 9 * 60)!).toISOString()).toBe('2024-03-20T03:15:00.000Z');
    // 2024-03-31 02:30 does not exist in Paris (02:00 → 03:00); 2024-10-27 02:30 happens twice; and the days next to them.
    for (const date of ['2024-03-30', '2024-03-31', '2024-04-01', '2024-10-27']) {
      expect(wallTimeIfSteady('Europe/Paris', day(date), 150), date).toBeUndefined();
    }
  });

  it('refuses an unknown zone with a RangeError', () => {
    expect(() => calendarDateIn(new Date(), 'Mars/Olympus')).toThrow(/Unknown time zone/);
    expect(() => isQuiet(new Date(), 'Mars/Olympus', QUIET[0], { weekends: true })).toThrow(RangeError);
  });
});
