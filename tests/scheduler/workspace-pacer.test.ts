// The workspace pacer learns a platform's unannounced send rate from 429s alone. Driven here with
// explicit times (no clock, no timers): what it allows in flight before it knows, what two 429s a
// while apart teach it, and that only time spent sending at the pace makes it creep up.
import { expect, it } from 'vitest';
import { DEFAULT_PACER, WorkspacePacer } from '../../src/scheduler/workspace-pacer.js';

/** Sends taken one after another at `at`, each accepted by the platform. */
function sendAccepted(pacer: WorkspacePacer, at: number, count: number): void {
  for (let i = 0; i < count; i++) {
    const done = pacer.reserve(at, at);
    pacer.accepted();
    done(true);
  }
}

/** A pacer that has measured 10 messages a second: a 429 at 0, a pause, then 20 accepted and a 429 at 2 s. */
function measuredAtTen(): WorkspacePacer {
  const pacer = new WorkspacePacer({ ...DEFAULT_PACER, safety: 1 });
  pacer.limited(0, 1_000);
  sendAccepted(pacer, 1_000, 20);
  pacer.limited(2_000, 1_000);
  return pacer;
}

it('before its first 429 keeps only a few sends in flight: each one in flight when the bucket empties is refused too', () => {
  const pacer = new WorkspacePacer();
  const open: ((sent?: boolean) => void)[] = [];
  while (pacer.hasRoom()) open.push(pacer.reserve(0));
  expect(open).toHaveLength(DEFAULT_PACER.unmeasuredInFlight);
  // Accepted sends widen the window, up to its ceiling and no further.
  for (let i = 0; i < 50; i++) pacer.accepted();
  while (pacer.hasRoom()) open.push(pacer.reserve(0));
  expect(open).toHaveLength(DEFAULT_PACER.maxUnmeasuredInFlight);
  expect(pacer.currentRate()).toBeUndefined();
});

it('pauses after the first 429, and measures the rate from the sends accepted between two 429s', () => {
  const pacer = new WorkspacePacer();
  pacer.limited(10_000, 3_000);
  // The pause is the shorter of Retry-After and the measuring pause: the bucket refills meanwhile.
  expect(pacer.earliest(10_000)).toBe(10_000 + DEFAULT_PACER.measurePauseMs);
  sendAccepted(pacer, 11_000, 40);
  pacer.limited(12_000, 1_000);
  // 40 accepted over the 2 s between the two empty buckets: 20 a second, sent at the safety margin.
  expect(pacer.currentRate()).toBeCloseTo(20 * DEFAULT_PACER.safety, 5);
  expect(pacer.hasRoom()).toBe(true);
});

it('a send in flight before a 429 teaches nothing new when it is refused too', () => {
  const pacer = measuredAtTen();
  const epoch = pacer.epoch;
  pacer.limited(5_000, 1_000, epoch);
  const rate = pacer.currentRate();
  pacer.limited(5_010, 1_000, epoch);
  expect(pacer.currentRate()).toBe(rate);
});

it('creeps up only for sends made at the pace, not while rows trickle in', () => {
  const trickled = measuredAtTen();
  // Ten rows, each arriving long after its turn was free: the platform never saw the pace.
  for (let t = 10_000; t < 20_000; t += 1_000) trickled.reserve(t, t)(true);
  expect(trickled.currentRate()).toBeCloseTo(10, 5);

  const paced = measuredAtTen();
  // A backlog: 100 rows take the next turns at the pace at once (about ten seconds of them), then go in turn.
  const turns: { at: number; done: (sent?: boolean) => void }[] = [];
  for (let i = 0; i < 100; i++) {
    const at = paced.earliest(2_000);
    turns.push({ at, done: paced.reserve(at, 2_000) });
  }
  // The turns taken ahead already go at the pace the creep will have reached by then.
  const gaps = turns.slice(1).map((t, i) => t.at - turns[i].at);
  expect(gaps.at(-1)!).toBeLessThan(gaps[0] * 0.85);
  for (const turn of turns) turn.done(true);
  const grown = paced.currentRate()!;
  expect(grown).toBeGreaterThan(10 * (1 + DEFAULT_PACER.growthPerSecond * 5));
  expect(grown).toBeLessThan(10 * (1 + DEFAULT_PACER.growthPerSecond * 11));
});

it('a turn given back unsent (a 429 arrived while it waited) is no evidence for the creep', () => {
  const pacer = measuredAtTen();
  for (let i = 0; i < 50; i++) pacer.reserve(pacer.earliest(2_000), 2_000)();
  expect(pacer.currentRate()).toBeCloseTo(10, 5);
});
