/** The words of one owner reminder (nudge, confirm-date, event-check, review), rendered at send time. */
import type { Commitment } from '../commitments/commitment.js';
import { daysBetween } from '../commitments/calendar.js';
import { dueDateOf } from '../commitments/deadline.js';
import { todayIn } from '../commitments/calendar.js';
import { commitmentItem } from '../replies/commitment-view.js';
import { formatCalendarDate } from '../replies/format-date.js';
import type { CardAction, Reply } from '../replies/reply.js';
import type { OutboxKind } from '../store/store.js';

export function reminderMessage(kind: Exclude<OutboxKind, 'digest'>, commitment: Commitment, now: Date): Reply {
  const headline = headlineFor(kind, commitment, now);
  const item = commitmentItem(commitment, now);
  const extra = extraActions(kind, commitment);
  const text = `${headline}\n${commitment.id} ${commitment.title}${item.lines?.length ? ` — ${item.lines[0]}` : ''}`;
  return {
    visibility: 'channel',
    text,
    card: { title: headline, sections: [{ items: [item] }], actions: extra.length ? extra : undefined, context: `item:${commitment.id}` },
  };
}

function headlineFor(kind: Exclude<OutboxKind, 'digest'>, commitment: Commitment, now: Date): string {
  const d = commitment.deadline;
  switch (kind) {
    case 'confirm-date':
      return `${commitment.id} was promised "${d.text}". Confirm a date?`;
    case 'event-check':
      return `Has ${d.kind === 'event' ? `${d.eventId ? `${d.eventId} ` : ''}${d.eventName}` : 'the event'} happened? ${commitment.id} is waiting on it.`;
    case 'review':
      return `Time to review the ongoing duty ${commitment.id}: still being kept?`;
    default: {
      const due = dueDateOf(d);
      if (!due) return `Reminder about ${commitment.id}`;
      const days = daysBetween(todayIn(commitment.timeZone, now), due);
      const date = formatCalendarDate(due);
      if (days > 1) return `Reminder: ${commitment.id} is due in ${days} days (${date}).`;
      if (days === 1) return `Reminder: ${commitment.id} is due tomorrow (${date}).`;
      if (days === 0) return `Reminder: ${commitment.id} is due today (${date}).`;
      return `Overdue: ${commitment.id} was due ${date} (${-days} day${days === -1 ? '' : 's'} ago).`;
    }
  }
}

/** The kind-specific choices DESIGN §5 names, next to Done / Snooze / Update status. */
function extraActions(kind: Exclude<OutboxKind, 'digest'>, commitment: Commitment): CardAction[] {
  if (kind === 'confirm-date') {
    return [
      // The soft date itself is the value, so keeping it is just `edit <id> due <date>`.
      { id: 'confirm-date', label: 'Keep ~date', target: commitment.id, value: dueDateOf(commitment.deadline) ?? 'keep' },
      { id: 'confirm-date', label: 'Pick a date', target: commitment.id, pickDate: true },
      { id: 'confirm-date', label: "It's ongoing", target: commitment.id, value: 'ongoing' },
    ];
  }
  if (kind === 'event-check' && commitment.deadline.kind === 'event') {
    const target = commitment.deadline.eventId ?? commitment.id;
    return [
      { id: 'event-check', label: 'Yes, on…', target, pickDate: true },
      { id: 'event-check', label: 'Not yet', target, value: 'not-yet' },
      { id: 'event-check', label: 'Drop', target: commitment.id, value: 'drop', style: 'danger' },
    ];
  }
  return [];
}
