/** Commitments with a due date as an iCalendar feed (RFC 5545): all-day events on the due date. */
import type { Commitment } from '../commitments/commitment.js';
import { addDays } from '../commitments/calendar.js';
import { dueDateOf, isApproximate } from '../commitments/deadline.js';

function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded, as the RFC requires. */
function fold(line: string): string {
  const parts: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 74;
    while (Buffer.byteLength(rest.slice(0, cut)) > 74) cut--;
    parts.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  parts.push(rest);
  return parts.join('\r\n');
}

function basicDate(date: string): string {
  return date.replace(/-/g, '');
}

export function commitmentsIcs(commitments: Commitment[], now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
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
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Followthrough//Commitments//EN',
    'CALSCALE:GREGORIAN',
    ...events,
    'END:VCALENDAR',
  ]
    .map(fold)
    .join('\r\n') + '\r\n';
}
