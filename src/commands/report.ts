/** `report [everywhere|tag:x]`: what was promised, what was kept, what is late, and a compliance score. */
import { thisPlace } from '../replies/place-words.js';
import { z } from 'zod';
import { assess, type Assessment } from '../commitments/compliance.js';
import { privateReply } from '../replies/reply.js';
import { reportView } from '../replies/report-view.js';
import { defineCommand } from './spec.js';

export const reportCommand = defineCommand({
  name: 'report',
  summary: 'Summarise what was promised, kept, late and dropped, with a compliance score (−1…+1).',
  usage: 'report [everywhere] [tag:x]',
  examples: ['report', 'report everywhere', 'report tag:security'],
  args: z.object({
    everywhere: z.boolean(),
    tag: z
      .string()
      .regex(/^[\w-]{1,40}$/, { error: 'A tag looks like tag:border.' })
      .optional(),
    unknown: z.array(z.string()).max(0, { error: 'A report takes `everywhere` and `tag:x` only.' }),
  }),
  read: (input) => ({
    everywhere: input.words.some((w) => w.toLowerCase() === 'everywhere'),
    tag: input.words
      .find((w) => /^tag:/i.test(w))
      ?.slice(4)
      .toLowerCase(),
    unknown: input.words.filter((w) => w.toLowerCase() !== 'everywhere' && !/^tag:/i.test(w)),
  }),
  async run(context, args) {
    const { invocation } = context;
    const now = context.clock.now();
    const everywhere = args.everywhere || invocation.channel.isDirect;
    const all = await context.store.commitments.list(invocation.workspace.id, {
      channel: everywhere ? undefined : invocation.channel.address,
      tag: args.tag,
      statuses: ['open', 'in_progress', 'blocked', 'done', 'dropped'],
    });
    const assessments: Assessment[] = [];
    for (const c of all) assessments.push(assess(c, await context.store.commitments.history(c.workspaceId, c.id), now));
    const where = `${everywhere ? 'everywhere' : `in ${thisPlace(context.channel.kind)}`}${args.tag ? ` tagged ${args.tag}` : ''}`;
    if (assessments.length === 0) return privateReply(`Nothing to report ${where} yet.`);
    const view = reportView(assessments, where, now);
    return privateReply(view.text, { title: view.title, sections: view.sections });
  },
});
