/** Exponential backoff with jitter for transient delivery failures, so retries never march in step. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 60 * 60_000 };

/** Delay before attempt `attempts + 1`: base·2^attempts, capped, times a random factor in [0.5, 1.5). */
export function transientDelay(attempts: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempts, 30));
  // floor, not round: round turns 1.4999… into 1.5 and breaks the half-open range the comment promises.
  return Math.floor(exponential * (0.5 + random()));
}
