/** `add <title> [@owner…] [tag:x] [due|by|… <phrase>] [agreed <date>]`: records a new commitment. */
import { thisPlaceAtStart } from '../replies/place-words.js';
import { z } from 'zod';
import type { UserRef } from '../commitments/commitment.js';
import { splitDeadlineClause } from '../commitments/deadline-clause.js';
import { interpretDeadline } from '../commitments/deadline-interpreter.js';
import { todayIn } from '../commitments/calendar.js';
import { commitmentItem, dueLabel, ownersLabel } from '../replies/commitment-view.js';
import { channelReply } from '../replies/reply.js';
import { title } from './arguments.js';
import { UsageError, UserError } from './errors.js';
import { defineCommand, type CommandContext } from './spec.js';
import { mentionId, type CommandInput } from './tokenize.js';
import { describeReading } from './describe-reading.js';
import { attachEvent, eventLine } from './attach-event.js';

export const DEFAULT_SCHEDULE = 'weekdays 09:00';

const addArgs = z.object({
  words: z.string().trim().min(1, { error: 'Say what was promised, e.g. `add Appoint liaison officers due 2024-03-01`.' }),
  ownerIds: z.array(z.string()),
  tags: z.array(z.string().regex(/^[\w-]{1,40}$/, { error: 'A tag is letters, digits, - or _, like tag:border.' })),
  agreed: z.string().optional(),
});

export const addCommand = defineCommand({
  name: 'add',
  aliases: ['new', 'track'],
  summary: 'Track a new commitment in this channel.',
  summaryInDirect: 'Track a new commitment here, yours unless you name owners.',
  usage: 'add <title> [@owner…] [tag:x] [due|by|before|after|until|within <when>] [agreed <date>]',
  examples: [
    'add Appoint liaison officers in Turbat and Zahedan @alice immediately agreed 2024-01-29',
    'add "Review by legal" due 2024-03-15 tag:legal',
  ],
  args: addArgs,
  read: readAddWords,
  async run(context, args) {
    const { invocation, store } = context;
    const workspaceId = invocation.workspace.id;
    const timeZone = context.channel.timeZone;
    const reference = args.agreed ? readAgreedDate(args.agreed, todayIn(timeZone, context.clock.now()), timeZone) : undefined;
    const split = splitDeadlineClause(args.words, reference ?? todayIn(timeZone, context.clock.now()), timeZone);
    // A date that cannot be meant (30 Feb, year 1) is a typo: adding the item undated would hide it.
    if (split.deadline.kind === 'none' && split.deadline.invalidDate)
      throw new UserError('invalid_date', `${split.deadline.hint} Nothing was added.`);
    const parsedTitle = title.safeParse(withMentionNames(split.title, invocation.mentions));
    if (!parsedTitle.success) throw new UsageError(parsedTitle.error.issues[0].message);
    const attached = await attachEvent({ store, clock: context.clock, workspaceId }, split.deadline);
    const owners = args.ownerIds.length > 0 ? await ownersFrom(context, args.ownerIds) : [context.actor];
    const firstHere = context.channel.schedule === null;
    const commitment = await store.commitments.create(
      {
        workspaceId,
        channel: invocation.channel.address,
        title: parsedTitle.data,
        parties: [],
        owners,
        tags: [...new Set(args.tags.map((t) => t.toLowerCase()))],
        source: reference ? { agreedOn: reference } : {},
        deadline: attached.deadline,
        timeZone,
        status: 'open',
        createdBy: context.actor,
        createdAt: context.clock.now().toISOString(),
      },
      { at: context.clock.now().toISOString(), actor: context.actor, action: 'created' },
    );
    const now = context.clock.now();
    // The second line says what the deadline was read as, so a misreading is caught at once.
    const lines = [
      `${context.actor.name} added ${commitment.id}: ${commitment.title} — ${ownersLabel(commitment)}`,
      describeReading(commitment.deadline, now) ?? dueLabel(commitment, now),
    ];
    if (commitment.deadline.kind === 'none' && commitment.deadline.hint) {
      lines.push(`${commitment.id} has no deadline for now; set one with \`edit ${commitment.id} due <when>\`.`);
    }
    const joined = eventLine(attached);
    if (joined) lines.push(joined);
    if (firstHere && !invocation.channel.isDirect) {
      await store.channels.upsert({ workspaceId, address: invocation.channel.address, schedule: DEFAULT_SCHEDULE });
      lines.push(`${thisPlaceAtStart(context.channel.kind)} now gets a digest weekdays at 09:00 (${timeZone}). Change it with \`remind\`.`);
    }
    const text = lines.join('\n');
    return channelReply(text, {
      title: `Added ${commitment.id}`,
      sections: [{ text: lines.slice(1).join('\n') || undefined, items: [commitmentItem(commitment, now)] }],
      // An announcement everyone in the channel sees: a press updates its row, never replaces it.
      context: `announce:${commitment.id}`,
      shared: true,
    });
  },
});

/** Small words after which a mention is part of the sentence ("send the draft to @alice"), not only an owner. */
const LINKS_TO_A_NAME = /^(to|for|with|from|the|of|and|cc|by|at|on|about|via|per)$/i;

/** Pulls owners, tags and the `agreed` clause out of the words; the rest is title + deadline. */
function readAddWords(input: CommandInput) {
  const ownerIds: string[] = [];
  const tags: string[] = [];
  const kept: string[] = [];
  let agreed: string | undefined;
  let capitalizeNext = false;
  for (let i = 0; i < input.words.length; i++) {
    const word = input.words[i];
    const quoted = input.quoted[i];
    const mention = quoted ? undefined : mentionId(word);
    if (mention) {
      ownerIds.push(mention);
      if (LINKS_TO_A_NAME.test(kept.at(-1) ?? '')) kept.push(word);
    } else if (!quoted && kept.length === 0 && ownerIds.length > 0 && /^to$/i.test(word)) {
      // Minutes shorthand: "@bob to circulate the minutes" is bob's item "Circulate the minutes".
      capitalizeNext = true;
    } else if (!quoted && /^tag:/i.test(word)) tags.push(word.slice(4));
    else if (!quoted && /^agreed$/i.test(word) && agreedLength(input.words, i + 1) > 0) {
      const n = agreedLength(input.words, i + 1);
      agreed = input.words.slice(i + 1, i + 1 + n).join(' ');
      i += n;
    } else {
      kept.push(quoted ? `"${word}"` : capitalizeNext ? `${word[0].toUpperCase()}${word.slice(1)}` : word);
      capitalizeNext = false;
    }
  }
  return { words: kept.join(' '), ownerIds, tags, agreed };
}

/**
 * "agreed" starts the option only where the rest reads as one date ("agreed 2024-01-29", "agreed
 * 29 Jan 2024", "agreed yesterday"); "Circulate the agreed minutes … by 5 Feb" keeps it in the title
 * (issue 11 item 9, DESIGN §4: the trailing clause must parse as a whole).
 */
function isAgreedDate(words: string[]): boolean {
  const text = words
    .join(' ')
    .replace(/^on\s+/i, '')
    .trim();
  if (!/\d/.test(text) && !/^(?:today|yesterday|last \w+)$/i.test(text)) return false;
  if (/\b(?:due|by|before|after|until|within)\b/i.test(text)) return false;
  return interpretDeadline(text, '2000-01-01', 'UTC').kind === 'exact';
}

/** Words that may follow the agreed date: another option, or nothing. */
const NEXT_OPTION = /^(?:due|by|before|after|until|till|within|tag:.*|<@.*>)$/i;
const AGREED_MAX_WORDS = 4;

/** How many words after "agreed" are its date (0: "agreed" is part of the title). */
function agreedLength(words: string[], from: number): number {
  // A numeric date, even an impossible one, is meant as the date: `add` then says what is wrong with it.
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(words[from] ?? '')) return 1;
  for (let n = Math.min(AGREED_MAX_WORDS, words.length - from); n >= 1; n--) {
    const next = words[from + n];
    if ((next === undefined || NEXT_OPTION.test(next)) && isAgreedDate(words.slice(from, from + n))) return n;
  }
  return 0;
}

/** A mention kept in a title reads as `@name` there (titles are plain text in lists, exports and calendars). */
function withMentionNames(text: string, mentions: readonly { id: string; name: string }[]): string {
  return text.replace(
    /<@([^>|]+)(?:\|([^>]*))?>/g,
    (_, id: string, label?: string) => `@${mentions.find((m) => m.id === id)?.name ?? label ?? id}`,
  );
}

function readAgreedDate(text: string, today: string, timeZone: string): string {
  const read = interpretDeadline(text, today, timeZone);
  if (read.kind !== 'exact') {
    throw new UsageError(`I could not read "${text}" as the date it was agreed. Write it like \`agreed 2024-01-29\`.`);
  }
  return read.due;
}

async function ownersFrom(context: CommandContext, ids: string[]): Promise<UserRef[]> {
  const workspaceId = context.invocation.workspace.id;
  const owners: UserRef[] = [];
  for (const id of [...new Set(ids)]) {
    const mention = context.invocation.mentions.find((m) => m.id === id);
    const known = await context.store.users.get(workspaceId, id);
    owners.push({ id, name: mention?.name ?? known?.name ?? id });
  }
  return owners;
}
