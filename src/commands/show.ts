/** `show <id>`: one commitment in full, with its history. */
import { z } from 'zod';
import type { Commitment, LogEntry } from '../commitments/commitment.js';
import { dueDateOf, isApproximate } from '../commitments/deadline.js';
import { isClosed } from '../commitments/status-rules.js';
import { commitmentActions, dueLabel, ownersLabel, statusLabel } from '../replies/commitment-view.js';
import { formatCalendarDate } from '../replies/format-date.js';
import { instant, privateReply, type Reply } from '../replies/reply.js';
import { commitmentId } from './arguments.js';
import { loadCommitment } from './change-commitment.js';
import { describeReading } from './describe-reading.js';
import { defineCommand } from './spec.js';

export const showCommand = defineCommand({
  name: 'show',
  aliases: ['info'],
  summary: 'Show one commitment with its history.',
  usage: 'show <id>',
  examples: ['show C-3'],
  args: z.object({ id: commitmentId }),
  read: (input) => ({ id: input.words[0] }),
  async run(context, args) {
    const commitment = await loadCommitment(context, args.id);
    const history = await context.store.commitments.history(commitment.workspaceId, commitment.id);
    return commitmentDetail(context.clock.now(), commitment, history);
  },
});

/** The full card of one commitment as of `now` (also a pressed item's card rebuilt). */
export function commitmentDetail(now: Date, commitment: Commitment, history: LogEntry[]): Reply {
  const closedAt = [...history].reverse().find((e) => e.action === commitment.status || e.action === 'rejected')?.at;
  const closed = isClosed(commitment.status);
  const fields = [
    { label: 'Status', value: closed ? dueLabel(commitment, now, { closedAt }) : statusLabel(commitment) },
    // A closed item's due date is shown as it was set, next to when it was closed — never "overdue since".
    { label: 'Due', value: closed ? (plainDueOf(commitment, now) ?? 'no deadline') : dueLabel(commitment, now).replace(/^due /, '') },
    { label: 'Owners', value: ownersLabel(commitment) },
  ];
  const reading = describeReading(commitment.deadline, now);
  // "Read as" earns its line only when it adds something (a phrase read, a term's meaning), not a repeated date.
  const plainDue = `due ${fields[1].value.replace(/^overdue since /, '')}`;
  if (reading && reading !== plainDue) fields.push({ label: 'Read as', value: reading });
  if (commitment.parties.length > 0) fields.push({ label: 'Parties', value: commitment.parties.join(', ') });
  if (commitment.tags.length > 0) fields.push({ label: 'Tags', value: commitment.tags.map((t) => `tag:${t}`).join(' ') });
  const source = [commitment.source.title, commitment.source.url, commitment.source.quote && `“${commitment.source.quote}”`]
    .filter(Boolean)
    .join(' — ');
  if (source) fields.push({ label: 'Source', value: source });
  if (commitment.source.agreedOn) fields.push({ label: 'Agreed', value: commitment.source.agreedOn });
  if (commitment.snoozedUntil && commitment.snoozedUntil > now.toISOString()) {
    fields.push({ label: 'Snoozed until', value: instant(commitment.snoozedUntil) });
  }
  const historyLines = history.map(logLine);
  const text = [
    `${commitment.id} ${commitment.title}`,
    ...fields.map((f) => `${f.label}: ${f.value}`),
    'History:',
    ...historyLines.map((l) => `  ${l}`),
  ].join('\n');
  return privateReply(text, {
    title: `${commitment.id} ${commitment.title}`,
    sections: [{ fields }, { heading: 'History', text: historyLines.join('\n') }],
    actions: commitmentActions(commitment),
    context: `item:${commitment.id}`,
  });
}

/** The due date as set ("Fri 2 Feb", "~5 Feb"), whatever the status; undefined when there is none. */
function plainDueOf(commitment: Commitment, now: Date): string | undefined {
  const d = commitment.deadline;
  const due = dueDateOf(d);
  if (!due)
    return d.kind === 'event' ? `after ${d.eventId ? `${d.eventId} ` : ''}${d.eventName}` : d.kind === 'ongoing' ? 'ongoing' : undefined;
  return formatCalendarDate(due, { approximate: isApproximate(d), currentYear: now.getUTCFullYear() });
}

function logLine(entry: LogEntry): string {
  const parts = [instant(entry.at), entry.actor.name, actionWords(entry)];
  if (entry.note) parts.push(entry.action === 'event-confirmed' ? entry.note : `— ${entry.note}`);
  return parts.join(' ');
}

/** The logged action in words, with the detail that says what changed ("set status blocked", "edited due"). */
function actionWords(entry: LogEntry): string {
  const detail = entry.detail ?? {};
  const text = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : undefined);
  switch (entry.action) {
    case 'status':
      return text('to') ? `set status ${text('to')}` : 'set status';
    case 'snoozed':
      return text('until') ? `snoozed until ${instant(text('until')!)}` : 'snoozed';
    case 'edited':
      return text('field') ? `edited ${text('field')}` : 'edited';
    case 'event-confirmed':
      return 'confirmed';
    default:
      return entry.action;
  }
}
