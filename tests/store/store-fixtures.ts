// Shared inputs for the store contract: a commitment draft modelled on the seed report, its log row, a reminder stub.
import type { EventDeadline } from '../../src/commitments/deadline.js';
import type { NewCommitment, NewOutboxRow, NextReminderCalculator } from '../../src/store/store.js';

export const actor = { id: 'alice', name: 'Alice' };
export const bob = { id: 'bob', name: 'Bob' };
export const log = { at: '2024-01-29T09:00:00.000Z', actor, action: 'created' };

export function draft(overrides: Partial<NewCommitment> = {}): NewCommitment {
  return {
    workspaceId: 'w1',
    channel: 'test:general',
    title: 'Appoint liaison officers',
    parties: ['Pakistan FM', 'Iran FM'],
    owners: [actor, bob],
    tags: ['border'],
    source: { agreedOn: '2024-01-29', quote: 'agreed to immediately appoint liaison officers' },
    deadline: { kind: 'vague', text: 'immediately', reference: '2024-01-29', term: 'immediately', due: '2024-02-05', firstPromptDays: 2 },
    timeZone: 'Asia/Karachi',
    status: 'open',
    createdBy: actor,
    createdAt: '2024-01-29T09:00:00.000Z',
    ...overrides,
  };
}

export function waitingOn(eventId: string): EventDeadline {
  const deadline: EventDeadline = {
    kind: 'event',
    text: 'after the elections',
    reference: '2024-01-29',
    relation: 'after',
    offsetDays: 30,
    approximate: true,
    eventName: 'the elections',
    eventId,
  };
  return deadline;
}

/** A stand-in reminder policy: active commitments are due on 1 Feb, scheduled active channels on 30 Jan. */
export const fixedReminders: NextReminderCalculator = {
  commitment: (c) => (['open', 'in_progress', 'blocked'].includes(c.status) ? '2024-02-01T09:00:00.000Z' : null),
  channel: (c) => (c.schedule && c.schedule !== 'off' ? '2024-01-30T04:00:00.000Z' : null),
};

export function outboxRow(n: number, overrides: Partial<NewOutboxRow> = {}): NewOutboxRow {
  return {
    key: `w1|C-${n}|nudge|2024-02-01|alice`,
    kind: 'nudge',
    workspaceId: 'w1',
    subject: `C-${n}`,
    address: 'test:dm-alice',
    recipientId: 'alice',
    commitmentIds: [`C-${n}`],
    slot: '2024-02-01',
    dueAt: '2024-02-01T09:00:00.000Z',
    ...overrides,
  };
}
