/** `status <id> in-progress|blocked|at-risk|ok [note]`: progress and risk, answered privately, logged. */
import { z } from 'zod';
import type { Commitment } from '../commitments/commitment.js';
import { isClosed } from '../commitments/status-rules.js';
import { statusLabel } from '../replies/commitment-view.js';
import { privateReply } from '../replies/reply.js';
import { commitmentId, optionalNote } from './arguments.js';
import { changeCommitment, type Change } from './change-commitment.js';
import { UserError } from './errors.js';
import { defineCommand } from './spec.js';
import { textAfterWords } from './tokenize.js';

const STATES = ['in-progress', 'blocked', 'at-risk', 'ok', 'open'] as const;
type State = (typeof STATES)[number];
/** Closing words people try here; each has its own command, which the reply names. */
const CLOSING = {
  done: 'done',
  complete: 'done',
  completed: 'done',
  closed: 'done',
  dropped: 'drop',
  drop: 'drop',
  cancelled: 'drop',
} as const;
/** Two-word states as people type them ("in progress", "at risk", "on track"). */
const TWO_WORDS: Record<string, string> = { 'in progress': 'in-progress', 'at risk': 'at-risk', 'on track': 'ok' };

export const statusCommand = defineCommand({
  name: 'status',
  aliases: ['progress'],
  summary: 'Say how a commitment is going: in-progress, blocked, at-risk, or ok (on track again).',
  usage: 'status <id> in-progress|blocked|at-risk|ok [note]',
  examples: ['status C-3 in-progress', 'status C-3 blocked waiting for visas', 'status C-3 ok'],
  args: z.object({
    id: commitmentId,
    state: z
      .string({ error: 'Say the status: in-progress, blocked, at-risk or ok.' })
      .transform((s) => s.toLowerCase().replace(/_/g, '-'))
      .pipe(
        z.enum([...STATES, ...(Object.keys(CLOSING) as (keyof typeof CLOSING)[])], {
          error: 'The status is one of in-progress, blocked, at-risk or ok.',
        }),
      ),
    note: optionalNote,
  }),
  read: (input) => {
    const pair = TWO_WORDS[`${input.words[1] ?? ''} ${input.words[2] ?? ''}`.toLowerCase()];
    return pair
      ? { id: input.words[0], state: pair, note: textAfterWords(input.rest, 3) }
      : { id: input.words[0], state: input.words[1], note: textAfterWords(input.rest, 2) };
  },
  async run(context, args) {
    if (args.state in CLOSING) {
      const command = CLOSING[args.state as keyof typeof CLOSING];
      const hint = command === 'done' ? `To mark it done, type \`done ${args.id}\`` : `To drop it, type \`drop ${args.id} <reason>\``;
      throw new UserError(
        'usage_hint',
        `${hint}; \`status\` only says how it is going (in-progress, blocked, at-risk, ok). Nothing was changed.`,
      );
    }
    const { commitment, unchanged } = await changeCommitment(context, args.id, (current) =>
      statusChange(current, args.state as State, args.note),
    );
    if (unchanged) return privateReply(unchanged);
    return privateReply(
      `Status of ${commitment.id} is now ${statusLabel(commitment)}${args.note ? ` — ${args.note}` : ''}. It will show in the next digest.`,
    );
  },
});

function statusChange(current: Commitment, state: State, note: string | undefined): Change | { unchanged: string } {
  // A refusal, not a no-op: a press on a shared message must not treat it as done (issue 11 item 4).
  if (isClosed(current.status))
    throw new UserError('closed', `${current.id} is ${current.status}; reopen it first with \`reopen ${current.id}\`.`);
  const changes: Change['changes'] =
    state === 'in-progress'
      ? { status: 'in_progress' }
      : state === 'blocked'
        ? { status: 'blocked' }
        : state === 'at-risk'
          ? { atRisk: true }
          : { atRisk: false, status: current.status === 'blocked' || state === 'open' ? 'open' : current.status };
  const same = Object.entries(changes).every(([k, v]) => current[k as keyof Commitment] === v);
  if (same && !note) return { unchanged: `${current.id} is already ${statusLabel(current)}. Nothing changed.` };
  return { changes, action: 'status', note, detail: { from: statusLabel(current), to: state } };
}
