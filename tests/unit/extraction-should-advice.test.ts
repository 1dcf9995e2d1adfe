// An unbound "should" with a named (or capitalised) subject is advice, not a narrated "would" promise:
// it gets its own conjunction, so the prior that lifts "Mr Hill would put together …" does not lift it.
import { describe, expect, it } from 'vitest';
import { scoreCandidates } from '../../src/extraction/extract-commitments.js';

const featureNames = (text: string) => scoreCandidates(text, { date: '2024-03-01' }).candidates.flatMap((c) => Object.keys(c.features));

describe('unbound should and would', () => {
  it('keeps the narrated-would conjunction for "would" and names "should" apart', () => {
    expect(featureNames('Mr Hill would put together a statement for the newsletter.')).toContain('conditional_unbound&subject_named');
    const should = featureNames('Disagree we should make a decision on something abstract or incomplete');
    expect(should.some((n) => n.startsWith('conditional_unbound&') && n.endsWith('&should'))).toBe(true);
    expect(should).not.toContain('conditional_unbound&subject_named');
  });
});
