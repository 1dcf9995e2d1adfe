/**
 * `review <id> kept|ended|not-kept [note]`: answers "is this ongoing duty still being kept?".
 * Kept re-arms the next review; ended closes the duty as kept; not kept is logged for `report`.
 */
import { z } from 'zod';
import { channelReply, privateReply } from '../replies/reply.js';
import { commitmentId, optionalNote } from './arguments.js';
import { changeCommitment, type Change } from './change-commitment.js';
import { UserError } from './errors.js';
import { defineCommand } from './spec.js';
import { textAfterWords } from './tokenize.js';
import type { Commitment } from '../commitments/commitment.js';
import { isClosed } from '../commitments/status-rules.js';

export const REVIEW_ANSWERS = ['kept', 'ended', 'not-kept'] as const;
export type ReviewAnswer = (typeof REVIEW_ANSWERS)[number];
/** The words people type for each answer. */
const ANSWER_WORDS: Record<string, ReviewAnswer> = {
  kept: 'kept',
  'still-kept': 'kept',
  yes: 'kept',
  ok: 'kept',
  ended: 'ended',
  over: 'ended',
  finished: 'ended',
  'not-kept': 'not-kept',
  broken: 'not-kept',
  no: 'not-kept',
  notkept: 'not-kept',
};

export const reviewCommand = defineCommand({
  name: 'review',
  summary: 'Answer the review of an ongoing duty: still kept, it has ended, or not kept.',
  usage: 'review <id> kept|ended|not-kept [note]',
  examples: ['review C-4 kept', 'review C-4 ended the agreement lapsed', 'review C-4 not-kept no meeting since March'],
  args: z.object({
    id: commitmentId,
    answer: z.enum(REVIEW_ANSWERS, { error: 'Say how the duty is going: kept, ended or not-kept.' }),
    note: optionalNote,
  }),
  read: (input) => {
    const two = `${input.words[1] ?? ''}-${input.words[2] ?? ''}`.toLowerCase();
    if (two === 'not-kept' || two === 'still-kept')
      return { id: input.words[0], answer: ANSWER_WORDS[two], note: textAfterWords(input.rest, 3) };
    const word = input.words[1]?.toLowerCase();
    return { id: input.words[0], answer: word ? (ANSWER_WORDS[word] ?? word) : undefined, note: textAfterWords(input.rest, 2) };
  },
  async run(context, args) {
    const { commitment, unchanged } = await changeCommitment(context, args.id, (current) => reviewChange(current, args.answer, args.note));
    if (unchanged) return privateReply(unchanged);
    const note = args.note ? ` — ${args.note}` : '';
    if (args.answer === 'ended')
      return channelReply(
        `✅ ${context.actor.name} recorded that ${commitment.id} has ended (kept to the end): ${commitment.title}${note}`,
      );
    if (args.answer === 'not-kept')
      return channelReply(`⚠️ ${context.actor.name} recorded that ${commitment.id} is not being kept: ${commitment.title}${note}`);
    return privateReply(`Noted: ${commitment.id} is still being kept${note}. I will ask again at the next review.`);
  },
});

/** Refusals are errors (never a quiet no-op), so a press on a shared message leaves it as it was. */
function reviewChange(current: Commitment, answer: ReviewAnswer, note: string | undefined): Change {
  if (isClosed(current.status))
    throw new UserError('closed', `${current.id} is ${current.status}; reopen it first with \`reopen ${current.id}\`. Nothing changed.`);
  if (current.status === 'proposed')
    throw new UserError('proposed', `${current.id} is proposed; accept it first with \`accept ${current.id}\`. Nothing changed.`);
  if (current.deadline.kind !== 'ongoing') {
    throw new UserError(
      'not_ongoing',
      `${current.id} is not an ongoing duty; use \`done ${current.id}\` or \`status ${current.id} …\` instead. Nothing changed.`,
    );
  }
  if (answer === 'ended')
    return { changes: { status: 'done', atRisk: false }, action: 'done', note, detail: { from: current.status, review: 'ended' } };
  // "Not kept" leaves the duty open (it is still owed) and flags it; the log row is what `report` reads.
  if (answer === 'not-kept') return { changes: { atRisk: true }, action: 'reviewed', note, detail: { answer } };
  return { changes: { atRisk: false }, action: 'reviewed', note, detail: { answer } };
}
