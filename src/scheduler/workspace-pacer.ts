/**
 * Paces sends to one workspace at the rate its platform allows, learned from 429s: platforms do not
 * announce their limits (Slack: "several hundred a minute", varying). The platform's limit behaves
 * like a bucket that refills at a steady rate; a 429 means it is empty. Two 429s a while apart with
 * sending kept up in between bracket an empty bucket twice, so the sends accepted between them over
 * the time between them is the refill rate. Until it has measured, the pacer sends freely; after
 * the first 429 it pauses briefly (letting the bucket refill) and sends freely again until the
 * second, which gives the rate. From then it sends a little under that rate and creeps up, so a
 * raised limit is found again. It creeps only for time spent sending at the pace (rows waiting
 * their turn): a stretch where rows only trickle in says nothing about what the bucket would take,
 * and a rate grown through it overshot as soon as a burst came. While the rate is unknown only a
 * few sends are in flight at once: every one in flight when the bucket empties is refused too, so
 * that number is what a saturation costs in 429s. Times are epoch milliseconds from the caller's clock.
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
  /** Linear creep of the rate per second spent sending at the pace since it was last set (finds a raised limit). */
  growthPerSecond: number;
  /** Sends in flight at once while the rate is unknown: what overshoots the first empty bucket. */
  unmeasuredInFlight: number;
  maxUnmeasuredInFlight: number;
}

export const DEFAULT_PACER: PacerOptions = {
  measurePauseMs: 1_000,
  minWindowMs: 1_000,
  maxWindowMs: 30_000,
  safety: 0.95,
  growthPerSecond: 0.03,
  unmeasuredInFlight: 2,
  maxUnmeasuredInFlight: 4,
};

export class WorkspacePacer {
  /** Measured messages per second; undefined until two 429s have bracketed a window. */
  private rate?: number;
  /** Milliseconds spent sending at the pace since the rate was set: what the creep grows with. */
  private pacedMs = 0;
  /** Theoretical time of the next send (virtual scheduling): a send may go at or after it. */
  private nextAt = 0;
  private pausedUntil = 0;
  /** The last 429 that started a measurement window, and the sends accepted since. */
  private anchor?: { at: number; accepted: number };
  /** Rows handed back to the database to wait their turn, not yet claimed again. */
  private readonly handedBack = new Set<number>();
  /** Bumped on every 429: a send waiting on a slot taken before it must take a new one. */
  epoch = 0;
  private inFlight = 0;
  /** While the rate is unknown: sends in flight allowed, grown by each accepted send until the first 429 (slow start). */
  private window: number;
  private readonly roomWaiters: (() => void)[] = [];

  constructor(private readonly options: PacerOptions = DEFAULT_PACER) {
    this.window = options.unmeasuredInFlight;
  }

  /** Milliseconds between sends now; 0 while the rate is unknown. */
  intervalMs(aheadMs = 0): number {
    if (this.rate === undefined) return 0;
    return 1000 / (this.rate * (1 + (this.options.growthPerSecond * (this.pacedMs + aheadMs)) / 1000));
  }

  /** The rate sends go at now (messages per second), or undefined while unknown. */
  currentRate(): number | undefined {
    const interval = this.intervalMs();
    return interval > 0 ? 1000 / interval : undefined;
  }

  /** Earliest time a send may go. */
  earliest(now: number): number {
    return Math.max(now, this.nextAt, this.pausedUntil);
  }

  /** Whether another send may take a turn now (while the rate is unknown, only a few at once). */
  hasRoom(): boolean {
    return this.rate !== undefined || this.inFlight < this.window;
  }

  /** Resolves when a send ends (or `wakeAll`); the caller checks `hasRoom` again. */
  room(): Promise<void> {
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  wakeAll(): void {
    for (const wake of this.roomWaiters.splice(0)) wake();
  }

  /**
   * Takes the slot at `at` (from `earliest`); `done(true)` when the platform took the send, `done()`
   * when it is over otherwise or given back.
   */
  reserve(at: number, now = at): (sent?: boolean) => void {
    // A turn that had to wait for the pace (rows in line behind it), not one free long before it came.
    const paced = this.rate !== undefined && this.nextAt >= now;
    // A turn taken ahead is backlog too: it goes at the pace the creep will have reached by then, or
    // a line reserved at once (300 rows, half a minute) went at the first measured rate to its end.
    const interval = this.intervalMs(paced ? Math.max(0, at - now) : 0);
    const rateAt = this.rate;
    this.nextAt = Math.max(this.nextAt, at) + interval;
    this.inFlight++;
    let open = true;
    return (sent = false) => {
      if (!open) return;
      open = false;
      this.inFlight--;
      // Evidence for the creep: a send taken at the pace, at the rate still in force.
      if (sent && paced && rateAt === this.rate) this.pacedMs += interval;
      this.roomWaiters.shift()?.();
    };
  }

  /** When row `id`, handed back to the database, gets its turn: after those in memory and those handed back before it. */
  handBack(id: number, now: number): number {
    const at = this.earliest(now) + this.handedBack.size * this.intervalMs();
    this.handedBack.add(id);
    return at;
  }

  /** Row `id` was claimed again. */
  reclaimed(id: number): void {
    this.handedBack.delete(id);
  }

  accepted(): void {
    if (this.anchor) this.anchor.accepted++;
    else this.window = Math.min(this.options.maxUnmeasuredInFlight, this.window + 0.5);
  }

  /** A 429: the bucket is empty now. `sentInEpoch`: the epoch the refused send took its turn in. */
  limited(now: number, retryAfterMs: number, sentInEpoch = this.epoch): void {
    // A send that took its turn before the last 429 met the same empty bucket: nothing new learned.
    if (sentInEpoch !== this.epoch) return;
    this.epoch++;
    const anchor = this.anchor;
    if (!anchor || now - anchor.at > this.options.maxWindowMs) {
      this.anchor = { at: now, accepted: 0 };
      this.pausedUntil = now + Math.min(retryAfterMs, this.options.measurePauseMs);
      this.nextAt = this.pausedUntil;
      return;
    }
    const window = now - anchor.at;
    if (window < this.options.minWindowMs) {
      // Too soon to measure again: sending at the new pace still empties the bucket, so ease off.
      if (this.rate !== undefined) this.setRate(now, this.currentRate()! * 0.85);
      return;
    }
    this.setRate(now, Math.max(0.2, ((anchor.accepted * 1000) / window) * this.options.safety));
    this.anchor = { at: now, accepted: 0 };
  }

  private setRate(now: number, rate: number): void {
    if (this.rate === undefined) this.wakeAll();
    this.rate = rate;
    this.pacedMs = 0;
    this.nextAt = now + 1000 / rate;
  }
}
