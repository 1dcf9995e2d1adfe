// The word-vector table (src/extraction/word-vectors.bin) read as the scorer reads it: phrases that mean
// alike land near each other, whatever their words.
import { describe, expect, it } from 'vitest';
import { meanVectorFeatures } from '../../src/extraction/word-vectors.js';

const vector = (phrase: string) => meanVectorFeatures('v', phrase);
const cosine = (a: string, b: string) => {
  const [x, y] = [vector(a), vector(b)];
  // Each part is scaled by 3 (a unit vector's parts are small next to a binary feature's 1).
  return Object.keys(x).reduce((sum, k) => sum + x[k] * (y[k] ?? 0), 0) / 9;
};

describe('word vectors', () => {
  it('give a unit vector of 100 dimensions for a phrase with known words', () => {
    const v = vector('appoint liaison officers');
    expect(Object.keys(v)).toHaveLength(100);
    expect(Object.keys(v)[0]).toBe('v:d0');
    expect(cosine('appoint liaison officers', 'appoint liaison officers')).toBeCloseTo(1, 2);
  });

  it('put a verb the corpus may never show near the one it does', () => {
    expect(cosine('supervise the work', 'oversee the work')).toBeGreaterThan(cosine('supervise the work', 'celebrate the work'));
    expect(cosine('decommission the plant', 'close the plant')).toBeGreaterThan(cosine('decommission the plant', 'visit the plant'));
  });

  it('read neither function words nor words the table lacks', () => {
    expect(vector('the and of to will shall')).toEqual({});
    expect(vector('zzqxv qqwrt')).toEqual({});
    expect(vector('we will appoint officers')).toEqual(vector('appoint officers'));
  });

  it('find the first and last words of the sorted table, and nothing before or past them', () => {
    // "a-ball" and "zz" are its first and last words (code-unit order).
    expect(Object.keys(vector('a-ball'))).toHaveLength(100);
    expect(Object.keys(vector('zz'))).toHaveLength(100);
    expect(vector("a-'")).toEqual({});
    expect(vector('zzzzzz')).toEqual({});
  });
});
