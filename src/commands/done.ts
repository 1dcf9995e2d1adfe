/** `done <id> [note]`: marks a commitment kept. Idempotent: a second press records nothing. */
import { z } from 'zod';
import { closedLabel } from '../replies/closed-label.js';
import { formatCalendarDate } from '../replies/format-date.js';
import { channelReply, privateReply } from '../replies/reply.js';
import { commitmentId, optionalNote } from './arguments.js';
import { changeCommitment } from './change-commitment.js';
import { defineCommand } from './spec.js';
import { textAfterWords } from './tokenize.js';
import { todayIn } from '../commitments/calendar.js';

export const doneCommand = defineCommand({
  name: 'done',
  aliases: ['complete', 'close'],
  summary: 'Mark a commitment done, with an optional note or evidence link.',
  usage: 'done <id> [note]',
  examples: ['done C-3', 'done C-3 officers appointed, see https://example.org/notice'],
  args: z.object({ id: commitmentId, note: optionalNote }),
  read: (input) => ({ id: input.words[0], note: textAfterWords(input.rest, 1) }),
  async run(context, args) {
    const { commitment, unchanged } = await changeCommitment(context, args.id, (current) => {
      if (current.status === 'done') return { unchanged: 'already done' };
      if (current.status === 'dropped') return { unchanged: 'dropped' };
      if (current.status === 'proposed') return { unchanged: 'proposed' };
      return {
        changes: { status: 'done', atRisk: false },
        action: 'done',
        note: args.note,
        evidence: evidenceIn(args.note),
        detail: { from: current.status },
      };
    });
    if (unchanged === 'dropped') {
      return privateReply(`${commitment.id} was dropped. Reopen it first with \`reopen ${commitment.id}\` if it was kept after all.`);
    }
    if (unchanged === 'proposed') {
      return privateReply(
        `${commitment.id} is proposed and not yet reviewed. Accept it first (\`accept ${commitment.id}\`), then mark it done; or \`reject ${commitment.id}\` if it is not a commitment. Nothing changed.`,
      );
    }
    if (unchanged) {
      const history = await context.store.commitments.history(commitment.workspaceId, commitment.id);
      const last = [...history].reverse().find((e) => e.action === 'done');
      const by = last ? ` (by ${last.actor.name} on ${formatCalendarDate(todayIn(commitment.timeZone, new Date(last.at)))})` : '';
      return privateReply(`${commitment.id} is already done${by}. Nothing changed.`);
    }
    const when = closedLabel(commitment, context.clock.now(), commitment.updatedAt);
    const text = `✅ ${context.actor.name} marked ${commitment.id} done: ${commitment.title} (${when})${args.note ? ` — ${args.note}` : ''}`;
    return channelReply(text);
  },
});

export function evidenceIn(note: string | undefined): string | undefined {
  return note?.match(/https?:\/\/\S+/)?.[0];
}
