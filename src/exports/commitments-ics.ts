/** Commitments with a due date as an iCalendar feed (RFC 5545): all-day events on the due date. */
import type { Commitment } from '../commitments/commitment.js';
import { addDays } from '../commitments/calendar.js';
import { dueDateOf, isApproximate } from '../commitments/deadline.js';

function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Lines longer than 75 octets are folded, as RFC 5545 §3.1 requires: at most 75 octets per line
 * (a continuation's leading space counts), cut between code points — never inside a UTF-8
 * sequence or between an emoji's surrogate halves.
 */
export function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

function basicDate(date: string): string {
  return date.replace(/-/g, '');
}

export function commitmentsIcs(commitments: Commitment[], now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const events = commitments.flatMap((c) => {
    const due = dueDateOf(c.deadline);
    if (!due) return [];
    const owners = c.owners.map((o) => o.name).join(', ');
    return [
      'BEGIN:VEVENT',
      `UID:${c.id}@${c.workspaceId}.followthrough`,
      `DTSTAMP:${stamp}`,
      // A due date is a calendar date, not an instant: an all-day event, never shifted between zones.
      `DTSTART;VALUE=DATE:${basicDate(due)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(due, 1))}`,
      `SUMMARY:${text(`${c.id} ${isApproximate(c.deadline) ? '(approx.) ' : ''}${c.title}`)}`,
      `DESCRIPTION:${text(`Owners: ${owners || 'none'}. Status: ${c.status}. Deadline as said: ${c.deadline.text || 'none'}.`)}`,
      'END:VEVENT',
    ];
  });
  return (
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Followthrough//Commitments//EN', 'CALSCALE:GREGORIAN', ...events, 'END:VCALENDAR']
      .map(fold)
      .join('\r\n') + '\r\n'
  );
}
