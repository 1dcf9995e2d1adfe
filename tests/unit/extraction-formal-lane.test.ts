// Session 7, the formal genres (resolutions, joint statements, pledges): HTML line breaks and
// abbreviations in the layout, labelled pledge items, targets named by their owner, and the durative
// constructions the standing-duty model reads. Every text here is our own, shaped like the real texts
// that failed; how the scorer weighs each candidate is the corpus evaluation's call, so these tests read
// every candidate (no threshold) or the features alone.
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../src/extraction/detect-cues.js';
import { detectCues } from '../../src/extraction/detect-cues.js';
import { scoreCandidates } from '../../src/extraction/extract-commitments.js';
import { splitSentences } from '../../src/extraction/split-sentences.js';
import { standingFeatures } from '../../src/extraction/standing-duty.js';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

const every = (text: string, date = '2025-03-03') => extractEveryCandidate(text, { date });
const cue = (type: Cue['type']): Cue =>
  ({ type, at: 0, clauseStart: 0, actionStart: 0, subject: 'All States', passive: false, weak: false, standing: false }) as Cue;
const kindOf = (action: string) =>
  standingFeatures({ cue: cue('appeal'), action, frame: 'Urges all States to ', partStanding: false, startsDuty: false });

describe('the layout of web copies', () => {
  it('reads a literal <br /> as a line break and keeps it in the quote', () => {
    const text =
      'Section 1. The Council shall adopt a goal of clean <br />energy for its facilities by 2025. <br />Section 2. The Council shall publish a plan in <br />June 2026.';
    const sentences = splitSentences(text);
    expect(sentences.some((s) => /Section 2/.test(s.text) && /by 2025/.test(s.text))).toBe(false);
    expect(sentences.every((s) => !s.text.includes('<br'))).toBe(true);
    const goal = every(text).find((i) => /goal of clean/.test(i.action));
    expect(goal?.deadline).toMatchObject({ kind: 'exact', due: '2025-12-31' });
    for (const item of every(text)) expect(text.includes(item.quote)).toBe(true);
  });

  it('leaves a tag that only starts with "br" alone', () => {
    // (Not at a line's start: there "<brent>" is a chat log's nick, which the chat-log layer reads.)
    expect(splitSentences('We will mail the <brochure> to members.').map((s) => s.text)).toEqual([
      'We will mail the <brochure> to members.',
    ]);
  });

  it('does not end a sentence at "Mt." and similar abbreviations', () => {
    const text = 'They agreed to hold the reunion of separated families at Mt. Kumgang resort on 30 March 2025.';
    expect(splitSentences(text)).toHaveLength(1);
    const [item] = every(text);
    expect(item.deadline).toMatchObject({ kind: 'exact', due: '2025-03-30' });
  });
});

describe('pledges and their targets', () => {
  it('reads a target its owner names without a verb that sets it', () => {
    const text = 'The university said the pledge is part of its overall goal to slash carbon emissions to zero by 2038.';
    const item = every(text).find((i) => /slash carbon emissions/.test(i.action));
    expect(item?.deadline).toMatchObject({ kind: 'exact', due: '2038-12-31' });
  });

  it('reads "wants to" and "is aiming to" as a party\'s own plans', () => {
    const items = every('AXA wants to procure 100% renewable electricity by 2025, and is aiming to become carbon neutral by 2030.');
    expect(items.find((i) => /procure/.test(i.action))?.deadline.due).toBe('2025-12-31');
    expect(items.find((i) => /carbon neutral/.test(i.action))?.deadline.due).toBe('2030-12-31');
  });

  it('reads a labelled line that opens with a bare verb as a candidate', () => {
    const text = 'The declaration outlines two pathways.\n\nPATHWAY #1: Achieve universal access to clean cooking fuels by 2030.';
    const [sentence] = splitSentences(text).filter((s) => /Achieve/.test(s.text));
    expect(sentence.label).toBe('PATHWAY #1');
    const cues = detectCues(sentence);
    expect(cues[0]?.flags).toContain('labelled_imperative');
    const item = every(text).find((i) => /universal access/.test(i.action));
    expect(item?.deadline).toMatchObject({ kind: 'exact', due: '2030-12-31' });
  });
});

describe('infinitives that describe their noun', () => {
  const flagged = (text: string) => scoreCandidates(text, { date: '2025-03-03' }).candidates.some((c) => c.features.ordinal_head === 1);
  it('marks an infinitive after an ordinal or superlative noun', () => {
    expect(flagged('The latest cities to sign on to the declaration are home to 140 million people.')).toBe(true);
    expect(flagged('The last date to file as a candidate is October 26.')).toBe(true);
  });
  it('leaves a task and a request alone', () => {
    expect(flagged('Clerk to write to the owner.')).toBe(false);
    expect(flagged('The request to Bob to review the draft was noted.')).toBe(false);
  });
});

describe('the durative constructions of the standing-duty model', () => {
  it('marks an activity verb with no end point', () => {
    expect(kindOf('cooperate fully with the Panel of Experts')).toMatchObject({ kind_atelic: 1 });
    expect(kindOf('exercise maximum restraint')).toMatchObject({ kind_atelic: 1 });
    expect(kindOf('submit a report on the situation').kind_atelic).toBeUndefined();
  });

  it('marks a frequency word and a deed done on each occasion', () => {
    expect(kindOf('publish annual data on their progress')).toMatchObject({ kind_frequency: 1 });
    expect(kindOf('consider environmental justice issues when making policy decisions')).toMatchObject({ kind_habitual: 1 });
    expect(kindOf('provide updates as needed')).toMatchObject({ kind_habitual: 1 });
    const once = kindOf('establish a joint commission');
    expect(once.kind_frequency ?? once.kind_habitual).toBeUndefined();
  });
});
