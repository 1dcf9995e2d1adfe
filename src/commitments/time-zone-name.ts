/**
 * Reads what a person types as a time zone: an IANA name in any case ("asia/karachi"), or a fixed
 * offset ("UTC+5", "GMT-03:00"), which becomes the matching `Etc/GMT` zone when one exists (whole
 * hours from −12 to +14; note the POSIX sign: UTC+5 is Etc/GMT-5). Anything else is refused with
 * the forms that work. Intl decides validity, because Intl is what renders the dates later.
 */
const OFFSET = /^(?:UTC|GMT|Z)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;

export type TimeZoneReading = { zone: string; note?: string } | { problem: string };

function canonical(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function readTimeZone(text: string): TimeZoneReading {
  const typed = text.trim();
  const offset = OFFSET.exec(typed);
  if (offset) {
    const [, sign, hoursText, minutesText] = offset;
    const hours = Number(hoursText);
    const east = sign === '+';
    if (minutesText && minutesText !== '00') {
      return {
        problem: `"${typed}" is an offset of part of an hour, which no fixed zone covers. Use the place's IANA name, like Asia/Kolkata (UTC+5:30) or Asia/Kathmandu.`,
      };
    }
    if (hours === 0) return { zone: 'UTC' };
    const zone = canonical(`Etc/GMT${east ? '-' : '+'}${hours}`);
    if (!zone || hours > (east ? 14 : 12))
      return {
        problem: `"${typed}" is not an offset any zone has (UTC−12 to UTC+14). Use an IANA name like Asia/Karachi or Europe/Berlin.`,
      };
    return {
      zone,
      note: `${typed} is a fixed offset, so I used ${zone} (always UTC${east ? '+' : '−'}${hours}, no daylight saving; the IANA name's sign is reversed by convention). If your place changes its clocks, use its IANA name instead, like Europe/Berlin.`,
    };
  }
  const zone = /^[\w+-]+(\/[\w+-]+)*$/.test(typed) ? canonical(typed) : undefined;
  if (zone) return { zone };
  return {
    problem: `"${typed}" is not a time zone I know. Use an IANA name like Asia/Karachi or Europe/Berlin, or a whole-hour offset like UTC+5.`,
  };
}
