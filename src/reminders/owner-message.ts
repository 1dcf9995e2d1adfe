/**
 * One owner's reminders of one day as one message (issue 11 item 2): a header with counts, the
 * items grouped (overdue · due soon · needs a date · waiting on an event · reviews), each with the
 * buttons that answer its own question first (item 3), at most ten, then "and N more".
 */
import type { Commitment } from '../commitments/commitment.js';
import { daysBetween } from '../commitments/calendar.js';
import { dueDateOf, isApproximate } from '../commitments/deadline.js';
import { isOverdue, todayIn } from '../commitments/list-groups.js';
import {
  doneAction,
  dueLabel,
  ownersLabel,
  reviewAnswerActions,
  snoozeAction,
  updateStatusAction,
  type ViewOptions,
} from '../replies/commitment-view.js';
import { formatCalendarDate } from '../replies/format-date.js';
import type { CardAction, CardItem, CardSection, Reply } from '../replies/reply.js';
import { tallyTitle, type CardTally } from '../replies/tally.js';
import { isClosed } from '../commitments/status-rules.js';
import type { ReminderKind } from './cadence.js';
import { OWNER_GROUP_HEADING as GROUP_HEADING, OWNER_GROUPS, type OwnerGroup } from './owner-groups.js';

export { OWNER_GROUPS, type OwnerGroup };

export const OWNER_MESSAGE_LIMIT = 10;
/** "Due soon" as lists and digests mean it: within 7 days. */
const DUE_SOON_DAYS = 7;

export interface OwnerReminder {
  kind: ReminderKind;
  commitment: Commitment;
}

export function groupOfReminder(reminder: OwnerReminder, now: Date): OwnerGroup {
  switch (reminder.kind) {
    case 'nudge': {
      if (isOverdue(reminder.commitment, now)) return 'overdue';
      // Further off than a week: a "coming up" that keeps it in sight, not a nudge to act.
      const due = dueDateOf(reminder.commitment.deadline);
      return due && daysBetween(todayIn(reminder.commitment.timeZone, now), due) > DUE_SOON_DAYS ? 'coming-up' : 'due-soon';
    }
    case 'confirm-date':
    case 'set-date':
      return 'needs-date';
    case 'event-check':
      return 'waiting';
    case 'review':
      return 'reviews';
  }
}

/**
 * The question a reminder asks about one item, in a few words. It carries the item's date (or
 * event, or end condition), so the row under it names only who owns it: the date is said once.
 */
export function questionFor(kind: ReminderKind | undefined, commitment: Commitment, now: Date): string | undefined {
  const d = commitment.deadline;
  const today = todayIn(commitment.timeZone, now);
  // The year shows only when it is not this year, as in lists ("~5 Feb 2024" read in 2026).
  const currentYear = Number(today.slice(0, 4));
  switch (kind) {
    case 'confirm-date': {
      if (d.kind !== 'vague') return undefined;
      const soft = formatCalendarDate(d.due, { approximate: true, currentYear });
      return d.due < today
        ? `Promised "${d.text}"; ${soft} has passed. Set a real date?`
        : `Promised "${d.text}" (${soft}). Confirm a date?`;
    }
    case 'set-date':
      return 'No deadline yet. Set a date?';
    case 'event-check':
      // "Has E-1, the formation of the new government, happened?": the id set off, so the name reads as one phrase.
      return d.kind === 'event' ? `Has ${d.eventId ? `${d.eventId}, ${d.eventName},` : d.eventName} happened?` : undefined;
    case 'review': {
      const duty = d.kind === 'ongoing' ? dueLabel(commitment, now) : 'ongoing';
      return `${duty[0].toUpperCase()}${duty.slice(1)}: still being kept?`;
    }
    case 'nudge': {
      const due = dueDateOf(d);
      if (!due) return undefined;
      const days = daysBetween(today, due);
      const date = formatCalendarDate(due, { approximate: isApproximate(d), currentYear });
      if (days > 1) return `Due in ${days} days (${date}).`;
      if (days === 1) return `Due tomorrow (${date}).`;
      if (days === 0) return `Due today (${date}).`;
      const late = (-days).toLocaleString('en-US');
      return `${late} day${days === -1 ? '' : 's'} overdue (due ${date}).`;
    }
    default:
      return undefined;
  }
}

/** The answer buttons of a reminder, then Done / Snooze / Update status where they make sense. */
export function answerActions(kind: ReminderKind | undefined, commitment: Commitment, now: Date): CardAction[] {
  const d = commitment.deadline;
  const id = commitment.id;
  if (isClosed(commitment.status)) return [{ id: 'reopen', label: 'Reopen', target: id }];
  switch (kind) {
    case 'confirm-date': {
      if (d.kind !== 'vague') return [doneAction(commitment)];
      // Keeping a soft date that has passed would make the item overdue at once: offer it only ahead of it.
      const today = todayIn(commitment.timeZone, now);
      const keep: CardAction[] =
        d.due >= today
          ? [
              {
                id: 'confirm-date',
                // Named by its day; the year only when it is a year or more ahead. Less than a year
                // ahead, "~30 Jan" can only be the coming one (the question above it names the year),
                // and the three answers then fit one row of a narrow card (Teams, Agents Playground).
                label: `Keep ${formatCalendarDate(d.due, { approximate: true, currentYear: d.due < aYearAfter(today) ? undefined : Number(today.slice(0, 4)) })}`,
                target: id,
                value: d.due,
                style: 'primary',
              },
            ]
          : [];
      return [
        ...keep,
        { id: 'confirm-date', label: 'Pick a date', target: id, pickDate: true },
        { id: 'confirm-date', label: "It's ongoing", target: id, value: 'ongoing' },
        { ...doneAction(commitment), style: undefined },
        snoozeAction(commitment),
      ];
    }
    case 'set-date':
      return [
        { id: 'set-date', label: 'Pick a date', target: id, pickDate: true, style: 'primary' },
        { id: 'set-date', label: "It's ongoing", target: id, value: 'ongoing' },
        { id: 'set-date', label: 'No date needed', target: id, value: 'none' },
        { ...doneAction(commitment), style: undefined },
      ];
    case 'event-check': {
      if (d.kind !== 'event') return [doneAction(commitment)];
      const target = d.eventId ?? id;
      return [
        { id: 'event-check', label: 'Yes, on…', target, pickDate: true, style: 'primary' },
        { id: 'event-check', label: 'Not yet', target, value: 'not-yet' },
        { id: 'event-check', label: 'Drop', target: id, value: 'drop', style: 'danger' },
      ];
    }
    case 'review':
      return reviewAnswerActions(commitment);
    default:
      return [doneAction(commitment), snoozeAction(commitment), updateStatusAction(commitment)];
  }
}

/** The same day a year later (`2024-02-29` → `2025-02-29`, which still sorts where 1 Mar would). */
function aYearAfter(day: string): string {
  return `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
}

/** One item of an owner's message: its question, its date and owners, its answers. */
export function reminderItem(kind: ReminderKind | undefined, commitment: Commitment, now: Date, options: ViewOptions = {}): CardItem {
  const question = isClosed(commitment.status) ? undefined : questionFor(kind, commitment, now);
  const status = commitment.status === 'in_progress' ? ' · in progress' : commitment.status === 'blocked' ? ' · blocked' : '';
  return {
    id: commitment.id,
    title: `${commitment.id} ${commitment.title}`,
    // With a question the date is in it; without one (a closed item) the row says when it was closed.
    lines: question
      ? [question, `${ownersLabel(commitment)}${status}`]
      : [`${dueLabel(commitment, now, options)} · ${ownersLabel(commitment)}${status}`],
    actions: answerActions(kind, commitment, now),
  };
}

export function ownerMessage(owner: { id: string; name: string }, reminders: OwnerReminder[], now: Date, timeZone: string): Reply {
  const groups = OWNER_GROUPS.map((group) => ({ group, items: reminders.filter((r) => groupOfReminder(r, now) === group) })).filter(
    (g) => g.items.length > 0,
  );
  const day = formatCalendarDate(todayIn(timeZone, now));
  // "Your commitments, Tue 30 Jan — 2 overdue · 1 review": counted again from the rows after a press (tally.ts).
  const tally: CardTally = {
    words: 'owner',
    lead: `Your commitments, ${day}`,
    totals: groups.map((g) => ({ group: g.group, count: g.items.length })),
  };
  const title = tallyTitle(tally);
  let room = OWNER_MESSAGE_LIMIT;
  const sections: CardSection[] = [];
  const lines: string[] = [title];
  for (const { group, items } of groups) {
    const shown = items.slice(0, Math.max(room, 0));
    room -= shown.length;
    if (shown.length === 0) continue;
    sections.push({
      heading: `${GROUP_HEADING[group]} (${items.length})`,
      group,
      count: items.length,
      items: shown.map((r) => ({ ...reminderItem(r.kind, r.commitment, now), group })),
    });
    lines.push(
      `${GROUP_HEADING[group]}:`,
      ...shown.map(
        (r) => `  ${r.commitment.id} ${r.commitment.title} — ${questionFor(r.kind, r.commitment, now) ?? dueLabel(r.commitment, now)}`,
      ),
    );
  }
  const more = reminders.length - OWNER_MESSAGE_LIMIT;
  const footer = more > 0 ? `and ${more} more — \`list mine\`` : undefined;
  if (footer) lines.push(footer);
  return {
    visibility: 'channel',
    text: lines.join('\n'),
    card: { title, sections, footer, context: `owner:${owner.id}`, tally },
  };
}
