// The deadline conventions of DESIGN §2 as a table: each row is a phrase said on Mon 29 Jan 2024.
import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../src/commitments/deadline.js';
import { interpretDeadline } from '../../src/commitments/deadline-interpreter.js';

const REFERENCE = '2024-01-29';
const KARACHI = 'Asia/Karachi';

type Expected = Partial<Record<string, unknown>> & { kind: Deadline['kind'] };

const read = (phrase: string, zone = KARACHI, reference = REFERENCE): Deadline => interpretDeadline(phrase, reference, zone);

function check(phrase: string, expected: Expected): void {
  const deadline = read(phrase);
  expect(deadline).toMatchObject(expected);
  expect(deadline.reference).toBe(REFERENCE);
}

describe('the six seed commitments (29 Jan 2024)', () => {
  it.each<[string, Expected]>([
    ['immediately', { kind: 'vague', due: '2024-02-05', firstPromptDays: 2, term: 'immediately' }],
    ['at an early date', { kind: 'vague', due: '2024-03-29', firstPromptDays: 21 }],
    [
      'till “full eradication of terrorism threat and menace”',
      { kind: 'ongoing', endCondition: 'full eradication of terrorism threat and menace' },
    ],
    ['early operationalisation', { kind: 'vague', due: '2024-03-29', firstPromptDays: 21 }],
    ['', { kind: 'none' }],
    [
      'after the formation of the new government following the Feb 8 elections',
      {
        kind: 'event',
        relation: 'after',
        offsetDays: 30,
        approximate: true,
        eventName: 'the formation of the new government following the Feb 8 elections',
      },
    ],
  ])('%s', check);

  it('reads nothing said as no deadline without a hint', () => {
    expect(read('')).toEqual({ kind: 'none', text: '', reference: REFERENCE });
  });
});

describe('every lexicon row', () => {
  it.each<[string, string, number, boolean?]>([
    ['forthwith', '2024-02-05', 2],
    ['at once', '2024-02-05', 2],
    ['without undue delay', '2024-02-05', 2],
    ['without delay', '2024-02-05', 2],
    ['in the coming days', '2024-02-05', 3],
    ['shortly', '2024-02-05', 3],
    ['promptly', '2024-02-12', 5],
    ['as soon as possible', '2024-02-12', 5],
    ['ASAP', '2024-02-12', 5],
    ['urgently', '2024-02-12', 5],
    ['expeditiously', '2024-02-12', 5],
    ['at the earliest', '2024-02-12', 5],
    ['soon', '2024-02-28', 10],
    ['in the near future', '2024-02-28', 10],
    ['in the coming weeks', '2024-02-28', 10],
    ['timely', '2024-02-28', 10],
    ['as soon as practicable', '2024-02-28', 10],
    ['early completion', '2024-03-29', 21],
    ['in the coming months', '2024-04-28', 30],
    ['in due course', '2024-07-27', 90, true],
    ['when conditions permit', '2024-07-27', 90, true],
    ['medium term', '2027-01-29', 90],
    ['in the long term', '2034-01-29', 365],
  ])('%s → ~%s, first prompt on day %i', (phrase, due, firstPromptDays, low) => {
    const deadline = read(phrase);
    expect(deadline).toMatchObject({ kind: 'vague', due, firstPromptDays });
    expect(deadline.kind === 'vague' && deadline.lowCommitment === true).toBe(Boolean(low));
  });

  it.each<[string, string, number]>([
    ['mid-2025', '2025-06-30', 488],
    ['early 2025', '2025-03-31', 397],
    ['by mid-century', '2050-12-31', 9833 - 30],
    ['around mid-century', '2050-12-31', 9833 - 30],
  ])('%s → ~%s, first prompt 30 days before', (phrase, due, firstPromptDays) => {
    expect(read(phrase)).toMatchObject({ kind: 'vague', due, firstPromptDays });
  });
});

describe('conventions', () => {
  it.each<[string, Expected]>([
    ['by 2030', { kind: 'exact', due: '2030-12-31' }],
    ['by 2025', { kind: 'exact', due: '2025-12-31' }],
    ['next week', { kind: 'exact', due: '2024-02-09' }],
    ['by next week', { kind: 'exact', due: '2024-02-09' }],
    ['within 10 days', { kind: 'exact', due: '2024-02-08' }],
    ['within ten days', { kind: 'exact', due: '2024-02-08' }],
    ['within 10 business days', { kind: 'exact', due: '2024-02-12' }],
    ['within ten (10) business days', { kind: 'exact', due: '2024-02-12' }],
    ['within the next year', { kind: 'exact', due: '2025-01-29' }],
    ['within the coming month', { kind: 'exact', due: '2024-02-29' }],
    ['within 5 working days', { kind: 'exact', due: '2024-02-05' }],
    ['within two weeks', { kind: 'exact', due: '2024-02-12' }],
    ['as soon as practicable and in any event within 10 business days', { kind: 'exact', due: '2024-02-12' }],
    ['as soon as possible, but no later than 15 March', { kind: 'exact', due: '2024-03-15' }],
    ['by 15 March subject to board approval', { kind: 'exact', due: '2024-03-15', condition: 'board approval' }],
    ['subject to parliamentary approval', { kind: 'none', condition: 'parliamentary approval' }],
    ['after the elections', { kind: 'event', relation: 'after', offsetDays: 30, approximate: true, eventName: 'the elections' }],
    ['before the summit', { kind: 'event', relation: 'before', offsetDays: 1, approximate: false, eventName: 'the summit' }],
    ['two weeks before the summit', { kind: 'event', relation: 'before', offsetDays: 14, eventName: 'the summit' }],
    ['within 30 days of the signing', { kind: 'event', relation: 'after', offsetDays: 30, approximate: false, eventName: 'the signing' }],
    [
      'within 72 hours of the cessation of hostilities',
      { kind: 'event', relation: 'after', offsetDays: 3, eventName: 'the cessation of hostilities' },
    ],
    [
      'no later than ten (10) Business Days after the closing',
      { kind: 'event', relation: 'after', offsetDays: 14, eventName: 'the closing' },
    ],
    ['at least one week before the hearing', { kind: 'event', relation: 'before', offsetDays: 7, eventName: 'the hearing' }],
    ['once the budget is approved', { kind: 'event', relation: 'after', approximate: true, eventName: 'the budget is approved' }],
    ['upon ratification', { kind: 'event', relation: 'at', offsetDays: 0, eventName: 'ratification' }],
    ['by the next board meeting', { kind: 'event', relation: 'at', eventName: 'the next board meeting' }],
    ['until further notice', { kind: 'ongoing', endCondition: 'further notice' }],
    ['until 15 March', { kind: 'ongoing', endCondition: '15 March', endsOn: '2024-03-15' }],
    ['weekly', { kind: 'ongoing', cadence: 'weekly' }],
    ['every quarter', { kind: 'ongoing', cadence: 'quarterly' }],
    ['monthly until the end of 2024', { kind: 'ongoing', cadence: 'monthly', endsOn: '2024-12-31' }],
    ['regularly', { kind: 'ongoing', cadence: 'quarterly' }],
    ['on an ongoing basis', { kind: 'ongoing' }],
    ['mid-2025', { kind: 'vague', due: '2025-06-30' }],
    ['early 2025', { kind: 'vague', due: '2025-03-31' }],
    ['end of 2025', { kind: 'exact', due: '2025-12-31' }],
    ['by end of year', { kind: 'exact', due: '2024-12-31' }],
    ['Q2 2024', { kind: 'exact', due: '2024-06-30' }],
    ['H1 2025', { kind: 'exact', due: '2025-06-30' }],
    ['before 2030', { kind: 'exact', due: '2029-12-31' }],
    ['before the end of 2025', { kind: 'exact', due: '2025-12-30' }],
    ['before 15 March', { kind: 'exact', due: '2024-03-14' }],
    ['30 days after 1 March', { kind: 'exact', due: '2024-03-31' }],
    ['after 15 March', { kind: 'vague', due: '2024-04-14' }],
  ])('%s', check);
});

describe("calendar phrases and chrono-node's traps", () => {
  it.each<[string, Expected]>([
    ['next quarter', { kind: 'exact', due: '2024-06-30' }],
    ['this quarter', { kind: 'exact', due: '2024-03-31' }],
    ['end of the year', { kind: 'exact', due: '2024-12-31' }],
    ['by the end of the month', { kind: 'exact', due: '2024-01-31' }],
    ['end of March', { kind: 'exact', due: '2024-03-31' }],
    ['the second quarter of 2024', { kind: 'exact', due: '2024-06-30' }],
    ['Q1', { kind: 'exact', due: '2024-03-31' }],
    ['by May', { kind: 'exact', due: '2024-05-31' }],
    ['in March 2025', { kind: 'exact', due: '2025-03-31' }],
    ['next month', { kind: 'exact', due: '2024-02-29' }],
    ['next year', { kind: 'exact', due: '2025-12-31' }],
    ['by 15 March', { kind: 'exact', due: '2024-03-15' }],
    ['due 2024-03-15', { kind: 'exact', due: '2024-03-15' }],
    ['no later than 1 April 2024', { kind: 'exact', due: '2024-04-01' }],
    ['tomorrow', { kind: 'exact', due: '2024-01-30' }],
    ['today', { kind: 'exact', due: '2024-01-29' }],
    ['by Friday', { kind: 'exact', due: '2024-02-02' }],
    ['by Friday at the latest', { kind: 'exact', due: '2024-02-02' }],
    ['next Friday', { kind: 'exact', due: '2024-02-09' }],
    ['by Monday', { kind: 'exact', due: '2024-02-05' }],
    ['end of next week', { kind: 'exact', due: '2024-02-09' }],
    ['this week', { kind: 'exact', due: '2024-02-02' }],
    ['in two weeks', { kind: 'exact', due: '2024-02-12' }],
    ['within a fortnight', { kind: 'exact', due: '2024-02-12' }],
    ['within 48 hours', { kind: 'exact', due: '2024-01-31' }],
    ['within a month', { kind: 'exact', due: '2024-02-29' }],
    ['15 January', { kind: 'exact', due: '2025-01-15' }],
    ['early March', { kind: 'vague', due: '2024-03-10' }],
    ['mid-March', { kind: 'vague', due: '2024-03-15' }],
    ['early next week', { kind: 'vague', due: '2024-02-06' }],
    ['later this year', { kind: 'vague', due: '2024-12-31' }],
    ['the week after next', { kind: 'exact', due: '2024-02-16' }],
    ['by the 15th', { kind: 'exact', due: '2024-02-15' }],
    ['by COB Friday', { kind: 'exact', due: '2024-02-02' }],
    ['Jan 29', { kind: 'exact', due: '2024-01-29' }],
    ['for two years', { kind: 'ongoing', endsOn: '2026-01-29' }],
    ['on the sidelines of the UNGA', { kind: 'event', relation: 'at', eventName: 'the UNGA' }],
  ])('%s', check);
});

describe('phrases from real texts (second pass)', () => {
  it.each<[string, Expected]>([
    // Half-yearly recurrences have their own cadence; "bi-annually" is read as twice a year.
    ['every six months', { kind: 'ongoing', cadence: 'half-yearly' }],
    ['twice a year', { kind: 'ongoing', cadence: 'half-yearly' }],
    ['bi-annually', { kind: 'ongoing', cadence: 'half-yearly' }],
    ['semi-annually', { kind: 'ongoing', cadence: 'half-yearly' }],
    ['half-yearly', { kind: 'ongoing', cadence: 'half-yearly' }],
    ['at least twice a month', { kind: 'ongoing', cadence: 'fortnightly' }],
    ['at each annual session', { kind: 'ongoing', cadence: 'yearly' }],
    ['throughout Phase One', { kind: 'ongoing', endCondition: 'the end of Phase One' }],
    ['during school arrival and dismissal times', { kind: 'ongoing' }],
    ['from 1 March until 30 June', { kind: 'ongoing', endsOn: '2024-06-30' }],
    // Our lexicon values: a year for the short term and the coming year (first prompt after a quarter).
    ['in the short term', { kind: 'vague', due: '2025-01-29', firstPromptDays: 90 }],
    ['in the coming year', { kind: 'vague', due: '2025-01-29', firstPromptDays: 90 }],
    ['where fiscal conditions permit', { kind: 'vague', due: '2024-07-27', lowCommitment: true }],
    ['at a mutually convenient time', { kind: 'vague', due: '2024-07-27', lowCommitment: true }],
    // Counts anchored on the text's own making are counted from the reference date.
    ['within 14 days of the signing of this Agreement', { kind: 'exact', due: '2024-02-12' }],
    ['within 10 days of signing', { kind: 'exact', due: '2024-02-08' }],
    ['within 72 hours of the signing of this Agreement', { kind: 'exact', due: '2024-02-01' }],
    ['in any event within 20 Business Days after the date of this Agreement', { kind: 'exact', due: '2024-02-26' }],
    ['within ten Business Days after the date hereof', { kind: 'exact', due: '2024-02-12' }],
    ['within 90 days of the adoption of this resolution', { kind: 'exact', due: '2024-04-28' }],
    // Start dates and clock times: due the day the duty starts.
    ['with effect from 00:01 hours on 5 March 2025', { kind: 'exact', due: '2025-03-05' }],
    ['from September 1', { kind: 'exact', due: '2024-09-01' }],
    ['effective 1 July', { kind: 'exact', due: '2024-07-01' }],
    // Occasions that carry their date are dates; an event name never swallows a later date.
    ['by the November 19 meeting', { kind: 'exact', due: '2024-11-19' }],
    ['by the January 21, 2025 meeting', { kind: 'exact', due: '2025-01-21' }],
    ['before the March 5 meeting', { kind: 'exact', due: '2024-03-04' }],
    ['at the meeting on 5 March', { kind: 'exact', due: '2024-03-05' }],
    ['after lunch by Friday', { kind: 'exact', due: '2024-02-02' }],
    ['after the elections, but no later than 30 June', { kind: 'exact', due: '2024-06-30' }],
    ['before nominations close', { kind: 'event', relation: 'before', eventName: 'nominations close' }],
    [
      'at least two weeks before construction begins',
      { kind: 'event', relation: 'before', offsetDays: 14, eventName: 'construction begins' },
    ],
  ])('%s', check);
});

describe('phrases that must come back none, with a hint', () => {
  it.each([
    'may be delayed',
    'may',
    '10',
    'by 10',
    'asdf',
    'sometime',
    'whenever',
    'in Turbat and Zahedan',
    'after that',
    'by 31 February',
    'on progress by Friday',
    'at some point',
    'yesterday',
    'last week',
    // A unit without a count names no date: "the minutes" is a document, not "in a minute".
    'the minutes',
    'The Minutes',
    'the weeks',
    'the hours',
    'in a minute',
  ])('%s', (phrase) => {
    const deadline = read(phrase);
    expect(deadline.kind).toBe('none');
    expect(deadline.kind === 'none' && deadline.hint).toBe(
      `I could not read a date in "${phrase}". Try a date ("by 15 March"), a period ("within 10 business days", "next week", "Q2 2024"), an event ("after the elections") or a term like "as soon as possible".`,
    );
  });

  it.each([
    ['within a day', '2024-01-30'],
    ['a week', '2024-02-05'],
    ['within the hour', '2024-01-29'],
  ])('a counted or singular unit still reads: %s', (phrase, due) => {
    expect(read(phrase)).toMatchObject({ kind: 'exact', due });
  });

  it.each(['none', 'no deadline', 'None given'])('%s is nothing said, not an error', (phrase) => {
    expect(read(phrase)).toMatchObject({ kind: 'none' });
    expect(read(phrase)).not.toHaveProperty('hint');
  });
});

describe('keeping the phrase', () => {
  it('stores the phrase as said, without wrapping quotes or a full stop', () => {
    expect(read('“at an early date”.').text).toBe('at an early date');
    expect(read('  by 15 March ').text).toBe('by 15 March');
  });

  it('names the event as said, minus the relation word', () => {
    expect(read('following the Feb 8 elections')).toMatchObject({ kind: 'event', eventName: 'the Feb 8 elections' });
  });
});

describe('time zones: the reference is a calendar date, so no zone moves it', () => {
  it.each(['Asia/Karachi', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])(
    '"tomorrow" from 29 Jan is 30 Jan in %s',
    (zone) => {
      expect(read('tomorrow', zone)).toMatchObject({ kind: 'exact', due: '2024-01-30' });
      expect(read('by Friday', zone)).toMatchObject({ kind: 'exact', due: '2024-02-02' });
      expect(read('within 10 business days', zone)).toMatchObject({ kind: 'exact', due: '2024-02-12' });
    },
  );

  it('the same instant gives each zone its own reference date, and "tomorrow" follows it', () => {
    // 2024-01-29T20:30Z is already the 30th in Karachi but still the 29th in Los Angeles.
    expect(read('tomorrow', 'Asia/Karachi', '2024-01-30')).toMatchObject({ due: '2024-01-31' });
    expect(read('tomorrow', 'America/Los_Angeles', '2024-01-29')).toMatchObject({ due: '2024-01-30' });
  });

  it('counts days across a DST change without landing a day short', () => {
    expect(read('30 days after 1 March', 'America/Los_Angeles')).toMatchObject({ kind: 'exact', due: '2024-03-31' });
    expect(read('within 60 days', 'America/Los_Angeles')).toMatchObject({ kind: 'exact', due: '2024-03-29' });
    expect(read('in 6 weeks', 'Europe/London', '2024-03-20')).toMatchObject({ kind: 'exact', due: '2024-05-01' });
  });

  it('a reference on the day clocks change reads the same', () => {
    expect(read('tomorrow', 'America/Los_Angeles', '2024-03-10')).toMatchObject({ due: '2024-03-11' });
    expect(read('next week', 'America/Los_Angeles', '2024-03-10')).toMatchObject({ due: '2024-03-15' });
  });
});

describe('phrases from the third blind split', () => {
  it.each<[string, Expected]>([
    ['no later than the 10th day of Phase I', { kind: 'event', eventName: 'Phase I', relation: 'after', offsetDays: 9 }],
    ['within 21 days of the start of Phase I', { kind: 'event', eventName: 'the start of Phase I', relation: 'after', offsetDays: 21 }],
    ['by the end of the current fiscal year', { kind: 'exact', due: '2024-06-30' }],
    ['by the end of the next fiscal year', { kind: 'exact', due: '2025-06-30' }],
    ['over the next five years', { kind: 'exact', due: '2029-01-29' }],
    ['as promptly as practicable', { kind: 'vague', due: '2024-02-12' }],
    ['over the medium term', { kind: 'vague', due: '2027-01-29' }],
  ])('%s', (phrase, expected) => check(phrase, expected));
});
