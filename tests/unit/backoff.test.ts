import { expect, it } from 'vitest';
import { transientDelay } from '../../src/scheduler/backoff.js';

const options = { baseMs: 1_000, maxMs: 60_000 };

it('stays inside [0.5, 1.5) of the exponential step, even for a random draw just under 1', () => {
  expect(transientDelay(0, options, () => 0)).toBe(500);
  expect(transientDelay(0, options, () => 0.99999)).toBeLessThan(1_500);
  expect(transientDelay(1, options, () => 0.99999)).toBeLessThan(3_000);
});

it('caps at maxMs before the jitter', () => {
  expect(transientDelay(40, options, () => 0.5)).toBe(60_000);
});
