/**
 * Shared inputs for the reminder-policy tables (pure functions, no store): the default quiet hours,
 * an owner with a DM, a commitment of any deadline, and a deadline of each kind from the seed report.
 */
import type { Commitment } from '../../src/commitments/commitment.js';
import type { Deadline, ExactDeadline, NoDeadline, OngoingDeadline, VagueDeadline } from '../../src/commitments/deadline.js';
import type { Recipient } from '../../src/reminders/nudge-policy.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { waitingOn } from '../store/store-fixtures.js';

export const quiet = parseQuietHours('20:00-08:00');
export const alice: Recipient = { id: 'U1', name: 'alice', timeZone: 'UTC', dmAddress: 'fake:dm-alice' };

/** The seed report's first commitment, created (and last changed) at `createdAt`, with `deadline`. */
export function policyCommitment(deadline: Deadline, extra: Partial<Commitment> = {}, createdAt = '2024-01-29T10:00:00.000Z'): Commitment {
  return {
    workspaceId: 'W1',
    id: 'C-1',
    channel: 'fake:ch',
    title: 'Appoint liaison officers',
    parties: [],
    owners: [{ id: 'U1', name: 'alice' }],
    tags: [],
    source: {},
    deadline,
    timeZone: 'UTC',
    status: 'open',
    atRisk: false,
    createdBy: { id: 'U1', name: 'alice' },
    createdAt,
    updatedAt: createdAt,
    version: 1,
    ...extra,
  };
}

/** "by <due>", read on `reference`. */
export const exactDeadline = (due: string, reference = '2024-01-29'): ExactDeadline => ({
  kind: 'exact',
  text: `by ${due}`,
  reference,
  due,
});
export const noDeadline: NoDeadline = { kind: 'none', text: '', reference: '2024-01-29' };
export const immediately: VagueDeadline = {
  kind: 'vague',
  text: 'immediately',
  reference: '2024-01-29',
  term: 'immediately',
  due: '2024-02-05',
  firstPromptDays: 2,
};
/** "after the elections" (E-1), not yet confirmed. */
export const afterTheElections = waitingOn('E-1');
export const tillEradication: OngoingDeadline = {
  kind: 'ongoing',
  text: 'till full eradication of terrorism',
  reference: '2024-01-29',
  endCondition: 'full eradication of terrorism',
};
