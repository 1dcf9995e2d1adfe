// How minutes and filings say what is arranged and when: a deed put off to a day or a meeting, a
// meeting the month names, a reported obligation ("the clerk was to …"), a note's passive task, an
// announced event, and the quarters and month parts filings use. Sentences of our own; whether the
// scorer keeps each is the corpus evaluation's call, so every candidate is read (no threshold).
import { describe, expect, it } from 'vitest';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

const every = (text: string, date = '2025-05-07') => extractEveryCandidate(text, { date });
const one = (text: string, date?: string) => {
  const items = every(text, date);
  expect(items).toHaveLength(1);
  return items[0];
};

describe('a deed deferred to a day or a meeting is due then, not a standing duty', () => {
  it('reads "delay the review until June 27" as due on June 27', () => {
    expect(one('The board decided to delay the review until June 27.').deadline).toMatchObject({ kind: 'exact', due: '2025-06-27' });
  });

  it('reads "deferred until the next meeting" as an event', () => {
    expect(one('Action on the fence was deferred until the next meeting.').deadline).toMatchObject({ kind: 'event', due: null });
  });

  it('reads "motion to table until September meeting" as due by the end of September', () => {
    expect(one('Motion to table until September meeting was made by Duncan.').deadline).toMatchObject({
      kind: 'exact',
      due: '2025-09-30',
    });
  });

  it('keeps "until" after a deed that is not put off as a standing duty', () => {
    expect(one('The clerk will keep the records until June 27.').deadline.kind).toBe('ongoing');
  });
});

describe('a meeting the month names is held by the end of that month', () => {
  it.each([
    ['The self-evaluation will be discussed at the November board meeting.', '2025-11-30'],
    ['The clerk will bring the quotes to the October meeting.', '2025-10-31'],
  ])('%s', (sentence, due) => {
    expect(one(sentence).deadline).toMatchObject({ kind: 'exact', due });
  });

  it('still reads a yearly meeting as a recurrence', () => {
    expect(one('The board will review the policy every year at its January meeting.').deadline.kind).toBe('ongoing');
  });
});

describe('dates the minutes and filings write their own way', () => {
  it('reads the day after a clock time', () => {
    expect(one('An executive session will be held at 6:00 p.m. on June 20 to discuss the lease.').deadline).toMatchObject({
      kind: 'exact',
      due: '2025-06-20',
    });
  });

  it.each([
    ['The company will close the plant by the end of the first quarter of 2026.', '2026-03-31'],
    ['The company will pay the costs during the third quarter of fiscal 2025.', '2025-09-30'],
    ['The company will close the plant in the fiscal fourth quarter.', '2025-12-31'],
  ])('reads the quarter in: %s', (sentence, due) => {
    expect(one(sentence).deadline).toMatchObject({ kind: 'exact', due });
  });

  it('reads a part of a named month as exact, due as the lexicon says', () => {
    expect(one('The company plans to announce the list of closures in late October.').deadline).toMatchObject({
      kind: 'exact',
      due: '2025-10-31',
    });
  });
});

describe('minutes shapes that carry a deed', () => {
  it('takes "the clerk was also to contact …" as the clerk’s task', () => {
    expect(one('The clerk was also to contact the water company about the inlet.')).toMatchObject({
      parties: ['clerk'],
      action: 'contact the water company about the inlet',
    });
  });

  it('takes a volunteer’s offer', () => {
    expect(one('Dave Jones volunteered to help mentor the new projects.')).toMatchObject({ parties: ['Dave Jones'] });
  });

  it('does not take a passive "offered to" as an offer', () => {
    expect(every('The early retirement plan will be offered to staff who qualify.').map((i) => i.action)).not.toContain(
      'staff who qualify',
    );
  });

  it('takes an announced event with its day', () => {
    expect(one('There will be a grant writing workshop on September 28.').deadline).toMatchObject({ kind: 'exact', due: '2025-09-28' });
  });

  it('reads a note’s passive task with its participle as the deed, not doubled', () => {
    expect(one('Further details to be sought for this map.').action).toBe('Further details to be sought for this map');
  });
});

describe('a duty kept for as long as it is called on is standing', () => {
  it.each([
    'Betty will provide an update as needed.',
    'Cllr Hunter agreed to store the documents in the interim.',
    'The council agreed to support the Hall Committee where and when they can.',
  ])('%s', (sentence) => {
    expect(one(sentence).deadline.kind).toBe('ongoing');
  });

  it('lets a date in the same clause win', () => {
    expect(one('The committee will adjust the fees as necessary by June 30.').deadline).toMatchObject({ kind: 'exact', due: '2025-06-30' });
  });
});
