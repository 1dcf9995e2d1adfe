/**
 * The zone boundary of the reminder policy: which local day, minute and weekday an instant is in a
 * zone, and which instant a wall time on a local day names. Luxon (over Intl's tz data) answers;
 * its answers are cached, because a tick asks the same few questions for every due row:
 * - a zone's UTC offset is looked up once per (zone, UTC day): if it is the same at the day's
 *   start, middle and last millisecond, the day has no change and every instant in it uses it; on
 *   a day with a change luxon is asked for each instant (a couple of days a year per zone);
 * - a wall time (09:00, the end of quiet hours) on a local day with a steady offset around it is
 *   plain arithmetic; near a change (a gap, a repeated hour) luxon's answer depends on how it is
 *   asked, so `wallTimeIfSteady` says "ask luxon" and the caller asks it exactly as it always has.
 * Everything else is integer day arithmetic (`day-number.ts`). Tz data does not change while the
 * process runs, so the caches never go stale; they are bounded per zone.
 */
import { type DateTime, Info, type Zone } from 'luxon';
import { weekdayOfDay } from './day-number.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Cached UTC days per zone before that zone's cache starts over (one entry is a few bytes). */
const MAX_ENTRIES = 50_000;

interface ZoneCache {
  zone: Zone;
  /** UTC day number → the zone's offset in minutes all that day, or null when it changes during it. */
  offsets: Map<number, number | null>;
}

const zones = new Map<string, ZoneCache | null>();

function cacheFor(name: string): ZoneCache {
  let cache = zones.get(name);
  if (cache === undefined) {
    const zone = Info.normalizeZone(name);
    cache = zone.isValid ? { zone, offsets: new Map() } : null;
    zones.set(name, cache);
  }
  if (!cache) throw new RangeError(`Unknown time zone: "${name}"`);
  return cache;
}

/** The offset all through UTC day `utcDay`, or null when it changes that day. */
function steadyOffset(cache: ZoneCache, utcDay: number): number | null {
  let offset = cache.offsets.get(utcDay);
  if (offset === undefined) {
    const start = utcDay * DAY_MS;
    const first = cache.zone.offset(start);
    const steady = cache.zone.offset(start + DAY_MS / 2) === first && cache.zone.offset(start + DAY_MS - 1) === first;
    offset = steady ? first : null;
    if (cache.offsets.size >= MAX_ENTRIES) cache.offsets.clear();
    cache.offsets.set(utcDay, offset);
  }
  return offset;
}

/** The zone's UTC offset (minutes, as luxon reports it) at an instant. */
function offsetAt(cache: ZoneCache, ms: number): number {
  return steadyOffset(cache, Math.floor(ms / DAY_MS)) ?? cache.zone.offset(ms);
}

export interface WallClock {
  /** The local calendar day, as an epoch-day number. */
  day: number;
  /** Minutes after local midnight on the wall clock (seconds dropped). */
  minutes: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/** What a wall clock in `zone` shows at `instant` (luxon's local fields). Throws a RangeError for an unknown zone. */
export function wallClockOf(instant: Date | number, zone: string): WallClock {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const cache = cacheFor(zone);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  const local = ms + offsetAt(cache, ms) * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  return { day, minutes: Math.floor((local - day * DAY_MS) / MINUTE_MS), weekday: weekdayOfDay(day) };
}

/** The zone's UTC offset at `instant`, in minutes (as luxon reports it: fractional for old local mean times). */
export function offsetMinutes(instant: Date | number, zone: string): number {
  return offsetAt(cacheFor(zone), typeof instant === 'number' ? instant : instant.getTime());
}

/** The local day number an instant falls on in `zone`. */
export function localDayOf(instant: Date | number, zone: string): number {
  return wallClockOf(instant, zone).day;
}

/**
 * The instant (ms) of wall time `minutes` after midnight on local `day` in `zone`, when the offset
 * is the same all around that day (so the time exists exactly once and every way of asking luxon
 * gives this answer); undefined on a day near a change — then ask luxon.
 */
export function wallTimeIfSteady(zone: string, day: number, minutes: number): number | undefined {
  const cache = cacheFor(zone);
  // Local day D lies inside UTC days D-1..D+1 for any offset under 24 h.
  const offset = steadyOffset(cache, day);
  if (offset === null || steadyOffset(cache, day - 1) !== offset || steadyOffset(cache, day + 1) !== offset) return undefined;
  return day * DAY_MS + (minutes - offset) * MINUTE_MS;
}

/**
 * Local midnights walked day by day from `start` as luxon walks them (`plus({ days: 1 })` each
 * step), built only as far as asked: the fallback near a DST change, where luxon's answer for a
 * repeated hour depends on the offset each step starts from.
 */
export function luxonMidnights(start: () => DateTime): (i: number) => DateTime {
  let days: DateTime[] | undefined;
  return (i) => {
    days ??= [start()];
    while (days.length <= i) days.push(days[days.length - 1].plus({ days: 1 }));
    return days[i];
  };
}
