// Minutes' motions wherever the motion word sits, a passive task with an irregular participle, and notes'
// to-do marks (detect-cues.ts MOTION, TASK_INFINITIVE; split-sentences.ts TODO_MARK, ACTION_LABEL). Our own
// lines, shaped like the real ones that got no candidate; read on every candidate, so the weights do not matter.
import { describe, expect, it } from 'vitest';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

const DATE = '2025-03-03';
const actions = (text: string) => extractEveryCandidate(text, { date: DATE }).map((c) => c.action);

describe('a motion anywhere in the sentence', () => {
  it('does not read a news "moved to" (taking a step) as a motion', () => {
    expect(actions('The two neighbours moved to put a tense fortnight behind them.')).toEqual([]);
    expect(actions('Cllr Lee moved to buy a new mower; seconded by Cllr Ray.').join(' ')).toMatch(/buy a new mower/);
  });

  it('reads "one of the purposes of his visit was to" as a purpose, not a deed', () => {
    const [purpose] = extractEveryCandidate('He said one of the purposes of his visit was to send a message to the groups.', {
      date: DATE,
    });
    expect(purpose?.confidence ?? 0).toBeLessThan(0.2);
  });

  it('reads the deed of a motion that does not open the sentence', () => {
    expect(actions('After some discussion a motion to repaint the bandstand was made by Lee, seconded by Ray.').join(' ')).toMatch(
      /repaint the bandstand/,
    );
    expect(actions('A motion by Lee and a second by Ray to buy two benches for the green.').join(' ')).toMatch(/buy two benches/);
    expect(actions('M/S/P (5-0-0) to immediately raise the hall fee to $40.').join(' ')).toMatch(/raise the hall fee/);
    expect(actions('Ann moved, Joe seconded for Pat to order the new signs.').join(' ')).toMatch(/order the new signs/);
  });

  it('reads approving a purchase as the deed, and leaves procedure alone', () => {
    expect(actions('Motion to approve purchase of a printer for the office by Lee, seconded by Ray.').join(' ')).toMatch(
      /purchase of a printer/,
    );
    expect(actions('Motion to approve the minutes by Lee, seconded by Ray.')).toEqual([]);
    expect(actions('The Board voted unanimously to adjourn at 8:40 p.m.')).toEqual([]);
  });
});

describe('a passive task and a to-do mark', () => {
  it('reads "X to be made" as it reads "X to be arranged"', () => {
    expect(actions('Car Park – Repairs to be made to the gate before winter.').join(' ')).toMatch(/Repairs to be made/);
  });

  it('reads an assignee at the end of a line as its owner', () => {
    const [task] = extractEveryCandidate('- [Migrate the build to the new runner](https://example.org/issues/12) (to Priya)', {
      date: DATE,
    });
    expect(task.parties).toContain('Priya');
  });

  it('reads a bare "TODO" before a verb as an action label', () => {
    expect(actions('- TODO write a short guide to the new labels')).toContain('write a short guide to the new labels');
  });
});
