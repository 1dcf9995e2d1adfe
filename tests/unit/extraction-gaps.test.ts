// Extraction rules for the general gaps: forward guidance, reported speech, quotes, wire datelines,
// nominal forms, coordinated objects and preambles. Each rule is shown on sentences of our own.
import { describe, expect, it } from 'vitest';
import { extractCommitments } from '../../src/extraction/extract-commitments.js';

const extract = (text: string, date = '2025-05-07') => extractCommitments(text, { date });

describe('forward guidance and statements of intent are not commitments', () => {
  it.each([
    'In setting policy, the Board will carefully assess incoming data and the balance of risks.',
    'The Council will continue to monitor the implications of new information for the region.',
    'The Bank is strongly committed to supporting stable prices and full employment.',
    'The Authority seeks to achieve stable prices and full employment.',
    'The Board decided to raise the policy rate by 1/2 percentage point to 3 percent.',
  ])('takes nothing from: %s', (sentence) => {
    expect(extract(sentence)).toEqual([]);
  });

  it('still takes monitoring with a cadence and follow-ups', () => {
    expect(extract('We will continue to monitor progress annually.')).toHaveLength(1);
    expect(extract('Miguel will follow up with the city about bus passes.')).toHaveLength(1);
    expect(extract('We are committed to reaching net-zero emissions by 2040.')).toHaveLength(1);
  });
});

describe('directives and restatements', () => {
  it('reads "its dual mandate and …" as a noun, not a directive', () => {
    expect(extract('The Board is attentive to its dual mandate and judges that risks to growth have risen.')).toEqual([]);
  });

  it('takes "directs X, effective <date>, to …" as a standing duty that starts then', () => {
    const [item] = extract('The Board directs the Trading Desk, effective 1 June 2025, to buy bonds as necessary to keep yields in a range.');
    expect(item).toMatchObject({ parties: ['Trading Desk'], deadline: { kind: 'ongoing', due: null } });
  });

  it('keeps two promises about the same things by different parties apart', () => {
    const items = extract('The Board will continue reducing its holdings of state bonds and county bonds. '
      + 'The Board directs the Trading Desk to reinvest into state bonds all payments from its holdings of county bonds.');
    expect(items).toHaveLength(2);
  });
});
