// Verb pairs under one cue: two deeds when each verb has its own object, one when the tagger reads the
// second word as an adjective or noun, when the first verb has only a particle or a preposition, or
// when the second verb joins a nested infinitive.
import { describe, expect, it } from 'vitest';
import { splitCoordinated } from '../../src/extraction/split-coordinated.js';
import { verbPairReader } from '../../src/extraction/verb-pair.js';

/** The deeds one span splits into, as text. */
function deeds(span: string): string[] {
  return splitCoordinated(span, 0, span.length).map((p) => span.slice(p.start, p.end));
}

describe('verb pairs with their own objects', () => {
  it.each([
    ['chase the report and request an estimate', ['chase the report', 'request an estimate']],
    ['contact them and provide a list of them to the Selectmen', ['contact them', 'provide a list of them to the Selectmen']],
    [
      'close its local plant and consolidate operations into other company facilities, according to a fiscal report released Monday',
      ['close its local plant', 'consolidate operations into other company facilities, according to a fiscal report released Monday'],
    ],
  ])('splits "%s"', (span, expected) => {
    expect(deeds(span)).toEqual(expected);
  });

  it.each([
    // The tagger reads "practical" and "conventional" as adjectives: one deed.
    'make active and practical efforts to ease military tension',
    'convene separate expert level meetings on nuclear and conventional CBMs',
    // A verb and its preposition, a verb with only its particle, a nested infinitive, a list, a pronoun back.
    'check with the bank and see what the rate is at that time',
    'follow up and report back on progress in these efforts',
    'invite Mr Whitmarsh to inspect Leigh Street and see if measures were feasible',
    'write up the postmortem and share it in #eng by Friday',
    // Reporting back on the deed is part of it.
    'conduct a speed study on Orchard Lane and report back to Council within 60 days',
  ])('keeps "%s" as one deed', (span) => {
    expect(deeds(span)).toEqual([span]);
  });

  it('leaves a list of three deeds or more to the series reading (verb-series.ts)', () => {
    const span = 'create healthier communities, improve air quality, create decent jobs and protect their residents';
    const and = span.indexOf(' and ');
    expect(verbPairReader(span)(and, and + 5)).toBe(false);
    expect(deeds(span)).toHaveLength(4);
  });

  it('lets the first deed share a trailing deadline', () => {
    const span = 'set up the public comment form and announce the comment period on the mailing list by 30 April';
    const parts = splitCoordinated(span, 0, span.length);
    expect(parts).toHaveLength(2);
    expect(parts[0].sharesDeadlineOf).toBe(1);
  });

  it('reads a finite verb in a conjunct as a sign of a larger clause', () => {
    const span = 'increase their grants and loosen restrictions on current grants is welcome news';
    const and = span.indexOf(' and ');
    expect(verbPairReader(span)(and, and + 5)).toBe(false);
  });
});
