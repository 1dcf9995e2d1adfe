/** `import [agreed <date>] <statement text>`: proposes the commitments a pasted statement contains, for review. */
import { z } from 'zod';
import { interpretDeadline } from '../commitments/deadline-interpreter.js';
import { todayIn } from '../commitments/calendar.js';
import { dueLabel } from '../replies/commitment-view.js';
import { channelReply, privateReply } from '../replies/reply.js';
import { UsageError } from './errors.js';
import { proposeNewCommitments, type Duplicate } from './propose-commitments.js';
import { defineCommand } from './spec.js';
import { textAfterWords } from './tokenize.js';

export const importCommand = defineCommand({
  name: 'import',
  aliases: ['extract'],
  summary: 'Paste a statement or minutes: the commitments in it are proposed here for review (`accept` them).',
  usage: 'import [agreed <date>] <statement text>',
  examples: ['import agreed 2024-01-29 The two foreign ministers agreed to immediately appoint liaison officers in Turbat and Zahedan.'],
  args: z.object({
    agreed: z.string().optional(),
    text: z.string().trim().min(20, {
      error: 'Paste the statement after `import` (at least a sentence), e.g. `import agreed 2024-01-29 The ministers agreed to …`.',
    }),
  }),
  read: (input) =>
    input.words[0]?.toLowerCase() === 'agreed' && !input.quoted[0]
      ? { agreed: input.words[1], text: textAfterWords(input.rest, 2) }
      : { text: input.rest },
  async run(context, args) {
    const { channel } = context;
    const today = todayIn(channel.timeZone, context.clock.now());
    let date = today;
    if (args.agreed) {
      const read = interpretDeadline(args.agreed, today, channel.timeZone);
      if (read.kind !== 'exact')
        throw new UsageError(
          `I could not read "${args.agreed}" as the date of the statement. Write it like \`import agreed 2024-01-29 …\`.`,
        );
      date = read.due;
    }
    const { proposals, duplicates } = await proposeNewCommitments({
      store: context.store,
      clock: context.clock,
      workspaceId: channel.workspaceId,
      channel: channel.address,
      timeZone: channel.timeZone,
      text: args.text,
      date,
      sourceTitle: `pasted by ${context.actor.name}`,
      actor: context.actor,
    });
    const already = duplicates.map((d) => alreadyLine(d, context.clock.now()));
    if (proposals.length === 0 && duplicates.length > 0) {
      const before = duplicates.every((d) => d.match === 'quote');
      return privateReply(
        [
          before
            ? `This statement was imported here before: every commitment in it is already tracked. Nothing new was added.`
            : `Every commitment in that text is already tracked here. Nothing new was added.`,
          ...already,
        ].join('\n'),
      );
    }
    if (proposals.length === 0) {
      return privateReply(
        'I found no commitments in that text (promises read like "X agreed to …", "Y will …", "Z to do … by …"). Nothing was stored.',
      );
    }
    const lines = proposals.map(({ commitment, extracted }) => {
      const weak = extracted.weak ? ' (weak: hedged wording)' : '';
      return `  ${commitment.id} ${commitment.title} — ${dueLabel(commitment, context.clock.now())}${weak}`;
    });
    const ids = proposals.map((p) => p.commitment.id);
    return channelReply(
      [
        `${context.actor.name} proposed ${proposals.length} commitment${proposals.length === 1 ? '' : 's'} from a statement of ${date}:`,
        ...lines,
        ...(already.length > 0 ? ['Already tracked here (not added again):', ...already] : []),
        `Nothing is reminded until accepted: \`accept ${ids[0]}\`, \`accept ${ids[0]} @owner\` or \`accept all\`; \`drop <id>\` what is not a commitment.`,
      ].join('\n'),
    );
  },
});

/** "  C-7 Appoint liaison officers — already here (open, due ~5 Feb): `show C-7`". */
function alreadyLine(duplicate: Duplicate, now: Date): string {
  const c = duplicate.existing;
  return `  ${c.id} ${c.title} — already here (${c.status.replace('_', ' ')}, ${dueLabel(c, now)}): \`show ${c.id}\``;
}
