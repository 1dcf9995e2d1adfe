/** `report [everywhere|tag:x]`: what was promised, what was kept, what is late, and a compliance score. */
import { z } from 'zod';
import { assess, averageScore, type Assessment } from '../commitments/compliance.js';
import { commitmentLine } from '../replies/commitment-view.js';
import { privateReply, type CardSection } from '../replies/reply.js';
import { defineCommand } from './spec.js';

export const reportCommand = defineCommand({
  name: 'report',
  summary: 'Summarise what was promised, kept, late and dropped, with a compliance score (−1…+1).',
  usage: 'report [everywhere] [tag:x]',
  examples: ['report', 'report everywhere', 'report tag:security'],
  args: z.object({
    everywhere: z.boolean(),
    tag: z.string().regex(/^[\w-]{1,40}$/, { error: 'A tag looks like tag:border.' }).optional(),
    unknown: z.array(z.string()).max(0, { error: 'A report takes `everywhere` and `tag:x` only.' }),
  }),
  read: (input) => ({
    everywhere: input.words.some((w) => w.toLowerCase() === 'everywhere'),
    tag: input.words.find((w) => /^tag:/i.test(w))?.slice(4).toLowerCase(),
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
    const where = `${everywhere ? 'everywhere' : 'in this channel'}${args.tag ? ` tagged ${args.tag}` : ''}`;
    if (assessments.length === 0) return privateReply(`Nothing to report ${where} yet.`);
    const kept = assessments.filter((a) => a.commitment.status === 'done');
    const late = assessments.filter((a) => a.late);
    const dropped = assessments.filter((a) => a.commitment.status === 'dropped');
    const underway = assessments.filter((a) => a.score === 0);
    const score = averageScore(assessments)!;
    const summary = [
      `${assessments.length} promised`,
      `${kept.length} kept${kept.some((a) => a.keptLate) ? ` (${kept.filter((a) => a.keptLate).length} late)` : ''}`,
      `${underway.length} under way`,
      `${late.length} late`,
      `${dropped.length} dropped`,
    ].join(' · ');
    const scoreLine = `Compliance ${score >= 0 ? '+' : '−'}${Math.abs(score).toFixed(2)} (kept +1, under way 0, late or dropped −1)`;
    const groups: [string, Assessment[]][] = [
      ['Late', late],
      ['Under way', underway],
      ['Kept', kept],
      ['Dropped', dropped],
    ];
    const present = groups.filter(([, items]) => items.length > 0);
    const sections: CardSection[] = [
      { text: `${summary}\n${scoreLine}` },
      ...present.map(([heading, items]) => ({ heading: `${heading} (${items.length})`, text: items.map((a) => commitmentLine(a.commitment, now)).join('\n') })),
    ];
    const text = [`Report ${where}: ${summary}`, scoreLine, ...present.flatMap(([heading, items]) => [`${heading}:`, ...items.map((a) => `  ${commitmentLine(a.commitment, now)}`)])].join('\n');
    return privateReply(text, { title: `Report ${where}`, sections });
  },
});
