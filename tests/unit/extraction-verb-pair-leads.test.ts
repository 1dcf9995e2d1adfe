// Verb pairs whose verbs a suffix would call nouns ("commence", "address", "discuss") or whose first
// verb follows a manner word or opens a line in capitals: two deeds when the tagger reads both as verbs.
import { describe, expect, it } from 'vitest';
import { splitCoordinated } from '../../src/extraction/split-coordinated.js';

function deeds(span: string): string[] {
  return splitCoordinated(span, 0, span.length).map((p) => span.slice(p.start, p.end));
}

describe('verb pairs past a suffix, a manner word or a capital', () => {
  it.each([
    [
      'open a depot in the harbour district and commence deliveries there',
      ['open a depot in the harbour district', 'commence deliveries there'],
    ],
    ['address the backlog of complaints and improve response times', ['address the backlog of complaints', 'improve response times']],
    [
      'circulate the draft to all members and discuss the budget at the next meeting',
      ['circulate the draft to all members', 'discuss the budget at the next meeting'],
    ],
    [
      'completely phase out coal lending and double its green bond issuance',
      ['completely phase out coal lending', 'double its green bond issuance'],
    ],
    [
      'Appoint a safety officer for the site and publish the rota by Friday',
      ['Appoint a safety officer for the site', 'publish the rota by Friday'],
    ],
  ])('splits "%s"', (span, expected) => {
    expect(deeds(span)).toEqual(expected);
  });

  it.each([
    // "apply" ends in -ly and is still the verb; a pair sharing an object stays one.
    'apply the new rules and publish it',
    // The tagger reads "secure" as an adjective and "measure" as a noun here: no pair of verbs.
    'secure funding and measure outcomes',
  ])('keeps "%s" as one deed', (span) => {
    expect(deeds(span)).toEqual([span]);
  });
});
