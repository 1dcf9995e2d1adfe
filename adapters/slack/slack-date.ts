/** Instants as Slack date tokens, so each viewer sees them in their own zone (calendar dates stay plain). */
import { DateTime } from 'luxon';

/** `2024-03-15T14:00:00Z` → `<!date^1710511200^{date_short_pretty} {time}|Fri 15 Mar 2024 14:00 UTC>`. */
export function slackDate(iso: string): string {
  const when = DateTime.fromISO(iso, { setZone: true });
  if (!when.isValid) return iso;
  const unix = Math.floor(when.toSeconds());
  const fallback = when.toUTC().toFormat("ccc d LLL yyyy HH:mm 'UTC'");
  return `<!date^${unix}^{date_short_pretty} {time}|${fallback}>`;
}
