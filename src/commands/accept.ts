/** `accept <id>|all [@owner…]`: a proposed (extracted) commitment becomes a tracked one, with owners. */
import { z } from 'zod';
import type { Commitment, UserRef } from '../commitments/commitment.js';
import { channelReply, privateReply } from '../replies/reply.js';
import { commitmentId } from './arguments.js';
import { changeCommitment } from './change-commitment.js';
import { defineCommand, type CommandContext } from './spec.js';
import { mentionId } from './tokenize.js';

export const acceptCommand = defineCommand({
  name: 'accept',
  aliases: ['approve'],
  summary: 'Accept proposed commitments (from `import`) so they are tracked and reminded; optionally set owners.',
  usage: 'accept <id>|all [@owner…]',
  examples: ['accept C-7', 'accept C-7 @alice', 'accept all'],
  args: z.object({
    which: z.union([z.literal('all'), commitmentId], { error: 'Say which: an id like C-7, or `all` for every proposed item here.' }),
    ownerIds: z.array(z.string()),
  }),
  read: (input) => ({
    which: input.words[0]?.toLowerCase() === 'all' ? 'all' : input.words[0],
    ownerIds: input.words.map(mentionId).filter((id): id is string => id !== undefined),
  }),
  async run(context, args) {
    const ids =
      args.which === 'all'
        ? (
            await context.store.commitments.list(context.invocation.workspace.id, {
              channel: context.invocation.channel.address,
              statuses: ['proposed'],
            })
          ).map((c) => c.id)
        : [args.which];
    if (ids.length === 0) return privateReply('There are no proposed commitments here. `import` proposes some from a statement.');
    const owners = await ownersFor(context, args.ownerIds);
    const accepted: Commitment[] = [];
    const skipped: string[] = [];
    for (const id of ids) {
      const { commitment, unchanged } = await changeCommitment(
        context,
        id,
        (current) =>
          current.status !== 'proposed'
            ? { unchanged: `${current.id} is not proposed (it is ${current.status.replace('_', ' ')})` }
            : {
                changes: { status: 'open', owners: owners ?? (current.owners.length > 0 ? current.owners : [context.actor]) },
                action: 'accepted',
              },
        // Nobody owns an extracted item yet: whoever accepts it takes it on.
        { alsoAllowed: (current) => current.status === 'proposed' && current.owners.length === 0 },
      );
      if (unchanged) skipped.push(unchanged);
      else accepted.push(commitment);
    }
    if (accepted.length === 0) return privateReply(`${skipped.join('; ')}. Nothing changed.`);
    const lines = accepted.map(
      (c) =>
        `  ${c.id} ${c.title} — ${c.owners.map((o) => `@${o.name}`).join(', ')}${c.parties.length > 0 ? ` (parties: ${c.parties.join(', ')})` : ''}`,
    );
    // The extracted parties are names, not chat users: say who they are and how to make one of them the owner.
    const withParties = accepted.find((c) => c.parties.length > 0 && !owners);
    const hint = withParties
      ? [`To make someone for ${withParties.parties.join(' / ')} the owner: \`edit ${withParties.id} owner @name\`.`]
      : [];
    return channelReply(
      [
        `${context.actor.name} accepted ${accepted.length} proposed commitment${accepted.length === 1 ? '' : 's'}:`,
        ...lines,
        ...skipped.map((s) => `(${s})`),
        ...hint,
      ].join('\n'),
    );
  },
});

/** Named owners (a mention, or a person picked on the Accept button), with their names from the mention or the store. */
async function ownersFor(context: CommandContext, ids: string[]): Promise<UserRef[] | undefined> {
  if (ids.length === 0) return undefined;
  const owners: UserRef[] = [];
  for (const id of new Set(ids)) {
    const known = await context.store.users.get(context.invocation.workspace.id, id);
    owners.push({ id, name: context.invocation.mentions.find((m) => m.id === id)?.name ?? known?.name ?? id });
  }
  return owners;
}
