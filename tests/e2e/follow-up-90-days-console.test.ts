// Issue 11's test in the console: the seed meeting's 90 simulated days through the real console
// adapter (typed lines in, printed text out), with the injected clock, asserted on what it printed.
// The console has no buttons: presses are typed as the words its messages say to type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpChecks } from '../helpers/follow-up-checks.js';
import { runSeedScenario, type SimResult } from '../helpers/follow-up-sim.js';
import { consolePlatform } from '../helpers/follow-up-sim-console.js';

let sim: SimResult;
beforeAll(async () => {
  sim = await runSeedScenario(consolePlatform());
}, 120_000);
afterAll(() => sim?.close());

describe('90 days of the seed meeting in the console', () => {
  followUpChecks(() => sim, { buttons: false });

  it("an owner's daily message says what to type, and typing it answers: sara keeps ~5 Feb, hina's duty is still kept", () => {
    const [keep, review] = sim.presses.filter((p) => p.kind !== 'done');
    expect(keep.on.read).toMatch(/To answer, type:\n\s*C-1 — Keep ~5 Feb: edit C-1 due 2024-02-05 · /);
    expect(keep.ok).toBe(true);
    expect(review.on.read).toMatch(/C-3 — Still kept: review C-3 kept · It has ended: review C-3 ended · Not kept: review C-3 not-kept/);
    expect(review.toPresser).toMatch(/C-3 is still being kept/);
  });

  it('the channel came back when a command succeeded there, and says so', () => {
    const back = sim.answers.find((a) => a.at.getTime() === sim.blocked.to.getTime())!;
    expect(back.text).toContain('I can post here again: this channel’s digests resume.');
  });
});
