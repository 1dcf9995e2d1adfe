// The learnt standing-duty step (issue 14, item 3): a promise with no time phrase is `ongoing` or
// `none` by a trained model whose features are the clause's own words and framing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../src/extraction/detect-cues.js';
import { extractCommitments } from '../../src/extraction/extract-commitments.js';
import { isStandingDuty, standingFeatures } from '../../src/extraction/standing-duty.js';

const weights = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/extraction/candidate-weights.json'), 'utf8'));
const cue = (type: Cue['type'], standing = false): Cue =>
  ({ type, at: 0, clauseStart: 0, actionStart: 0, subject: 'The parties', passive: false, weak: false, standing }) as Cue;
// The kind features of a deed with no time phrase, its frame and cue as given, no coordinated part, no start date.
const kindOf = (type: Cue['type'], action: string, frame: string) =>
  standingFeatures({ cue: cue(type), action, frame, partStanding: false, startsDuty: false });

describe('the standing-duty step', () => {
  it('is trained with the scorer and stored beside its weights', () => {
    expect(weights.kind.threshold).toBe(0.5);
    // The hand lexicon is one feature among the others, and still points to `ongoing`.
    expect(weights.kind.weights.kind_lexicon_standing).toBeGreaterThan(0);
  });

  it('reads a "continue to" left in a list item\'s frame as a standing duty', () => {
    const f = kindOf('infinitive', 'campaign against the airport expansion', '8) continue to ');
    expect(f).toMatchObject({ kind_lexicon_standing: 1, 'kind_verb=campaign': 1 });
  });

  it('marks a limit on every occasion ("only", "no more than") for the model to weigh', () => {
    const limit = (action: string) => kindOf('modal', action, 'The Senate will ');
    expect(limit('forward no more than two names for each seat')).toMatchObject({ kind_restrictive: 1 });
    expect(limit('only receive critical fixes')).toMatchObject({ kind_restrictive: 1 });
    expect(limit('forward two names')).not.toHaveProperty('kind_restrictive');
  });

  it('reads the verb past a modal or an adverb left in the action ("Will keep working on …")', () => {
    const f = (action: string) => kindOf('shorthand', action, 'Sam: ');
    expect(f('Will keep working on the build script')).toMatchObject({ kind_lexicon_standing: 1, 'kind_verb=keep': 1 });
    expect(f('actively stage joint events')).toMatchObject({ 'kind_verb=stage': 1 });
    expect(f('just contain the install notes')).toMatchObject({ 'kind_verb=contain': 1 });
  });

  it('reads the verb after a nominal cue\'s "to" ("the determination … to confront")', () => {
    const f = kindOf('nominal', 'to avoid competitive devaluation', 'We reaffirm our commitment ');
    expect(f).toMatchObject({ kind_lexicon_standing: 1, 'kind_verb=avoid': 1, 'kind_frame=commit': 1, 'kind_frame=reaffirm': 1 });
  });

  it('falls back to the hand lexicon when no kind model is given', () => {
    const standing = kindOf('modal', 'refrain from any action', 'The parties shall ');
    const deed = kindOf('modal', 'appoint a liaison officer', 'The parties shall ');
    expect(isStandingDuty(standing)).toBe(true);
    expect(isStandingDuty(deed)).toBe(false);
  });

  it('gives a prohibition and a one-off deed without a date their kinds', () => {
    const text = 'The two Governments shall refrain from any hostile propaganda. The two Governments will appoint a joint commission.';
    expect(extractCommitments(text, { date: '2025-03-03' }).map((i) => i.deadline.kind)).toEqual(['ongoing', 'none']);
  });

  it.each<[string, string, string]>([
    ['The venue of each meeting would be ', 'decided on a rotation basis', 'kind_frequency'],
    ['The Committee shall ', 'meet often enough to complete its work', 'kind_frequency'],
    ['In future, all donations will ', 'be scrutinised', 'kind_durative'],
    ['The usual notice will ', 'be given', 'kind_durative'],
    ['The Senate will ', 'forward two names for each representative', 'kind_quantified'],
    ['The completion of this work would ', 'be monitored', 'kind_atelic'],
    ['The company will ', 'retain its current employees', 'kind_atelic'],
    ['The ministers will ', 'consult one another routinely before each summit', 'kind_durative'],
    ['The trust will ', 'publish its progress along the way', 'kind_durative'],
    ['Recycled paper will ', 'be used where available', 'kind_durative'],
    ['The club will ', 'fund the team for as long as it takes', 'kind_durative'],
    ['Reviewers should ', 'adapt the rule on a case-to-case basis', 'kind_habitual'],
    ['Any urgent request will ', 'be answered by the secretary', 'kind_quantified'],
    ['In the notes, every member ', 'bring a dish', 'kind_quantified'],
  ])('reads a standing shape in "%s%s" (%s)', (frame, action, feature) => {
    const f = kindOf('modal', action, frame);
    expect(f[feature]).toBe(1);
  });
});
