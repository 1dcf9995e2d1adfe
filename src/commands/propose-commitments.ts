/**
 * Stores the commitments found in a statement as `proposed` items of a channel (no reminders until
 * someone accepts them), joining or creating the events they wait on. Shared by chat and CLI `import`.
 */
import type { Commitment, UserRef } from '../commitments/commitment.js';
import type { CalendarDate } from '../commitments/deadline.js';
import type { ProposedCommitment } from '../extraction/proposed-commitment.js';
import { MAX_TITLE } from './arguments.js';
import { attachEvent, type AttachedEvent, type EventScope } from './attach-event.js';

export interface ProposeRequest extends EventScope {
  channel: string;
  timeZone: string;
  text: string;
  /** The date the statement was made: every deadline is read from it. */
  date: CalendarDate;
  sourceTitle?: string;
  actor: UserRef;
}

export interface Proposal {
  commitment: Commitment;
  extracted: ProposedCommitment;
  attached: AttachedEvent;
}

/** An extracted item the channel already tracks (the same quote imported before, or the same open promise). */
export interface Duplicate {
  extracted: ProposedCommitment;
  existing: Commitment;
  /** `quote`: this statement's sentence was imported before; `title`: an open item reads the same. */
  match: 'quote' | 'title';
}

export interface ProposeResult {
  proposals: Proposal[];
  duplicates: Duplicate[];
}

/** Case, spacing and punctuation do not make a different promise. */
function normalised(text: string | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Importing what is already here offers the existing item instead of a second copy (issue 11 item 6). */
async function findDuplicate(request: ProposeRequest, extracted: ProposedCommitment): Promise<Duplicate | undefined> {
  const here = await request.store.commitments.list(request.workspaceId, {
    channel: request.channel,
    statuses: ['proposed', 'open', 'in_progress', 'blocked', 'done', 'dropped'],
  });
  const quote = normalised(extracted.quote);
  const byQuote =
    quote && here.find((c) => normalised(c.source.quote) === quote && normalised(c.title) === normalised(titleFrom(extracted.action)));
  if (byQuote) return { extracted, existing: byQuote, match: 'quote' };
  const title = normalised(titleFrom(extracted.action));
  const byTitle = here.find((c) => c.status !== 'done' && c.status !== 'dropped' && normalised(c.title) === title);
  return byTitle ? { extracted, existing: byTitle, match: 'title' } : undefined;
}

export async function proposeCommitments(request: ProposeRequest): Promise<Proposal[]> {
  return (await proposeNewCommitments(request)).proposals;
}

/** Like `proposeCommitments`, and also says which extracted items were already here. */
export async function proposeNewCommitments(request: ProposeRequest): Promise<ProposeResult> {
  const { store, clock, workspaceId } = request;
  const proposals: Proposal[] = [];
  const duplicates: Duplicate[] = [];
  // Loaded on the first statement, not at start-up: no other command needs the extractor.
  const { extractCommitments } = await import('../extraction/extract-commitments.js');
  for (const extracted of extractCommitments(request.text, { date: request.date, timeZone: request.timeZone })) {
    const duplicate = await findDuplicate(request, extracted);
    if (duplicate) {
      duplicates.push(duplicate);
      continue;
    }
    const attached = await attachEvent(request, extracted.reading);
    const at = clock.now().toISOString();
    const commitment = await store.commitments.create(
      {
        workspaceId,
        channel: request.channel,
        title: titleFrom(extracted.action),
        parties: extracted.parties,
        owners: [],
        tags: [],
        source: { title: request.sourceTitle, quote: extracted.quote, agreedOn: request.date },
        deadline: attached.deadline,
        timeZone: request.timeZone,
        status: 'proposed',
        createdBy: request.actor,
        createdAt: at,
      },
      { at, actor: request.actor, action: 'created', note: 'proposed by extraction' },
    );
    proposals.push({ commitment, extracted, attached });
  }
  return { proposals, duplicates };
}

/** An extracted action as a title: capitalised like a typed one, and within the title limit. */
function titleFrom(action: string): string {
  const title = action.charAt(0).toUpperCase() + action.slice(1);
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}
