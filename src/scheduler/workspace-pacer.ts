/**
 * Paces sends to one workspace at the rate its platform allows, learned from 429s: platforms do not
 * announce their limits (Slack: "several hundred a minute", varying). The platform's limit behaves
 * like a bucket that refills at a steady rate; a 429 means it is empty. Two 429s a while apart with
 * sending kept up in between bracket an empty bucket twice, so the sends accepted between them over
 * the time between them is the refill rate. Until it has measured, the pacer sends freely; after
 * the first 429 it pauses briefly (letting the bucket refill) and sends freely again until the
 * second, which gives the rate. From then it sends a little under that rate and creeps up, so a
 * raised limit is found again. Times are epoch milliseconds from the caller's clock.
 */
export interface PacerOptions {
  /** Pause after the first 429, so the bucket refills and the next saturation is measurable. */
  measurePauseMs: number;
  /** A shorter gap between 429s than this is the same empty bucket seen by sends in flight. */
  minWindowMs: number;
  /** Longer than this without a 429 and the old measurement no longer describes the bucket. */
  maxWindowMs: number;
  /** Send at this fraction of the measured rate. */
  safety: number;
  /** Linear creep of the rate per second since it was last set (finds a raised limit). */
  growthPerSecond: number;
}

export const DEFAULT_PACER: PacerOptions = { measurePauseMs: 1_000, minWindowMs: 1_000, maxWindowMs: 30_000, safety: 0.95, growthPerSecond: 0.03 };

export class WorkspacePacer {
  /** Measured messages per second; undefined until two 429s have bracketed a window. */
  private rate?: number;
  private rateSetAt = 0;
  /** Theoretical time of the next send (virtual scheduling): a send may go at or after it. */
  private nextAt = 0;
  private pausedUntil = 0;
  /** The last 429 that started a measurement window, and the sends accepted since. */
  private anchor?: { at: number; accepted: number };
  /** Where rows sent back to the database wait their turn, spaced at the rate. */
  private deferCursor = 0;
  /** Bumped on every 429: a send waiting on a slot taken before it must take a new one. */
  epoch = 0;

  constructor(private readonly options: PacerOptions = DEFAULT_PACER) {}

  /** Milliseconds between sends now; 0 while the rate is unknown. */
  intervalMs(now: number): number {
    if (this.rate === undefined) return 0;
    const seconds = Math.max(0, now - this.rateSetAt) / 1000;
    return 1000 / (this.rate * (1 + this.options.growthPerSecond * seconds));
  }

  /** The rate sends go at now (messages per second), or undefined while unknown. */
  currentRate(now: number): number | undefined {
    const interval = this.intervalMs(now);
    return interval > 0 ? 1000 / interval : undefined;
  }

  /** Earliest time a send may go. */
  earliest(now: number): number {
    return Math.max(now, this.nextAt, this.pausedUntil);
  }

  /** Takes the slot at `at` (from `earliest`). */
  reserve(at: number): void {
    this.nextAt = Math.max(this.nextAt, at) + this.intervalMs(at);
  }

  /** A time to hand a row back to the database for: after the rows already handed back. */
  deferSlot(now: number): number {
    const at = Math.max(this.deferCursor, this.earliest(now));
    this.deferCursor = at + Math.max(this.intervalMs(now), 1);
    return at;
  }

  accepted(): void {
    if (this.anchor) this.anchor.accepted++;
  }

  /** A 429: the bucket is empty now. */
  limited(now: number, retryAfterMs: number): void {
    this.epoch++;
    const anchor = this.anchor;
    if (!anchor || now - anchor.at > this.options.maxWindowMs) {
      this.anchor = { at: now, accepted: 0 };
      this.pausedUntil = now + Math.min(retryAfterMs, this.options.measurePauseMs);
      this.nextAt = this.deferCursor = this.pausedUntil;
      return;
    }
    const window = now - anchor.at;
    if (window < this.options.minWindowMs) {
      // In-flight sends meeting the same empty bucket; when already pacing, ease off a little.
      if (this.rate !== undefined) this.setRate(now, this.currentRate(now)! * 0.85);
      return;
    }
    this.setRate(now, Math.max(0.2, ((anchor.accepted * 1000) / window) * this.options.safety));
    this.anchor = { at: now, accepted: 0 };
  }

  private setRate(now: number, rate: number): void {
    this.rate = rate;
    this.rateSetAt = now;
    this.nextAt = this.deferCursor = now + 1000 / rate;
  }
}
