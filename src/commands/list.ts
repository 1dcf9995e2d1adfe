/** `list [mine|overdue|proposed|all|everywhere|@user|tag:x]`: what is owed, grouped the way people triage. */
import { thisPlace } from '../replies/place-words.js';
import { z } from 'zod';
import { ACTIVE_STATUSES, type Commitment, type Status } from '../commitments/commitment.js';
import { GROUP_HEADING, groupForList, isOverdue } from '../commitments/list-groups.js';
import { isClosed } from '../commitments/status-rules.js';
import { commitmentItem, commitmentLine } from '../replies/commitment-view.js';
import { privateReply, type CardSection, type Reply } from '../replies/reply.js';
import type { CommitmentFilter } from '../store/store.js';
import { defineCommand, type CommandContext } from './spec.js';
import { mentionId, type CommandInput } from './tokenize.js';

const FILTER_WORDS = ['mine', 'overdue', 'proposed', 'all', 'everywhere'] as const;

const listArgs = z.object({
  words: z.array(
    z.string().refine((w) => (FILTER_WORDS as readonly string[]).includes(w) || /^tag:[\w-]+$/.test(w) || mentionId(w) !== undefined, {
      error: (issue) =>
        `I don't know the list filter "${String(issue.input)}". Try mine, overdue, proposed, all, everywhere, @someone or tag:x.`,
    }),
  ),
});

export const listCommand = defineCommand({
  name: 'list',
  aliases: ['ls'],
  summary: "Show this channel's open commitments: overdue, due soon, needing a date, waiting, ongoing.",
  summaryInDirect: 'Show your open commitments, in every channel: overdue, due soon, needing a date, waiting, ongoing.',
  usage: 'list [mine|overdue|proposed|all|everywhere|@user|tag:x]',
  examples: ['list', 'list mine', 'list overdue everywhere', 'list tag:border'],
  args: listArgs,
  read: (input: CommandInput) => ({ words: input.words.map((w) => (mentionId(w) ? w : w.toLowerCase())) }),
  async run(context, args) {
    return buildList(context, args.words);
  },
});

/** Builds the list card; button presses on a list call it again with the same words. */
export async function buildList(context: CommandContext, words: string[]): Promise<Reply> {
  const { invocation } = context;
  const now = context.clock.now();
  const effective = words.length === 0 && invocation.channel.isDirect ? ['mine'] : words;
  const has = (w: string) => effective.includes(w);
  const userId = effective.map(mentionId).find((id) => id !== undefined);
  const tag = effective.find((w) => w.startsWith('tag:'))?.slice(4);
  const personal = has('mine') || userId !== undefined;
  const statuses: readonly Status[] = has('all')
    ? ['proposed', 'open', 'in_progress', 'blocked', 'done', 'dropped']
    : has('proposed')
      ? ['proposed']
      : ACTIVE_STATUSES;
  const filter: CommitmentFilter = {
    statuses,
    channel: has('everywhere') || personal || invocation.channel.isDirect ? undefined : invocation.channel.address,
    ownerId: has('mine') ? invocation.user.id : userId,
    tag,
  };
  let items: Commitment[] = await context.store.commitments.list(invocation.workspace.id, filter);
  if (has('overdue')) items = items.filter((c) => isOverdue(c, now));
  const title = listTitle(effective, context);
  if (items.length === 0) {
    // A filter that matches nothing is not a reason to add something: point to the unfiltered list.
    const filtered = words.some((w) => w !== 'everywhere' && w !== 'all');
    const text = filtered
      ? `${title}: none. \`list\` shows every open item here.`
      : `${title}: nothing here. Add one with \`add <what was promised> due <when>\`.`;
    return privateReply(text, { title, sections: [{ text: 'Nothing here.' }], context: `list:${effective.join(' ')}` });
  }
  const groups = groupForList(items, now);
  // Closed items say when they were closed ("done Mon 29 Jan, 4 days early"): that date is in their history.
  const closedAt = new Map<string, string>();
  for (const c of items.filter((i) => isClosed(i.status))) {
    const history = await context.store.commitments.history(c.workspaceId, c.id);
    closedAt.set(c.id, [...history].reverse().find((e) => e.action === c.status || e.action === 'rejected')?.at ?? c.updatedAt);
  }
  const view = (c: Commitment) => ({ closedAt: closedAt.get(c.id) });
  // Each heading knows its group and count, so a card patched after a press (Teams) can count again (tally.ts).
  const sections: CardSection[] = groups.map(({ group, items: inGroup }) => ({
    heading: `${GROUP_HEADING[group]} (${inGroup.length})`,
    group,
    count: inGroup.length,
    items: inGroup.map((c) => commitmentItem(c, now, view(c))),
  }));
  const text = [
    `${title} (${items.length}):`,
    ...groups.flatMap(({ group, items: inGroup }) => [
      `${GROUP_HEADING[group]}:`,
      ...inGroup.map((c) => `  ${commitmentLine(c, now, view(c))}`),
    ]),
  ].join('\n');
  return privateReply(text, { title, sections, context: `list:${effective.join(' ')}` });
}

function listTitle(words: string[], context: CommandContext): string {
  const where =
    words.includes('everywhere') || context.invocation.channel.isDirect ? 'everywhere' : `in ${thisPlace(context.channel.kind)}`;
  const userId = words.map(mentionId).find((id) => id !== undefined);
  const who = words.includes('mine')
    ? 'Your commitments'
    : userId
      ? `Commitments of @${context.invocation.mentions.find((m) => m.id === userId)?.name ?? userId}`
      : 'Commitments';
  const which = words.includes('overdue') ? 'overdue ' : words.includes('proposed') ? 'proposed ' : '';
  const tag = words.find((w) => w.startsWith('tag:'));
  // "Your overdue commitments", "Overdue commitments of @bob", "Proposed commitments".
  const whose = who.startsWith('Your')
    ? `Your ${which}commitments`
    : which
      ? `${which[0].toUpperCase()}${which.slice(1)}${who[0].toLowerCase()}${who.slice(1)}`
      : who;
  return `${whose}${tag ? ` ${tag}` : ''} ${who.startsWith('Your') || userId ? 'everywhere' : where}`.trim();
}
