// Never a silently wrong date: impossible and ambiguous numeric dates are refused with what to write;
// relative days read bare; a title cannot be empty; a vague item past its soft date says so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitDeadlineClause } from '../../src/commitments/deadline-clause.js';
import { interpretDeadline } from '../../src/commitments/deadline-interpreter.js';
import { createHarness, type Harness } from '../helpers/core-harness.js';

describe('numeric dates', () => {
  it.each([
    ['2024-13-01', /not a date on the calendar/],
    ['by 2024-02-30', /not a date on the calendar/],
    ['01/03/2024', /could be day\/month or month\/day/],
    ['by 5.6.2025', /could be day\/month or month\/day/],
  ])('%s → none, with a hint', (phrase, hint) => {
    const read = interpretDeadline(phrase, '2024-01-29', 'UTC');
    expect(read.kind).toBe('none');
    expect(read.kind === 'none' && read.hint).toMatch(hint);
  });

  it.each([
    ['13/03/2024', '2024-03-13'],
    ['03/13/2024', '2024-03-13'],
    ['12/12/2024', '2024-12-12'],
    ['by 2024-02-29', '2024-02-29'],
  ])('%s is unambiguous → %s', (phrase, due) => {
    expect(interpretDeadline(phrase, '2024-01-29', 'UTC')).toMatchObject({ kind: 'exact', due });
  });
});

describe('add clauses', () => {
  const split = (text: string) => splitDeadlineClause(text, '2024-01-29', 'UTC');
  it('reads a bare relative day, but not inside a title', () => {
    expect(split('Call Bob tomorrow')).toMatchObject({ title: 'Call Bob', deadline: { kind: 'exact', due: '2024-01-30' } });
    expect(split('Plan next week')).toMatchObject({ title: 'Plan', deadline: { kind: 'exact' } });
    expect(split('Review by legal')).toMatchObject({ title: 'Review by legal', deadline: { kind: 'none' } });
  });
  it('gives an empty title for a deadline alone or empty quotes, so add refuses it', () => {
    expect(split('due tomorrow').title).toBe('');
    expect(split('""').title).toBe('');
  });
  it('keeps an explicit but unsafe numeric date as the clause, with its hint', () => {
    expect(split('Submit report by 01/03/2027')).toMatchObject({ title: 'Submit report', deadline: { kind: 'none', hint: expect.stringMatching(/day\/month/) } });
  });
});

describe('through the core', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness('2026-11-28T09:00:00Z');
  });
  afterEach(() => h.close());

  it('refuses empty titles and names the problem with a numeric date', async () => {
    expect((await h.say('add due tomorrow')).text).toMatch(/The title is empty/);
    expect((await h.say('add ""')).text).toMatch(/The title is empty/);
    const reply = (await h.say('add Submit report by 01/03/2027')).text;
    expect(reply).toMatch(/could be day\/month or month\/day/);
    expect(reply).toMatch(/set one with `edit C-1 due <when>`/);
    expect((await h.say('edit C-1 due 2027-13-01')).text).toMatch(/not a date on the calendar/);
  });

  it('shows a vague item whose soft date went by, and reports it as not kept on time', async () => {
    await h.say('add Deploy military liaison officers at an early date agreed 2024-01-29');
    expect((await h.say('list')).text).toMatch(/due ~29 Mar 2024, passed — confirm a date/);
    expect((await h.say('report')).text).toMatch(/1 promised · 0 kept · 0 under way · 1 late/);
  });
});

describe('limits on snooze and a DM timezone', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness('2026-11-28T09:00:00Z');
  });
  afterEach(() => h.close());

  it('refuses a snooze longer than a year, by duration or by date, changing nothing', async () => {
    await h.say('add Open border markets due 2027-03-01');
    expect((await h.say('snooze C-1 999w')).text).toMatch(/at most a year/);
    expect((await h.say('snooze C-1 2030-01-01')).text).toMatch(/at most a year/);
    expect((await h.store.commitments.get('w1', 'C-1'))?.snoozedUntil).toBeUndefined();
  });

  it('in a DM, says what the zone applies to and where a person sets their own', async () => {
    const reply = await h.say('timezone Asia/Karachi', { direct: true, channel: 'dm-alice' });
    expect(reply.text).toMatch(/This conversation's time zone is now Asia\/Karachi.*quiet hours follow the time zone in your profile/);
  });
});
