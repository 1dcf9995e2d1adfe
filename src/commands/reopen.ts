/** `reopen <id>`: a done or dropped commitment is owed again; reminders re-arm. */
import { z } from 'zod';
import { channelReply, privateReply } from '../replies/reply.js';
import { commitmentId, optionalNote } from './arguments.js';
import { changeCommitment } from './change-commitment.js';
import { defineCommand } from './spec.js';
import { textAfterWords } from './tokenize.js';

export const reopenCommand = defineCommand({
  name: 'reopen',
  summary: 'Reopen a done or dropped commitment.',
  usage: 'reopen <id> [note]',
  examples: ['reopen C-3', 'reopen C-3 the market closed again'],
  args: z.object({ id: commitmentId, note: optionalNote }),
  read: (input) => ({ id: input.words[0], note: textAfterWords(input.rest, 1) }),
  async run(context, args) {
    const { commitment, unchanged } = await changeCommitment(context, args.id, (current) =>
      current.status === 'done' || current.status === 'dropped'
        ? { changes: { status: 'open' }, action: 'reopened', note: args.note, detail: { from: current.status } }
        : { unchanged: current.status },
    );
    if (unchanged) return privateReply(`${commitment.id} is not done or dropped (it is ${unchanged.replace('_', ' ')}). Nothing changed.`);
    return channelReply(`↩️ ${context.actor.name} reopened ${commitment.id}: ${commitment.title}${args.note ? ` — ${args.note}` : ''}`);
  },
});
