/**
 * Slack-like rate limits for the fake Web API, drawn at random per run and never announced: each
 * workspace takes R messages a second (R drawn from 10–30, a bucket of R), each channel one a
 * second with a burst of 3; beyond either, HTTP 429 with Retry-After in whole seconds, as Slack
 * answers. Keeps what it admitted so a run can be compared with the least time those limits allow.
 */
class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly rate: number,
    readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  /** Milliseconds until a token is there (0: one is there now). */
  wait(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.rate) * 1000;
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
  }
}

export interface LimitsOptions {
  workspaces: string[];
  /** Which workspace a channel or DM belongs to (the fake serves them all on one token). */
  workspaceOf(channel: string): string;
  random?: () => number;
  minPerSecond?: number;
  maxPerSecond?: number;
  channelPerSecond?: number;
  channelBurst?: number;
}

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

export class FakeRateLimits {
  /** The drawn messages-per-second of each workspace. */
  readonly workspaceRate = new Map<string, number>();
  readonly channelPerSecond: number;
  readonly channelBurst: number;
  accepted = 0;
  rejected = 0;
  firstAttemptAt?: number;
  lastAcceptedAt?: number;
  private readonly perWorkspace = new Map<string, TokenBucket>();
  private readonly perChannel = new Map<string, TokenBucket>();
  private readonly acceptedIn = new Map<string, number>();
  /** Per workspace: first and last accepted post, and 429s served (and when). */
  readonly timeline = new Map<string, { first: number; last: number; rejected: number; rejectedAt: number[]; acceptedAt: number[] }>();
  private readonly acceptedByChannel = new Map<string, number>();

  constructor(private readonly options: LimitsOptions) {
    const random = options.random ?? Math.random;
    const [min, max] = [options.minPerSecond ?? 10, options.maxPerSecond ?? 30];
    this.channelPerSecond = options.channelPerSecond ?? 1;
    this.channelBurst = options.channelBurst ?? 3;
    for (const ws of options.workspaces) this.workspaceRate.set(ws, Math.round(min + random() * (max - min)));
  }

  /** Admits one post to `channel` now, or says how long to wait. */
  admit(channel: string, now = performance.now()): Admission {
    this.firstAttemptAt ??= now;
    const workspace = this.options.workspaceOf(channel);
    const wsBucket = this.bucket(
      this.perWorkspace,
      workspace,
      this.workspaceRate.get(workspace) ?? 10,
      this.workspaceRate.get(workspace) ?? 10,
      now,
    );
    const chBucket = this.bucket(this.perChannel, channel, this.channelPerSecond, this.channelBurst, now);
    const wait = Math.max(wsBucket.wait(now), chBucket.wait(now));
    const line = this.timeline.get(workspace) ?? { first: Number.NaN, last: Number.NaN, rejected: 0, rejectedAt: [], acceptedAt: [] };
    this.timeline.set(workspace, line);
    if (wait > 0) {
      this.rejected++;
      line.rejected++;
      line.rejectedAt.push(now);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    }
    wsBucket.take(now);
    chBucket.take(now);
    this.accepted++;
    this.lastAcceptedAt = now;
    if (Number.isNaN(line.first)) line.first = now;
    line.last = now;
    line.acceptedAt.push(now);
    this.acceptedIn.set(workspace, (this.acceptedIn.get(workspace) ?? 0) + 1);
    this.acceptedByChannel.set(channel, (this.acceptedByChannel.get(channel) ?? 0) + 1);
    return { ok: true };
  }

  /**
   * The least time the drawn limits allow for what was admitted, from a standing start with every
   * bucket full: each workspace's messages beyond its bucket at its rate, each channel's beyond its burst.
   */
  minimumMs(): number {
    let ms = 0;
    for (const [ws, n] of this.acceptedIn) {
      const rate = this.workspaceRate.get(ws)!;
      ms = Math.max(ms, (Math.max(0, n - rate) / rate) * 1000);
    }
    for (const n of this.acceptedByChannel.values()) ms = Math.max(ms, (Math.max(0, n - this.channelBurst) / this.channelPerSecond) * 1000);
    return ms;
  }

  /** From the first attempt to the last accepted post. */
  elapsedMs(): number {
    return this.firstAttemptAt === undefined || this.lastAcceptedAt === undefined ? 0 : this.lastAcceptedAt - this.firstAttemptAt;
  }

  private bucket(map: Map<string, TokenBucket>, key: string, rate: number, capacity: number, now: number): TokenBucket {
    let bucket = map.get(key);
    if (!bucket) map.set(key, (bucket = new TokenBucket(rate, capacity, now)));
    return bucket;
  }
}
