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
    expect(split('Submit report by 01/03/2027')).toMatchObject({
      title: 'Submit report',
      deadline: { kind: 'none', hint: expect.stringMatching(/day\/month/) },
    });
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
    expect(reply).toMatch(/could be day\/month or month\/day.* Nothing was added\.$/);
    expect(await h.store.commitments.list('w1')).toEqual([]);
    await h.say('add Submit report');
    expect((await h.say('edit C-1 due 2027-13-01')).text).toMatch(/not a date on the calendar/);
  });

  it.each([
    ['add X due 2024-02-30', '"2024-02-30" is not a date on the calendar. Write it as year-month-day, like 2024-03-15. Nothing was added.'],
    ['add X by 2024-02-30', '"2024-02-30" is not a date on the calendar. Write it as year-month-day, like 2024-03-15. Nothing was added.'],
    [
      'add Y due 0001-01-01',
      '0001-01-01 is too far in the past to be a deadline. Give a date between 1900 and 2199, like 2024-03-15. Nothing was added.',
    ],
    [
      'add Z due 9999-12-31',
      '9999-12-31 is too far in the future to be a deadline. Give a date between 1900 and 2199, like 2024-03-15. Nothing was added.',
    ],
    [
      'add Z within 3000 years',
      '5026-11-28 is too far in the future to be a deadline. Give a date between 1900 and 2199, like 2024-03-15. Nothing was added.',
    ],
  ])('%s is refused with a friendly reply and creates nothing', async (command, answer) => {
    expect((await h.say(command)).text).toBe(answer);
    expect(await h.store.commitments.list('w1')).toEqual([]);
  });

  it('refuses an absurd date in edit, snooze and agreed too', async () => {
    await h.say('add Open markets due 2027-03-01');
    expect((await h.say('edit C-1 due 0001-01-01')).text).toMatch(/0001-01-01 is too far in the past to be a deadline/);
    expect((await h.say('add W due 2027-03-01 agreed 0001-01-01')).text).toMatch(/could not read "0001-01-01" as the date it was agreed/);
    expect((await h.store.commitments.get('w1', 'C-1'))?.deadline).toMatchObject({ due: '2027-03-01' });
  });

  it('shows a vague item whose soft date went by, and reports it as not kept on time', async () => {
    await h.say('add Deploy military liaison officers at an early date agreed 2024-01-29');
    expect((await h.say('list')).text).toMatch(/due ~29 Mar 2024, passed — confirm a date/);
    expect((await h.say('report')).text).toMatch(/1 promised · 0 kept on time · 0 under way · 1 late/);
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

  it.each([
    [
      'timezone UTC+5',
      /time zone is now Etc\/GMT-5 \(was UTC\)[\s\S]*UTC\+5 is a fixed offset, so I used Etc\/GMT-5 \(always UTC\+5, no daylight saving/,
    ],
    ['timezone GMT-3', /time zone is now Etc\/GMT\+3 \(was UTC\)/],
    [
      'timezone UTC+5:30',
      /^"UTC\+5:30" is an offset of part of an hour, which no fixed zone covers\. Use the place's IANA name, like Asia\/Kolkata/,
    ],
    ['timezone UTC+15', /^"UTC\+15" is not an offset any zone has/],
    [
      'timezone Mars/Olympus',
      /^"Mars\/Olympus" is not a time zone I know\. Use an IANA name like Asia\/Karachi or Europe\/Berlin, or a whole-hour offset like UTC\+5\./,
    ],
    ['timezone asia/karachi', /time zone is now Asia\/Karachi/],
  ])('%s gets a friendly reply, never "Something went wrong"', async (command, answer) => {
    const reply = (await h.say(command)).text;
    expect(reply).toMatch(answer);
    expect(reply).not.toMatch(/Something went wrong/);
  });

  it('in a DM, says what the zone applies to and where a person sets their own', async () => {
    const reply = await h.say('timezone Asia/Karachi', { direct: true, channel: 'dm-alice' });
    expect(reply.text).toMatch(/This conversation's time zone is now Asia\/Karachi.*quiet hours follow the time zone in your profile/);
  });
});
