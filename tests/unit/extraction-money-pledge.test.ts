// A pledge of money is a deed said with the sum as object (detect-cues.ts, MONEY_PLEDGE): "promised 600
// million euros", "pledged $750,000 to fund …". Our own sentences, shaped like real pledging texts.
import { describe, expect, it } from 'vitest';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

const actions = (text: string) => extractEveryCandidate(text, { date: '2025-06-04' }).map((c) => c.action);

describe('a pledge of money', () => {
  it('keeps the verb and the sum in the action', () => {
    expect(actions('The two governments each promised 600 million euros.')).toEqual(['promised 600 million euros']);
    expect(actions('The foundation has pledged $750,000 to fund the first phase.')).toEqual(['pledged $750,000 to fund the first phase']);
    expect(actions('Donors pledged 8.8 billion dollars to the fund.')).toEqual(['pledged 8.8 billion dollars to the fund']);
  });

  it('binds each named giver, without the floating "each"', () => {
    const [pledge] = extractEveryCandidate('Germany and France each promised 600 million euros.', { date: '2025-06-04' });
    expect(pledge.parties).toEqual(['Germany', 'France']);
  });

  it('reads no sum where the object is not money', () => {
    expect(actions('The firm committed 5 staff to the review.')).toEqual([]);
  });
});
