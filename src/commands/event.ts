/** `event [E-n|"name"] [date]`: lists events, shows one, or confirms one and dates everything waiting on it. */
import { z } from 'zod';
import { interpretDeadline } from '../commitments/deadline-interpreter.js';
import { dueOnceEventHappened } from '../commitments/event-due.js';
import { eventSimilarity, OFFER_THRESHOLD } from '../commitments/event-names.js';
import { todayIn } from '../commitments/calendar.js';
import { isClosed } from '../commitments/status-rules.js';
import { commitmentItem, dueLabel } from '../replies/commitment-view.js';
import { channelReply, privateReply, type Reply } from '../replies/reply.js';
import type { EventRecord } from '../store/store.js';
import { NotFound, UsageError } from './errors.js';
import { defineCommand, type CommandContext } from './spec.js';
import type { CommandInput } from './tokenize.js';

export const eventCommand = defineCommand({
  name: 'event',
  aliases: ['events'],
  summary: 'List the events commitments wait on, or confirm one happened (dates everything waiting on it).',
  usage: 'event [E-n|"name"] [date]',
  examples: ['event', 'event E-1', 'event E-1 2024-03-04', 'event "new government formed" 4 March 2024'],
  args: z.object({ which: z.string().optional(), date: z.string().optional() }),
  read: (input: CommandInput) => ({ which: input.words[0], date: input.words.slice(1).join(' ') || undefined }),
  async run(context, args) {
    if (!args.which) return listEvents(context);
    const event = await findEvent(context, args.which);
    if (!args.date) return showEvent(context, event);
    return confirmEvent(context, event, args.date);
  },
});

async function findEvent(context: CommandContext, which: string): Promise<EventRecord> {
  const workspaceId = context.invocation.workspace.id;
  if (/^E-\d+$/i.test(which)) {
    const event = await context.store.events.get(workspaceId, which.toUpperCase());
    if (!event) throw new NotFound(`There is no event ${which.toUpperCase()}. Type \`event\` to see them.`);
    return event;
  }
  const events = await context.store.events.list(workspaceId);
  const exact = events.filter((e) => e.name.toLowerCase() === which.toLowerCase());
  if (exact.length === 1) return exact[0];
  const close = events
    .map((e) => ({ e, score: eventSimilarity(e.name, which) }))
    .filter((s) => s.score >= OFFER_THRESHOLD)
    .sort((a, b) => b.score - a.score);
  if (close.length === 1 || (close.length > 1 && close[0].score === 1 && close[1].score < 1)) return close[0].e;
  if (close.length === 0) throw new NotFound(`No event is called "${which}". Type \`event\` to see them.`);
  throw new UsageError(
    `"${which}" could be ${close.map((s) => `${s.e.id} "${s.e.name}"`).join(' or ')}. Say which by id, e.g. \`event ${close[0].e.id} <date>\`.`,
  );
}

async function listEvents(context: CommandContext): Promise<Reply> {
  const workspaceId = context.invocation.workspace.id;
  const events = await context.store.events.list(workspaceId);
  if (events.length === 0) return privateReply('No events yet. An item gets one when its deadline is "after …" or "before …" an event.');
  const lines = [];
  for (const event of events) {
    const waiting = (await context.store.commitments.list(workspaceId, { eventId: event.id })).filter((c) => !isClosed(c.status));
    const state = event.occurredOn ? `happened ${event.occurredOn}` : 'not yet';
    lines.push(
      `${event.id} "${event.name}" — ${state} — ${waiting.length} commitment${waiting.length === 1 ? '' : 's'}${waiting.length ? `: ${waiting.map((c) => c.id).join(', ')}` : ''}`,
    );
  }
  return privateReply(['Events:', ...lines].join('\n'), { title: 'Events', sections: [{ text: lines.join('\n') }] });
}

async function showEvent(context: CommandContext, event: EventRecord): Promise<Reply> {
  const now = context.clock.now();
  const waiting = await context.store.commitments.list(event.workspaceId, { eventId: event.id });
  const state = event.occurredOn
    ? `Happened on ${event.occurredOn} (confirmed by ${event.confirmedBy?.name}).`
    : `Not yet confirmed. When it happens: \`event ${event.id} <date>\`.`;
  const lines = waiting.map((c) => `  ${c.id} ${c.title} — ${dueLabel(c, now)}`);
  return privateReply([`${event.id} "${event.name}"`, state, ...(lines.length ? ['Commitments:', ...lines] : [])].join('\n'), {
    title: `${event.id} ${event.name}`,
    sections: [{ text: state, items: waiting.map((c) => commitmentItem(c, now)) }],
  });
}

async function confirmEvent(context: CommandContext, event: EventRecord, dateText: string): Promise<Reply> {
  const timeZone = context.channel.timeZone;
  const read = interpretDeadline(dateText, todayIn(timeZone, context.clock.now()), timeZone);
  if (read.kind !== 'exact')
    throw new UsageError(`I could not read "${dateText}" as the date it happened. Write it like \`event ${event.id} 2024-03-04\`.`);
  if (event.occurredOn === read.due) return privateReply(`${event.id} is already confirmed as ${event.occurredOn}. Nothing changed.`);
  const { updated } = await context.store.events.confirm(
    event.workspaceId,
    event.id,
    read.due,
    context.actor,
    context.clock.now().toISOString(),
    (c) => (c.deadline.kind === 'event' ? { deadline: { ...c.deadline, due: dueOnceEventHappened(c.deadline, read.due) } } : {}),
  );
  const now = context.clock.now();
  const lines = updated.map((c) => `  ${c.id} ${c.title} — ${dueLabel(c, now)}`);
  // A second confirmation re-dates everything waiting, so the earlier date is named, not silently replaced.
  const before = event.occurredOn ? ` (it was ${event.occurredOn}, confirmed by ${event.confirmedBy?.name ?? 'someone'})` : '';
  const text = [
    `📅 ${context.actor.name} confirmed ${event.id} "${event.name}" happened on ${read.due}${before}.`,
    ...(lines.length ? ['Now dated:', ...lines] : ['Nothing was waiting on it.']),
  ].join('\n');
  return channelReply(text, {
    title: `${event.id} happened on ${read.due}`,
    sections: [{ text: event.name, items: updated.map((c) => commitmentItem(c, now)) }],
  });
}
