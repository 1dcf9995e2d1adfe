// Clause-structure features the scorer learns from: whether the subject can act, the verb class of
// the deed, money in it, a question, a verbless line (our own sentences, shaped like real ones).
import { describe, expect, it } from 'vitest';
import { clauseFeatures } from '../../src/extraction/clause-features.js';

/** The features of the promise cued by `cue` (the action runs from after the cue to the end). */
function featuresAt(text: string, cue: string, subject: string): string[] {
  const at = text.indexOf(cue);
  const actionStart = at + cue.length + 1;
  return clauseFeatures(text, { clauseStart: 0, at, actionStart, actionEnd: text.length, subject });
}

describe('clause features', () => {
  it('tells a subject that can act from one that only happens', () => {
    expect(featuresAt('The Clerk will write to the county council.', 'will', 'The Clerk')).toContain('agency_agent');
    expect(featuresAt('The parish council will repair the fence.', 'will', 'The parish council')).toContain('agency_agent');
    expect(
      featuresAt('The recommendation to close our plant will better align our costs.', 'will', 'The recommendation to close our plant'),
    ).toContain('agency_abstract');
    expect(featuresAt('It will take a long time.', 'will', 'It')).toContain('agency_thing');
  });

  it('names the verb class of the deed, and nothing for a verb outside the classes', () => {
    expect(featuresAt('Anna will send the minutes.', 'will', 'Anna')).toContain('lemma_communicate');
    expect(featuresAt('Anna will review the draft.', 'will', 'Anna')).toContain('lemma_examine');
    expect(featuresAt('Anna will juggle the plates.', 'will', 'Anna').filter((f) => f.startsWith('lemma_'))).toEqual([]);
  });

  it('marks money in the deed, a question, and a hedge', () => {
    expect(featuresAt('The company will record charges of $5.0 million.', 'will', 'The company')).toContain('money_in_action');
    expect(featuresAt('How should we publish the template?', 'should', 'we')).toContain('question_like');
    expect(featuresAt('Should we ask the leads for feedback', 'Should', '')).toContain('question_like');
    // A notes line that drops its subject is a task, not a question.
    expect(featuresAt('Will write up the notes today.', 'Will', '')).not.toContain('question_like');
    expect(featuresAt('The new builders should hopefully provide more capacity.', 'should', 'The new builders')).toContain('hedge_adverb');
  });
});
