// Restatements merge into one item; two deeds that share words but carry their own figures do not
// (our own sentences, shaped like a filing that redeems two series of notes).
import { describe, expect, it } from 'vitest';
import { extractCommitments } from '../../src/extraction/extract-commitments.js';

const extract = (text: string) => extractCommitments(text, { date: '2021-10-01' });

describe('merging restatements', () => {
  it('keeps two redemptions with their own amounts apart', () => {
    const items = extract(
      'Telephone and Data Systems will redeem all $116.25M of its outstanding senior notes due 2045. ' +
        'Telephone and Data Systems will also redeem all $342M of its outstanding senior notes due 2060.',
    );
    expect(items.map((i) => i.action)).toEqual([
      expect.stringMatching(/^redeem all \$116\.25M/),
      expect.stringMatching(/^redeem all \$342M/),
    ]);
  });

  it('still merges a restatement that repeats the figure', () => {
    const items = extract(
      'Telephone and Data Systems will redeem all $116.25M of its outstanding senior notes due 2045.\n\n' +
        'The company said it will redeem the $116.25M of outstanding senior notes on 1 December 2021.',
    );
    expect(items).toHaveLength(1);
  });
});
