/**
 * Stores the commitments found in a statement as `proposed` items of a channel (no reminders until
 * someone accepts them), joining or creating the events they wait on. Shared by chat and CLI `import`.
 */
import type { Commitment, UserRef } from '../commitments/commitment.js';
import type { CalendarDate } from '../commitments/deadline.js';
import { extractCommitments } from '../extraction/extract-commitments.js';
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

export async function proposeCommitments(request: ProposeRequest): Promise<Proposal[]> {
  const { store, clock, workspaceId } = request;
  const proposals: Proposal[] = [];
  for (const extracted of extractCommitments(request.text, { date: request.date, timeZone: request.timeZone })) {
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
  return proposals;
}

/** An extracted action as a title: capitalised like a typed one, and within the title limit. */
function titleFrom(action: string): string {
  const title = action.charAt(0).toUpperCase() + action.slice(1);
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}
