// Reminder policy table tests (DESIGN §5) with a fake clock: pure functions, no store.
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../src/commitments/commitment.js';
import type { Deadline } from '../../src/commitments/deadline.js';
import { buildDigest } from '../../src/reminders/digest.js';
import { digestsAt } from '../../src/reminders/digest-policy.js';
import { nextCommitmentReminder } from '../../src/reminders/next-reminder.js';
import { nudgesAt, type Recipient } from '../../src/reminders/nudge-policy.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import {
  afterTheElections,
  alice,
  exactDeadline,
  immediately,
  policyCommitment,
  quiet,
  tillEradication,
} from '../helpers/policy-fixtures.js';
import { nextSlot, parseSchedule } from '../../src/reminders/schedule.js';

/** Created on 1 March unless a test says otherwise. */
const commitment = (deadline: Deadline, extra: Partial<Commitment> = {}) => policyCommitment(deadline, extra, '2024-03-01T10:00:00.000Z');
const onSeedDay = { createdAt: '2024-01-29T10:00:00.000Z', updatedAt: '2024-01-29T10:00:00.000Z' };

/** Steps a clock hour by hour, as ticks would, and collects each distinct nudge the outbox would hold. */
function sentBetween(c: Commitment, recipients: Recipient[], from: string, to: string, q = quiet): string[] {
  const seen = new Set<string>();
  for (let t = Date.parse(from); t <= Date.parse(to); t += 3_600_000) {
    for (const n of nudgesAt(c, recipients, new Date(t), q).due.filter((d) => d.at.getTime() >= Date.parse(from)))
      seen.add(`${n.kind} ${n.date} ${n.recipient.id} ${n.at.toISOString()}`);
  }
  return [...seen];
}

const exact = (due: string) => exactDeadline(due, '2024-03-01');

describe('owner nudge cadence: 3 days before, due day, +1, +3, +7, then weekly', () => {
  it("sends each step once at 09:00 local; the Saturday +1 is coalesced into Monday's +3", () => {
    expect(sentBetween(commitment(exact('2024-03-15')), [alice], '2024-03-10T00:00Z', '2024-04-06T00:00Z')).toEqual([
      'nudge 2024-03-12 U1 2024-03-12T09:00:00.000Z',
      'nudge 2024-03-15 U1 2024-03-15T09:00:00.000Z',
      'nudge 2024-03-18 U1 2024-03-18T09:00:00.000Z',
      'nudge 2024-03-22 U1 2024-03-22T09:00:00.000Z',
      'nudge 2024-03-29 U1 2024-03-29T09:00:00.000Z',
      'nudge 2024-04-05 U1 2024-04-05T09:00:00.000Z',
    ]);
  });

  it('nothing before the first step, and the next look is that step', () => {
    const result = nudgesAt(commitment(exact('2024-03-15')), [alice], new Date('2024-03-11T12:00Z'), quiet);
    expect(result.due).toEqual([]);
    expect(result.next?.toISOString()).toBe('2024-03-12T09:00:00.000Z');
  });
});

describe("quiet hours and weekends are the owner's, in their zone", () => {
  const bob: Recipient = { id: 'U2', name: 'bob', timeZone: 'America/Los_Angeles', dmAddress: 'fake:dm-bob' };
  const c = commitment(exact('2024-03-15'), { owners: [{ id: 'U2', name: 'bob' }] });

  it('09:00 in Los Angeles, not 09:00 UTC', () => {
    expect(sentBetween(c, [bob], '2024-03-15T00:00Z', '2024-03-16T00:00Z')).toEqual(['nudge 2024-03-15 U2 2024-03-15T16:00:00.000Z']);
  });

  it('a later end of quiet hours moves the nudge to it', () => {
    expect(sentBetween(c, [bob], '2024-03-15T00:00Z', '2024-03-16T00:00Z', parseQuietHours('22:00-10:00'))).toEqual([
      'nudge 2024-03-15 U2 2024-03-15T17:00:00.000Z',
    ]);
  });

  it('a nudge that came due while down is held until quiet hours end', () => {
    // 23:00 in Los Angeles: quiet. The due-day nudge waits for 08:00 local.
    const late = nudgesAt(c, [bob], new Date('2024-03-16T06:00Z'), quiet);
    expect(late.due).toEqual([]);
    expect(late.next?.toISOString()).toBe('2024-03-18T15:00:00.000Z'); // Saturday → Monday 08:00 PDT
  });
});

describe('snooze, events, reopen, owners', () => {
  it('a snooze silences nudges until it ends; the cadence resumes after', () => {
    const c = commitment(exact('2024-03-15'), { snoozedUntil: '2024-03-16T00:00:00.000Z' });
    expect(sentBetween(c, [alice], '2024-03-10T00:00Z', '2024-03-19T00:00Z').map((s) => s.split(' ')[1])).toEqual(['2024-03-18']);
  });

  it('an event item gets a monthly "has it happened?" until confirmed, then due-date nudges', () => {
    const waiting = afterTheElections;
    const before = commitment(waiting, onSeedDay);
    expect(sentBetween(before, [alice], '2024-02-01T00:00Z', '2024-04-01T00:00Z').map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
      'event-check 2024-02-29',
      'event-check 2024-03-29',
    ]);
    const confirmed = commitment({ ...waiting, due: '2024-04-10' }, { updatedAt: '2024-03-30T10:00:00.000Z' });
    expect(
      sentBetween(confirmed, [alice], '2024-03-30T00:00Z', '2024-04-12T00:00Z').map((s) => s.split(' ').slice(0, 2).join(' ')),
    ).toEqual([
      'nudge 2024-04-07', // Sunday: sent Monday 8 Apr
      'nudge 2024-04-10',
      'nudge 2024-04-11',
    ]);
  });

  it("a vague item is asked to confirm a date on the lexicon's first-prompt day, then on its soft date", () => {
    const c = commitment(immediately, onSeedDay);
    expect(sentBetween(c, [alice], '2024-01-29T00:00Z', '2024-02-10T00:00Z').map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
      'confirm-date 2024-01-31',
      'confirm-date 2024-02-05',
    ]);
  });

  it('an ongoing duty is first reviewed within 30 days, then monthly', () => {
    const c = commitment(tillEradication, onSeedDay);
    expect(sentBetween(c, [alice], '2024-01-29T00:00Z', '2024-08-01T00:00Z').map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
      'review 2024-02-28', // 29 Jan + 30 days
      'review 2024-03-29',
      'review 2024-04-28', // a Sunday: sent Monday
      'review 2024-05-28',
      'review 2024-06-27',
      'review 2024-07-27', // a Saturday: sent Monday
    ]);
  });

  it('done stops reminders; reopening re-arms them from the reopen on', () => {
    const done = commitment(exact('2024-03-15'), { status: 'done' });
    expect(nudgesAt(done, [alice], new Date('2024-03-15T10:00Z'), quiet)).toEqual({ due: [], next: null });
    expect(nextCommitmentReminder(done, new Date('2024-03-15T10:00Z'))).toBeNull();
    const reopened = commitment(exact('2024-03-15'), { updatedAt: '2024-03-15T10:00:00.000Z' });
    expect(sentBetween(reopened, [alice], '2024-03-15T10:00Z', '2024-03-19T00:00Z').map((s) => s.split(' ')[1])).toEqual(['2024-03-18']);
  });

  it('nudges go to the current owners only; an owner without a DM is left to the digest', () => {
    const c = commitment(exact('2024-03-15'), {
      owners: [
        { id: 'U1', name: 'alice' },
        { id: 'U3', name: 'carol' },
      ],
    });
    const carol: Recipient = { id: 'U3', name: 'carol', timeZone: 'UTC' };
    const due = nudgesAt(c, [alice, carol], new Date('2024-03-15T09:00Z'), quiet).due;
    expect(due.map((n) => n.recipient.id)).toEqual(['U1']);
  });

  it("the store's early estimate is never later than the exact next nudge, in any owner zone", () => {
    const c = commitment(exact('2024-03-15'));
    const estimate = nextCommitmentReminder(c, new Date('2024-03-01T10:00Z'))!;
    for (const zone of ['Pacific/Kiritimati', 'UTC', 'Pacific/Pago_Pago']) {
      const exactNext = nudgesAt(c, [{ ...alice, timeZone: zone }], new Date('2024-03-01T10:00Z'), quiet).next!;
      expect(estimate.getTime()).toBeLessThanOrEqual(exactNext.getTime());
    }
  });
});

describe('channel digest schedule', () => {
  it("follows the channel's zone across a DST change", () => {
    const weekdays = parseSchedule('weekdays 09:00')!;
    // Europe/Berlin moves to summer time on Sunday 31 March 2024: 09:00 is 08:00Z before, 07:00Z after.
    expect(nextSlot(weekdays, 'Europe/Berlin', new Date('2024-03-28T09:00Z')).at.toISOString()).toBe('2024-03-29T08:00:00.000Z');
    expect(nextSlot(weekdays, 'Europe/Berlin', new Date('2024-03-29T08:00Z')).at.toISOString()).toBe('2024-04-01T07:00:00.000Z');
  });

  it.each([
    ['weekdays 09:00', { days: [1, 2, 3, 4, 5], hour: 9, minute: 0 }],
    ['daily 8:30', { days: [1, 2, 3, 4, 5, 6, 7], hour: 8, minute: 30 }],
    ['weekly mon 09:00', { days: [1], hour: 9, minute: 0 }],
    ['off', null],
    ['weekly funday 09:00', null],
  ])('reads %s', (text, expected) => expect(parseSchedule(text)).toEqual(expected));

  it('a 3-hour outage: one late digest inside the grace window', () => {
    const decision = digestsAt(
      { schedule: 'weekdays 09:00', timeZone: 'UTC' },
      new Date('2024-03-15T09:00Z'),
      new Date('2024-03-15T11:00Z'),
      quiet,
    );
    expect(decision.send?.slot).toBe('2024-03-15T09:00');
    expect(decision.missed).toEqual([]);
  });

  it("a 3-day outage (Tue 08:00 → Fri 11:00): Tue, Wed and Thu recorded missed, Friday's sent late", () => {
    const decision = digestsAt(
      { schedule: 'weekdays 09:00', timeZone: 'UTC' },
      new Date('2024-03-12T09:00Z'),
      new Date('2024-03-15T11:00Z'),
      quiet,
    );
    expect(decision.send?.slot).toBe('2024-03-15T09:00');
    expect(decision.missed.map((m) => m.slot)).toEqual(['2024-03-12T09:00', '2024-03-13T09:00', '2024-03-14T09:00']);
  });

  it('after 18:00 local, or on a day with no slot, nothing is sent late', () => {
    const evening = digestsAt(
      { schedule: 'weekdays 09:00', timeZone: 'UTC' },
      new Date('2024-03-15T09:00Z'),
      new Date('2024-03-15T18:30Z'),
      quiet,
    );
    expect(evening.send).toBeUndefined();
    expect(evening.missed.map((m) => m.slot)).toEqual(['2024-03-15T09:00']);
    const saturday = digestsAt(
      { schedule: 'weekdays 09:00', timeZone: 'UTC' },
      new Date('2024-03-15T09:00Z'),
      new Date('2024-03-16T10:00Z'),
      quiet,
    );
    expect(saturday.send).toBeUndefined();
    expect(saturday.next?.toISOString()).toBe('2024-03-18T09:00:00.000Z');
  });
});

describe('digest content', () => {
  const now = new Date('2024-03-15T09:00Z');
  it('is skipped when nothing is overdue, due soon, undated or waiting, and nothing changed', () => {
    const later = commitment(exact('2024-06-01'));
    expect(buildDigest({ commitments: [later], proposedCount: 0, changes: [], unreachable: [], now })).toBeNull();
    const changed = buildDigest({
      commitments: [later],
      proposedCount: 0,
      unreachable: [],
      now,
      changes: [
        { workspaceId: 'W1', commitmentId: 'C-1', at: '2024-03-14T10:00:00Z', actor: { id: 'U1', name: 'alice' }, action: 'snoozed' },
      ],
    });
    expect(changed?.text).toContain('Changes since last digest: 1 (C-1 snoozed by alice)');
  });

  it('shows at most 15 items, then "and N more", and the proposed count', () => {
    const items = Array.from({ length: 20 }, (_, i) => commitment(exact('2024-03-01'), { id: `C-${i + 1}` }));
    const digest = buildDigest({ commitments: items, proposedCount: 2, changes: [], unreachable: ['carol'], now })!;
    expect(digest.card!.sections.flatMap((s) => s.items ?? [])).toHaveLength(15);
    expect(digest.text).toContain('and 5 more');
    expect(digest.text).toContain('2 proposed items await review');
    expect(digest.text).toContain("I can't reach @carol directly");
    expect(digest.card!.sections[0].items![0].actions!.map((a) => a.label)).toEqual(['Done', 'Snooze', 'Update status']);
  });
});
