/** `drop <id> [reason]`: the commitment will not be kept; the reason stays in its history. */
import { z } from 'zod';
import { channelReply, privateReply } from '../replies/reply.js';
import { commitmentId, optionalNote } from './arguments.js';
import { changeCommitment } from './change-commitment.js';
import { defineCommand } from './spec.js';
import { textAfterWords } from './tokenize.js';

export const dropCommand = defineCommand({
  name: 'drop',
  aliases: ['cancel', 'abandon'],
  summary: 'Drop a commitment that will not be kept, with a reason.',
  usage: 'drop <id> [reason]',
  examples: ['drop C-5 superseded by the March agreement'],
  args: z.object({ id: commitmentId, note: optionalNote }),
  read: (input) => ({ id: input.words[0], note: textAfterWords(input.rest, 1) }),
  async run(context, args) {
    const { commitment, unchanged } = await changeCommitment(context, args.id, (current) =>
      current.status === 'dropped'
        ? { unchanged: 'dropped' }
        : { changes: { status: 'dropped', atRisk: false }, action: 'dropped', note: args.note, detail: { from: current.status } },
    );
    if (unchanged) return privateReply(`${commitment.id} is already dropped. Nothing changed.`);
    return channelReply(`🗑️ ${context.actor.name} dropped ${commitment.id}: ${commitment.title}${args.note ? ` — ${args.note}` : ''}`);
  },
});
