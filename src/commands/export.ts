/** `export csv|ics [everywhere]`: this channel's commitments as a spreadsheet or a calendar feed. */
import { z } from 'zod';
import { commitmentsCsv } from '../exports/commitments-csv.js';
import { commitmentsIcs } from '../exports/commitments-ics.js';
import { privateReply } from '../replies/reply.js';
import { defineCommand } from './spec.js';

/** Beyond this a chat message is the wrong container; the CLI writes a file instead. */
export const MAX_INLINE_EXPORT = 3500;

export const exportCommand = defineCommand({
  name: 'export',
  summary: "Export this channel's commitments as CSV (spreadsheet) or ICS (calendar of due dates).",
  summaryInDirect: "Export every channel's commitments as CSV (spreadsheet) or ICS (calendar of due dates).",
  usage: 'export csv|ics [everywhere]',
  examples: ['export csv', 'export ics everywhere'],
  args: z.object({
    format: z.enum(['csv', 'ics'], { error: 'Say which format: `export csv` or `export ics`.' }),
    everywhere: z.boolean(),
  }),
  read: (input) => ({
    format: input.words[0]?.toLowerCase(),
    everywhere: input.words.slice(1).some((w) => w.toLowerCase() === 'everywhere'),
  }),
  async run(context, args) {
    const { invocation } = context;
    const everywhere = args.everywhere || invocation.channel.isDirect;
    const commitments = await context.store.commitments.list(invocation.workspace.id, {
      channel: everywhere ? undefined : invocation.channel.address,
    });
    const content = args.format === 'csv' ? commitmentsCsv(commitments) : commitmentsIcs(commitments, context.clock.now());
    const scope = everywhere ? '' : ` --channel ${invocation.channel.address}`;
    const command = `npx followthrough export ${args.format} --workspace ${invocation.workspace.id}${scope} --out commitments.${args.format}`;
    if (content.length > MAX_INLINE_EXPORT) {
      return privateReply(
        `The ${args.format.toUpperCase()} of ${commitments.length} commitments is too long for a chat message (${content.length} characters). Ask whoever runs Followthrough to run:\n\`${command}\``,
      );
    }
    const text = `${args.format.toUpperCase()} of ${commitments.length} commitment${commitments.length === 1 ? '' : 's'}:\n\`\`\`\n${content.replace(/\r\n/g, '\n')}\`\`\``;
    return privateReply(text);
  },
});
