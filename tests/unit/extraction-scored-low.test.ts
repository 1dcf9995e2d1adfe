// Flags that once vetoed real promises (exclusions.ts OWN_RESOLVE, detect-cues.ts HAVE_DONE): a party's own
// stated resolve after a reaction verb, and "have" as a deed. Our own sentences, shaped like the real ones
// that were scored low; read on the features, so the weights do not matter.
import { describe, expect, it } from 'vitest';
import { scoreCandidates } from '../../src/extraction/extract-commitments.js';

const flagsOf = (text: string, action: RegExp) => {
  const candidate = scoreCandidates(text, { date: '2025-03-03' }).candidates.find((c) => action.test(c.item.action));
  if (!candidate) throw new Error(`no candidate for ${action} in: ${text}`);
  return Object.keys(candidate.features);
};

describe("a party's own resolve after a reaction verb", () => {
  it('is not a reaction when it names a deed', () => {
    expect(flagsOf('The two ministers expressed their willingness to extend the programme.', /extend the programme/)).not.toContain(
      'noncommittal_scope',
    );
    expect(flagsOf('We underlined our determination to reduce the backlog.', /reduce the backlog/)).not.toContain('noncommittal_scope');
  });

  it('stays a reaction when the resolve names no deed', () => {
    expect(flagsOf('Both sides expressed their commitment to the early conclusion of the talks.', /conclusion/)).toContain(
      'noncommittal_scope',
    );
    expect(flagsOf('The mayor emphasized his commitment to further strengthening the ties.', /strengthening/)).toContain(
      'noncommittal_scope',
    );
  });
});

describe('"have" as a deed', () => {
  it('reads holding an event or getting something done as a deed', () => {
    expect(flagsOf('We will have a stall at the summer fair.', /stall/)).not.toContain('state_verb');
    expect(flagsOf('The secretary agreed to have a go at rewriting the rules.', /rewriting/)).not.toContain('state_verb');
    expect(flagsOf('The council will have the hedges trimmed before spring.', /hedges/)).not.toContain('state_verb');
  });

  it('keeps a right or a quantity a state', () => {
    expect(flagsOf('The chair shall have the authority to adjourn the meeting.', /authority/)).toContain('state_verb');
    expect(flagsOf('Members will have ample time to comment.', /ample time/)).toContain('state_verb');
  });
});
