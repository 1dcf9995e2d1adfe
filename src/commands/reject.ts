/** `reject <id>|all [reason]`: a proposed (extracted) item is not a commitment; it is dropped, never tracked. */
import { z } from 'zod';
import { channelReply, privateReply } from '../replies/reply.js';
import { commitmentId, optionalNote } from './arguments.js';
import { changeCommitment } from './change-commitment.js';
import { defineCommand } from './spec.js';
import { textAfterWords } from './tokenize.js';

export const rejectCommand = defineCommand({
  name: 'reject',
  summary: 'Reject a proposed commitment (from `import`): it was not a promise, or is already tracked.',
  usage: 'reject <id> [reason]',
  examples: ['reject C-9', 'reject C-9 this is background, not a promise'],
  args: z.object({ id: commitmentId, note: optionalNote }),
  read: (input) => ({ id: input.words[0], note: textAfterWords(input.rest, 1) }),
  async run(context, args) {
    const { commitment, unchanged } = await changeCommitment(
      context,
      args.id,
      (current) =>
        current.status !== 'proposed'
          ? {
              unchanged: `${current.id} is not proposed (it is ${current.status.replace('_', ' ')}); to stop tracking it, \`drop ${current.id} <reason>\`. Nothing changed.`,
            }
          : { changes: { status: 'dropped' }, action: 'rejected', note: args.note, detail: { from: 'proposed' } },
      // Nobody owns an extracted item yet: whoever reviews it may reject it (as with `accept`).
      { alsoAllowed: (current) => current.status === 'proposed' && current.owners.length === 0 },
    );
    if (unchanged) return privateReply(unchanged);
    return channelReply(
      `${context.actor.name} rejected proposed ${commitment.id}: ${commitment.title}${args.note ? ` — ${args.note}` : ''}`,
    );
  },
});
