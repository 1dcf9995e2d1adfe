// The `add` grammar (DESIGN §4): title, then the longest trailing clause that reads as a deadline.
import { describe, expect, it } from 'vitest';
import { splitDeadlineClause } from '../../src/commitments/deadline-clause.js';

const REFERENCE = '2024-01-29';
const split = (words: string) => splitDeadlineClause(words, REFERENCE, 'Asia/Karachi');

describe('the seed commitments typed after add', () => {
  it.each<[string, string, Record<string, unknown>]>([
    [
      'Appoint liaison officers in Turbat and Zahedan immediately',
      'Appoint liaison officers in Turbat and Zahedan',
      { kind: 'vague', due: '2024-02-05', text: 'immediately' },
    ],
    [
      "Deploy military liaison officers in each other's country at an early date",
      "Deploy military liaison officers in each other's country",
      { kind: 'vague', due: '2024-03-29', text: 'at an early date' },
    ],
    [
      'Fully implement security cooperation agreements till full eradication of terrorism threat and menace',
      'Fully implement security cooperation agreements',
      { kind: 'ongoing', endCondition: 'full eradication of terrorism threat and menace' },
    ],
    ['Operationalise the joint border markets early', 'Operationalise the joint border markets', { kind: 'vague', due: '2024-03-29' }],
    [
      'Establish a joint coordination mechanism at FM level',
      'Establish a joint coordination mechanism at FM level',
      { kind: 'none', text: '' },
    ],
    [
      'Invite President Raisi to visit Pakistan after the formation of the new government following the Feb 8 elections',
      'Invite President Raisi to visit Pakistan',
      { kind: 'event', relation: 'after', eventName: 'the formation of the new government following the Feb 8 elections' },
    ],
  ])('%s', (words, title, deadline) => {
    const result = split(words);
    expect(result.title).toBe(title);
    expect(result.deadline).toMatchObject(deadline);
  });
});

describe('choosing the clause', () => {
  it('drops a leading "due" from the stored phrase', () => {
    expect(split('Send the report due Friday').deadline).toMatchObject({ kind: 'exact', due: '2024-02-02', text: 'Friday' });
  });

  it('takes the longest clause that reads, not the first deadline word', () => {
    expect(split('Review due diligence report by Friday')).toMatchObject({
      title: 'Review due diligence report',
      deadline: { kind: 'exact', due: '2024-02-02', text: 'by Friday' },
    });
    expect(split('Report on progress by Friday').title).toBe('Report on progress');
    expect(split('Send slides two weeks before the summit')).toMatchObject({
      title: 'Send slides',
      deadline: { kind: 'event', relation: 'before', offsetDays: 14, eventName: 'the summit' },
    });
  });

  it('reads the multi-word leads', () => {
    expect(split('Submit the budget no later than 15 March')).toMatchObject({
      title: 'Submit the budget',
      deadline: { due: '2024-03-15' },
    });
    expect(split('Publish minutes within 10 business days')).toMatchObject({ title: 'Publish minutes', deadline: { due: '2024-02-12' } });
  });

  it('leaves words that are not a deadline in the title', () => {
    expect(split('Meet in Lahore')).toMatchObject({ title: 'Meet in Lahore', deadline: { kind: 'none', text: '' } });
    expect(split('Plan for Q2')).toMatchObject({ title: 'Plan for Q2', deadline: { kind: 'none' } });
    expect(split('Review by legal')).toMatchObject({ title: 'Review by legal', deadline: { kind: 'none' } });
  });

  it('keeps a bare recurrence and a "subject to" condition', () => {
    expect(split('Hold border talks weekly')).toMatchObject({
      title: 'Hold border talks',
      deadline: { kind: 'ongoing', cadence: 'weekly' },
    });
    expect(split('Sign the treaty subject to ratification')).toMatchObject({
      title: 'Sign the treaty',
      deadline: { kind: 'none', condition: 'ratification' },
    });
  });

  it('answers an explicit but unreadable "due …" with a hint instead of swallowing it', () => {
    const result = split('Send the report due sometime soonish');
    expect(result.title).toBe('Send the report');
    expect(result.deadline).toMatchObject({ kind: 'none', text: 'sometime soonish' });
    expect(result.deadline.kind === 'none' && result.deadline.hint).toMatch(/^I could not read a date in "sometime soonish"/);
  });

  it('never leaves the title empty', () => {
    expect(split('by Friday')).toMatchObject({ title: 'by Friday', deadline: { kind: 'none' } });
  });
});

describe('quoted titles', () => {
  it.each(['"Review by legal" due Fri', '“Review by legal” due Fri', '“Review by legal” Fri'])('%s', (words) => {
    expect(split(words)).toMatchObject({ title: 'Review by legal', deadline: { kind: 'exact', due: '2024-02-02', text: 'Fri' } });
  });

  it('a quoted title with nothing after has no deadline', () => {
    expect(split('"Review by legal"')).toMatchObject({ title: 'Review by legal', deadline: { kind: 'none', text: '' } });
  });

  it('an unreadable deadline after a quoted title gets a hint', () => {
    expect(split('"Review by legal" whenever').deadline).toMatchObject({ kind: 'none', text: 'whenever' });
  });

  it('quoted words inside a title are never a clause', () => {
    expect(split('Fix the "by next week" banner by Friday')).toMatchObject({
      title: 'Fix the "by next week" banner',
      deadline: { due: '2024-02-02' },
    });
  });
});
