// Extraction on real layouts (issue 14): hard wraps, lists under their introducing line, minutes
// shorthand, the deadline of the action's own clause, events and standing duties, and the learnt
// scorer's weights. Every text here is our own, shaped like the real texts that failed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCommitments, scoreCandidates } from '../../src/extraction/extract-commitments.js';
import { layoutBlocks } from '../../src/extraction/layout.js';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';
import { BLIND_SPLITS } from '../fixtures/extraction/corpus.js';

const extract = (text: string, date = '2025-03-03') => extractCommitments(text, { date });
const kinds = (text: string) => extract(text).map((i) => i.deadline.kind);

describe('the layout layer', () => {
  it('opens a new list at "Next steps:" after a blank line, instead of reading it as an item of the list above', () => {
    const text = 'Notes:\n- Budget discussed\n- Venue discussed\n\nNext steps:\n- Dana to book the hall\n- Lee to email members';
    const blocks = layoutBlocks(text);
    const head = blocks.find((b) => b.text === 'Next steps:');
    expect(head?.listItem).toBe(false);
    expect(blocks.filter((b) => b.actionSection).map((b) => b.text)).toEqual(['- Dana to book the hall', '- Lee to email members']);
  });

  it('re-joins a hard-wrapped resolution and keeps each numbered paragraph a unit', () => {
    const text =
      '1.\nrequests\nthe Secretary-General to provide the\nnecessary assistance to the mission\nby 30 April 2025;\n2.\ncalls upon both Governments\nto release all detainees\nwithout delay;';
    const blocks = layoutBlocks(text).map((b) => b.text);
    expect(blocks).toEqual([
      '1. requests the Secretary-General to provide the necessary assistance to the mission by 30 April 2025;',
      '2. calls upon both Governments to release all detainees without delay;',
    ]);
    const [first] = extract(text);
    expect(first.parties).toEqual(['Secretary-General']);
    expect(first.deadline).toMatchObject({ kind: 'exact', due: '2025-04-30' });
    // Quotes stay verbatim spans of the input, line breaks and all.
    for (const item of extract(text)) expect(text.includes(item.quote)).toBe(true);
  });

  it('does not end a wrapped line at an abbreviation', () => {
    const blocks = layoutBlocks('as soon as the resolution of Sept.\n6 has been implemented, the Council\nwill meet again.').map(
      (b) => b.text,
    );
    expect(blocks).toHaveLength(1);
  });

  it('reads each list item under the line that introduces it', () => {
    const text =
      'Signatories to the Pledge must agree to:\n- Measure and report emissions on a regular basis.\n- Neutralize any remaining emissions by 2040.';
    const items = extract(text);
    expect(items.map((i) => i.action)).toEqual(['Measure and report emissions', 'Neutralize any remaining emissions']);
    expect(items.map((i) => i.deadline.kind)).toEqual(['ongoing', 'exact']);
  });

  it('takes minutes shorthand: mid-line "Clerk to …", bold action labels, a trailing owner', () => {
    const items = extract(
      [
        'Hedge at the square is invading the pathway, Clerk to write to the owner.',
        '**Action Item**: Jack to discuss with Mark and make a proposal by next meeting.',
        '# Action items',
        '- Update the onboarding wiki page (Priya)',
      ].join('\n'),
    );
    expect(items.map((i) => i.parties)).toEqual([['Clerk'], ['Jack'], ['Priya']]);
  });

  it('skips front matter and attendance lists', () => {
    const text =
      '---\ntitle: "2025-03-03"\n---\n## Attendance\n[ ] Gordon Bradley, Autodesk\n[X] Mark McGuire, Blue Sky Studios\n\n# Notes\nDana will send the draft charter to the list by Friday.';
    expect(extract(text).map((i) => i.parties)).toEqual([['Dana']]);
  });
});

describe('deadlines attached by clause', () => {
  it("takes the time of the action's own clause, not of a relative clause", () => {
    const [item] = extract('Norvale will cut Scope 3 emissions, which rose in March, by 30% by 2030.');
    expect(item.deadline).toMatchObject({ kind: 'exact', due: '2030-12-31' });
  });

  it('does not take a time from another clause before the promise', () => {
    const items = extract('David said the group could meet in February; Daniel said he would discuss it with the group by email.');
    expect(items.at(-1)?.deadline.kind).toBe('none');
  });

  it('reads occasions as events, even when they name a month', () => {
    expect(kinds('The ministers will review progress at the autumn session.')).toEqual(['event']);
    expect(kinds('The two sides will finalise the roadmap ahead of the Summit.')).toEqual(['event']);
    expect(kinds('The Company will file the plan no later than the release of its annual report.')).toEqual(['event']);
    expect(kinds('Work on the shelter is to start soon after agreement from the insurer.')).toEqual(['event']);
  });

  it("does not read a meeting's name as a recurrence", () => {
    expect(kinds('The Secretariat will present the report to the Annual Conference of the Parties.')).not.toContain('ongoing');
  });

  it('reads standing duties and prohibitions as ongoing', () => {
    expect(kinds('The committee will oversee the implementation of the plan.')).toEqual(['ongoing']);
    expect(kinds('Both Governments shall refrain from any action which might aggravate the situation.')).toEqual(['ongoing']);
    expect(kinds('The Council will continue to work towards the early resolution of the conflict.')).toEqual(['ongoing']);
  });
});

describe('the learnt scorer', () => {
  const weights = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/extraction/candidate-weights.json'), 'utf8'));

  it('was trained on the real training texts and never on the blind split', () => {
    expect(weights.trainedOn).toContain('real-train');
    for (const blind of BLIND_SPLITS) expect(weights.trainedOn).not.toContain(blind);
    expect(weights.threshold).toBeGreaterThan(0);
    expect(weights.threshold).toBeLessThan(1);
  });

  it('keeps the former gates as strong evidence against a promise', () => {
    for (const gate of ['preamble', 'forecast', 'intent_only', 'not_a_deed']) expect(weights.weights[gate]).toBeLessThan(-2);
  });

  it('gives the same items, with their confidence, every time', () => {
    const text = 'Kenya and Ethiopia agreed to reopen the Moyale crossing within 30 days. Clerk to write to the owner.';
    expect(extract(text)).toEqual(extract(text));
    for (const item of extract(text)) expect(item.confidence).toBeGreaterThanOrEqual(weights.threshold - 0.01);
  });
});

describe('a series of deeds under one cue (our own sentences, shaped like the real ones that were kept as one)', () => {
  // How a series is split, apart from whether the learnt scorer keeps each part (the corpus evaluation judges that).
  const actions = (text: string) => extractEveryCandidate(text, { date: '2025-03-03' }).map((i) => i.action);

  it('splits an infinitive series into one deed each, without the joining "to"', () => {
    expect(
      actions(
        'We express our determination to end the dispute over the river, to open a new chapter of trade between our two countries, and to hold regular talks on water sharing.',
      ),
    ).toEqual([
      'end the dispute over the river',
      'open a new chapter of trade between our two countries',
      'hold regular talks on water sharing',
    ]);
  });

  // The split itself, before the learnt scorer weighs each part (whether a part is kept is the model's call, judged by CV).
  it('splits a list of clauses joined by semicolons, each with its own deadline', () => {
    const { candidates } = scoreCandidates(
      'The charter requires member towns to cut emissions by half by 2030; publish an annual report on progress; and plant a tree for every new house.',
      { date: '2025-03-03' },
    );
    expect(candidates.map(({ item: i }) => [i.action, i.deadline.kind, i.deadline.due])).toEqual([
      ['cut emissions by half', 'exact', '2030-12-31'],
      ['publish an annual report on progress', 'none', null],
      ['plant a tree for every new house', 'none', null],
    ]);
  });

  it('starts a second deed at a second modal', () => {
    const items = extract(
      'The two Sides agree to resume talks on the border at once, and shall make every effort to conclude an agreement before the end of 2026.',
    );
    expect(items.map((i) => i.action)).toEqual(['resume talks on the border', 'make every effort to conclude an agreement']);
    expect(items[1].deadline).toMatchObject({ kind: 'exact', due: '2026-12-30' });
  });

  it('keeps a one-word deed of the parties ("The Parties shall meet annually") instead of dropping it', () => {
    expect(extract('The Parties shall meet annually.').map((i) => [i.action, i.deadline.kind])).toEqual([['The Parties meet', 'ongoing']]);
  });
});
