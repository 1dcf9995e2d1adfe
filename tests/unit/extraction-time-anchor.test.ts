// Session 10, lane kinds: the time of a deed when no listed phrase is in its clause (find-time-anchor.ts),
// read on every candidate (before the threshold), so the committed weights do not matter.
import { describe, expect, it } from 'vitest';
import { findTimeAnchor } from '../../src/extraction/find-time-anchor.js';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

const DATE = '2016-08-29';
const deadlineOf = (text: string, actionStart: string) =>
  extractEveryCandidate(text, { date: DATE }).find((c) => c.action.startsWith(actionStart))?.deadline;

describe('dates chrono-node finds in the deed', () => {
  it('reads a weekday said without a listed preposition as its next day', () => {
    expect(deadlineOf('@RichardLitt will stub out the website // design by EOD Tuesday', 'stub')).toMatchObject({
      kind: 'exact',
      due: '2016-08-30',
    });
    expect(
      deadlineOf('The Ministers agreed to hold a joint meeting on the margins of the December 2017 OSCE Ministerial Council.', 'hold'),
    ).toMatchObject({
      kind: 'exact',
      due: '2017-12-31',
    });
  });

  it('reads no date from counts, amounts, clock times or a month alone', () => {
    for (const clause of [
      'redeem all of its $116.25M principal amount',
      'post no less than 24h in advance',
      'pay at least £8.45 an hour',
      'review the minutes at 7pm',
      'publish the March update',
    ])
      expect(findTimeAnchor(clause, DATE, 'UTC')).toBeUndefined();
  });

  it('reads a target year after "for" as due by its end', () => {
    expect(findTimeAnchor('set interim targets for 2030 consistent with a 50% reduction', DATE, 'UTC')).toMatchObject({
      text: 'by 2030',
      sort: 'exact',
    });
    expect(findTimeAnchor('prepare a budget for 2018/2019', DATE, 'UTC')).toBeUndefined();
  });
});

describe('time anchors read by shape', () => {
  it('reads a temporal preposition or subordinator before a noun phrase or clause as an event', () => {
    expect(deadlineOf('France and Germany will work closely ahead of COP15, towards mainstreaming biodiversity.', 'work')).toMatchObject({
      kind: 'event',
    });
    expect(deadlineOf('This roadmap will be updated when the new pm process is out.', 'This roadmap')?.kind).toBe('event');
    expect(deadlineOf('If needed we will hold a special meeting to accept a bid.', 'hold')).toMatchObject({
      kind: 'event',
      text: 'If needed',
    });
  });

  it('leaves habits, questions, narration and idioms to the standing-duty model', () => {
    for (const clause of [
      'consult one another routinely before meetings of the Council',
      'share the reminder before every meeting',
      'decide when to hold the vote',
      'look after the hall',
      'call upon all parties to refrain',
      'discuss the following items',
      'meet once a year',
      'e-mail the Parish Clerk if the bin is missing',
    ])
      expect(findTimeAnchor(clause, DATE, 'UTC')).toBeUndefined();
    expect(findTimeAnchor('When the meeting resumed at 1945 hrs it was agreed that ', DATE, 'UTC', false)).toBeUndefined();
  });
});

describe('seasons with a year', () => {
  it('reads "in summer 2022" and "at one of its Fall 2021 meetings" as the lexicon\'s season', () => {
    expect(deadlineOf('It expects to complete the facility in summer 2022.', 'complete')).toMatchObject({
      kind: 'vague',
      due: '2022-08-31',
    });
    expect(
      deadlineOf('The Vice President will present the report to the Senate at one of its Fall 2021 meetings.', 'present'),
    ).toMatchObject({
      kind: 'vague',
      due: '2021-11-30',
    });
  });
});
