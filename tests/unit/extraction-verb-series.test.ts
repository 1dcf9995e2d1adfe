// A list of deeds under one cue is one promise per deed (verb-series.ts): base verbs after commas, or
// gerunds after the word that opens them. Our own sentences, shaped like the real lists that stayed one
// candidate; read on every candidate, so the weights do not matter.
import { describe, expect, it } from 'vitest';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

const DATE = '2025-03-03';
const actions = (text: string) => extractEveryCandidate(text, { date: DATE }).map((c) => c.action);

describe('a list of deeds', () => {
  it('splits base verbs after commas, the last after ", and"', () => {
    expect(actions('The two towns pledged to repair the old bridge, widen the river path, plant new trees, and fight litter.')).toEqual([
      'repair the old bridge',
      'widen the river path',
      'plant new trees',
      'fight litter',
    ]);
    expect(actions('The library will lend laptops to students, sign people up for cards and host a reading club.')).toEqual([
      'lend laptops to students',
      'sign people up for cards',
      'host a reading club',
    ]);
  });

  it('splits a gerund list after its opening word, the first keeping the lead', () => {
    expect(
      actions('The hospital plans to cut its emissions by installing heat pumps, working with its suppliers and offsetting what remains.'),
    ).toEqual(['cut its emissions by installing heat pumps', 'working with its suppliers', 'offsetting what remains']);
  });

  it("keeps one deed's objects and a remark on the deed in one item", () => {
    expect(actions('The ministers agreed to deepen cooperation in trade, energy, transport, and tourism.')).toHaveLength(1);
    expect(actions('We will protect the freedom, safety, and freedom of movement of the staff.')).toHaveLength(1);
    expect(actions('The firm will install boilers for lighting, heating, cooling and cooking.')).toHaveLength(1);
    expect(actions('The council will close the depot in June, noting that a new site is being sought.')).toHaveLength(1);
    expect(actions('Members will declare their interests, subject to the rules on disclosure.')).toHaveLength(1);
  });
});
