// How meeting notes say a promise: "is going to", "won't", and "Action <Name>:" (detect-cues.ts MODAL,
// split-sentences.ts ACTION_LABEL). Our own lines, shaped like the real notes that were missed; read on
// every candidate, so the weights do not matter.
import { describe, expect, it } from 'vitest';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

const DATE = '2025-03-03';
const found = (text: string) => extractEveryCandidate(text, { date: DATE });

describe('"going to" and "won\'t" as promises', () => {
  it('reads "is going to", "are going to" and "\'s going to" as a promise of the deed', () => {
    expect(found('Sam is going to update the docs.').map((c) => c.action)).toContain('update the docs');
    expect(found('They are going to contact the package owner.').map((c) => c.action)).toContain('contact the package owner');
    expect(found("Priya's going to book the room.").map((c) => c.action)).toContain('book the room');
    expect(found("I'm going to send the notes.").map((c) => c.action)).toContain('send the notes');
  });

  it('keeps the refusal in the words of a "won\'t" and reads it as a standing duty', () => {
    const [refusal] = found("The team won't merge features before the freeze.");
    expect(refusal.action).toMatch(/^won't merge features/);
    expect(refusal.deadline.kind).not.toBe('exact');
  });

  it('does not read a forecast or a past plan as a promise', () => {
    expect(found("It's going to rain.")).toEqual([]);
    expect(found('We were going to meet but did not.')).toEqual([]);
  });
});

describe('an "Action <Name>:" line', () => {
  it('reads the line as a task, as after "ACTION"', () => {
    const [labelled] = found('ACTION Magnus: Update the governance guide accordingly.');
    const [task] = found('Action Magnus: Update the governance guide accordingly.');
    expect(task.action).toBe('Update the governance guide accordingly');
    expect(task.confidence).toBe(labelled.confidence);
    // The name cut from the line as its label owns the task.
    expect(task.parties).toEqual(['Magnus']);
    expect(labelled.parties).toEqual(['Magnus']);
  });
});
