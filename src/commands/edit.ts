/** `edit <id> title|due|owner|parties|tags|source|quote|agreed <value>`: changes one field, logged. */
import { z } from 'zod';
import type { Commitment } from '../commitments/commitment.js';
import { interpretDeadline } from '../commitments/deadline-interpreter.js';
import { todayIn } from '../commitments/calendar.js';
import { dueLabel, ownersLabel } from '../replies/commitment-view.js';
import { privateReply } from '../replies/reply.js';
import { commitmentId, title } from './arguments.js';
import { changeCommitment, type Change } from './change-commitment.js';
import { describeReading } from './describe-reading.js';
import { attachEvent } from './attach-event.js';
import { UsageError } from './errors.js';
import { defineCommand, type CommandContext } from './spec.js';
import { mentionId, textAfterWords, tokenize } from './tokenize.js';

const FIELDS = ['title', 'due', 'owner', 'owners', 'parties', 'tags', 'source', 'quote', 'agreed'] as const;
type Field = (typeof FIELDS)[number];

export const editCommand = defineCommand({
  name: 'edit',
  aliases: ['set', 'change'],
  summary: 'Change the title, due date, owners, parties, tags, source or agreed date of a commitment.',
  usage: 'edit <id> title|due|owner|parties|tags|source|quote|agreed <value>',
  examples: [
    'edit C-3 due 2024-03-15',
    'edit C-3 owner @alice @bob',
    'edit C-3 parties Pakistan FM, Iran FM',
    'edit C-3 agreed 2024-01-29',
  ],
  args: z.object({
    id: commitmentId,
    field: z.enum(FIELDS, { error: `Say which field to edit: ${FIELDS.filter((f) => f !== 'owners').join(', ')}.` }),
    value: z.string().trim().min(1, { error: 'Give the new value after the field name, e.g. `edit C-3 due 2024-03-15`.' }).max(1000),
  }),
  read: (input) => ({ id: input.words[0], field: input.words[1]?.toLowerCase(), value: textAfterWords(input.rest, 2) }),
  async run(context, args) {
    const { commitment } = await changeCommitment(context, args.id, (current) => editChange(context, current, args.field, args.value));
    const now = context.clock.now();
    const summary = `${commitment.id} ${commitment.title} — ${dueLabel(commitment, now)} — ${ownersLabel(commitment)}`;
    const reading = args.field === 'due' || args.field === 'agreed' ? describeReading(commitment.deadline, now) : undefined;
    return privateReply(
      [`Updated ${args.field === 'owners' ? 'owner' : args.field} of ${commitment.id}.`, summary, reading].filter(Boolean).join('\n'),
    );
  },
});

async function editChange(context: CommandContext, current: Commitment, field: Field, value: string): Promise<Change> {
  const events = { store: context.store, clock: context.clock, workspaceId: context.invocation.workspace.id };
  const base = { action: 'edited', detail: { field } as Record<string, unknown> };
  switch (field) {
    case 'title': {
      const parsed = title.safeParse(value.replace(/^"(.*)"$/, '$1'));
      if (!parsed.success) throw new UsageError(parsed.error.issues[0].message);
      return { ...base, changes: { title: parsed.data }, detail: { field, from: current.title, to: parsed.data } };
    }
    case 'due': {
      const reference = current.source.agreedOn ?? todayIn(current.timeZone, context.clock.now());
      const read = interpretDeadline(value, reference, current.timeZone);
      if (read.kind === 'none' && !/^(none|no deadline|-)$/i.test(value)) {
        throw new UsageError(read.hint ?? `I could not read a date in "${value}". Try a date like 2024-03-15, or \`none\`.`);
      }
      const { deadline } = await attachEvent(events, read);
      return { ...base, changes: { deadline }, detail: { field, from: current.deadline, to: deadline } };
    }
    case 'agreed': {
      const read = interpretDeadline(value, todayIn(current.timeZone, context.clock.now()), current.timeZone);
      if (read.kind !== 'exact')
        throw new UsageError(`I could not read "${value}" as a date. Write it like \`edit ${current.id} agreed 2024-01-29\`.`);
      const reread = current.deadline.text
        ? interpretDeadline(current.deadline.text, read.due, current.timeZone)
        : { ...current.deadline, reference: read.due };
      // Keep the event already joined: the phrase is the same, only its reference date moved.
      const deadline =
        reread.kind === 'event' && current.deadline.kind === 'event' && current.deadline.eventId
          ? { ...reread, eventId: current.deadline.eventId, due: current.deadline.due }
          : (await attachEvent(events, reread)).deadline;
      return {
        ...base,
        changes: { source: { ...current.source, agreedOn: read.due }, deadline },
        detail: { field, from: current.source.agreedOn, to: read.due },
      };
    }
    case 'owner':
    case 'owners': {
      const ids = tokenize(value)
        .words.map(mentionId)
        .filter((id): id is string => id !== undefined);
      if (ids.length === 0) throw new UsageError(`Mention the new owners, e.g. \`edit ${current.id} owner @alice\`.`);
      const owners = [...new Set(ids)].map((id) => ({ id, name: context.invocation.mentions.find((m) => m.id === id)?.name ?? id }));
      return { ...base, changes: { owners }, detail: { field: 'owner', from: current.owners, to: owners } };
    }
    case 'parties': {
      const parties = value
        .split(/[,;]/)
        .map((p) => p.trim())
        .filter(Boolean);
      return { ...base, changes: { parties }, detail: { field, from: current.parties, to: parties } };
    }
    case 'tags': {
      const tags = tokenize(value).words.map((t) => t.replace(/^tag:/i, '').toLowerCase());
      if (tags.some((t) => !/^[\w-]{1,40}$/.test(t)))
        throw new UsageError('A tag is letters, digits, - or _, like `edit C-3 tags border security`.');
      return { ...base, changes: { tags: [...new Set(tags)] }, detail: { field, from: current.tags, to: tags } };
    }
    case 'source': {
      const source = /^https?:\/\//i.test(value) ? { ...current.source, url: value } : { ...current.source, title: value };
      return { ...base, changes: { source }, detail: { field, from: current.source, to: source } };
    }
    case 'quote': {
      const source = { ...current.source, quote: value.replace(/^"(.*)"$/, '$1') };
      return { ...base, changes: { source }, detail: { field, from: current.source.quote, to: source.quote } };
    }
  }
}
