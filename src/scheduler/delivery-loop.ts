/**
 * The delivery loop: leases due outbox rows in batches, paces each send per workspace (a rate
 * learned from 429s, see WorkspacePacer) and per address (about one a second, Retry-After after a
 * 429), re-checks and renders the row, delivers it through the address's adapter and records the
 * message id. A row whose turn is near waits in memory without holding a send slot; one whose turn
 * is further off goes back to the database for that time, so a slow workspace or channel never
 * holds up the others. Transient failures back off with jitter; permanent ones fail the row and
 * mark the address inactive. A row is recorded sent right after its send, so a crash can duplicate
 * at most the sends in flight (≤ concurrency). `stop()` stops claiming and lets in-flight sends finish.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Clock } from '../ports/clock.js';
import { Permanent, RateLimited, platformOf, type ChatAdapter } from '../ports/chat-adapter.js';
import type { OutboxRow, Store } from '../store/store.js';
import { DEFAULT_BACKOFF, transientDelay, type BackoffOptions } from './backoff.js';
import { faultHookFrom, type FaultHook } from './fault-hook.js';
import { prepareRow, type Prepared } from './prepare-row.js';
import type { QuietHours } from '../reminders/quiet-hours.js';
import type { Reply } from '../replies/reply.js';
import { SendSlots } from './send-slots.js';
import { DEFAULT_PACER, WorkspacePacer, type PacerOptions } from './workspace-pacer.js';

/** Longest run of back-to-back re-checks in one lane before the event loop gets a turn. */
const TURN_MS = 10;
/** Re-checks in progress at once by default: SQLite's reads are synchronous, so they are rationed. */
const CHECK_LANES = 3;

/** What the platform saw of a send: it took it, it refused it with a 429, or nothing reached it. */
type Seen = 'sent' | 'refused' | 'no';

export interface DeliveryOptions {
  store: Store;
  clock: Clock;
  adapters: ReadonlyMap<string, ChatAdapter>;
  logger?: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** Sends in flight at once. */
  concurrency?: number;
  leaseMs?: number;
  /** How often the loop looks for due rows when it has nothing to do (retries come due without a tick). */
  pollMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  faults?: FaultHook;
  /** Slack takes about one message a second per channel: space sends to one address at least this far apart. */
  minIntervalPerAddressMs?: number;
  /** Owners' quiet hours: a digest that could not go out inside its grace window is recorded missed. */
  quietHours?: QuietHours;
  /** A leased row whose turn is at most this far off waits in memory; further off, it goes back to the database. */
  holdMs?: number;
  /** Rows leased per claim. */
  claimBatch?: number;
  /** Rows held in memory at most (leased, waiting for their turn or sending). */
  maxHeld?: number;
  pacer?: Partial<PacerOptions>;
  /** Re-checks in progress at once (3): a store whose reads are truly asynchronous (PostgreSQL) or a re-check done in another thread can take more. */
  checkLanes?: number;
  /** Re-checks and renders a row before its send (default: prepareRow here, on `store`; the app does it in the scheduler thread). */
  prepare?: (row: OutboxRow, now: Date) => Promise<Prepared>;
}

export class DeliveryLoop {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly minIntervalMs: number;
  private readonly holdMs: number;
  private readonly claimBatch: number;
  private readonly checkLanes: number;
  private readonly maxHeld: number;
  private readonly faults: FaultHook;
  private readonly slots: SendSlots;
  private readonly pacers = new Map<string, WorkspacePacer>();
  /** Per-address "not before": spacing after a send, Retry-After after a 429. Other addresses keep going. */
  private readonly addressNext = new Map<string, number>();
  /** Addresses with a send in flight in this process. */
  private readonly sending = new Set<string>();
  /** Rows leased and not yet finished, handed back or given up, by this process. */
  private readonly held = new Set<Promise<void>>();
  private readonly active = new Set<number>();
  /** Rows ready to send, waiting for a send slot: the claimer takes more only while these are few. */
  private queued = 0;
  /** Per workspace: rows waiting for its pacer to let another send go. A workspace with a full line is passed over by the claimer. */
  private readonly waitingForRoom = new Map<string, number>();
  /** Rows being re-checked or waiting for their re-check: counted with `queued`, so rows are not leased faster than they are checked. */
  private checking = 0;
  /** The claimer's nap, cut short by `wake()` (a tick wrote rows) or by a row coming due. */
  private napping?: () => void;
  /** Rows waiting for their turn, woken only by `stop()`. */
  private readonly waiting = new Set<() => void>();
  /** When rows this process handed back come due again (the claimer looks then). */
  private expected: number[] = [];
  private claimer?: Promise<void>;
  /** Re-checks waiting for their turn (see oneAtATime). */
  private readonly checks: (() => Promise<void>)[] = [];
  private lanes = 0;
  private stopping = false;

  constructor(private readonly options: DeliveryOptions) {
    this.concurrency = options.concurrency ?? 16;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.maxAttempts = options.maxAttempts ?? 20;
    this.minIntervalMs = options.minIntervalPerAddressMs ?? 1_000;
    // Well inside the lease, so a row waiting in memory is never taken over by another process.
    this.holdMs = options.holdMs ?? Math.min(30_000, this.leaseMs / 4);
    this.claimBatch = options.claimBatch ?? Math.max(16, this.concurrency * 4);
    this.checkLanes = options.checkLanes ?? CHECK_LANES;
    this.maxHeld = options.maxHeld ?? 5_000;
    this.faults = options.faults ?? faultHookFrom(process.env.FOLLOWTHROUGH_FAULT);
    this.slots = new SendSlots(this.concurrency);
  }

  start(): void {
    this.claimer = this.claimLoop();
  }

  /** Wakes the claimer (a tick just wrote rows). */
  wake(): void {
    this.napping?.();
  }

  /** Stops claiming, waits up to `graceMs` for in-flight sends, then hands back any leases. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.wake();
    for (const wake of [...this.waiting]) wake();
    for (const pacer of this.pacers.values()) pacer.wakeAll();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all([this.claimer, ...this.held]), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    await this.options.store.outbox.release(this.owner).catch(() => 0);
  }

  /** Delivers everything that may go now and hands the rest back for later, then returns (tests). */
  async drain(): Promise<void> {
    while (!this.stopping) {
      const rows = await this.claim(this.maxHeld - this.held.size);
      for (const row of rows) this.track(row, 0);
      if (rows.length === 0) {
        if (this.held.size === 0) break;
        await Promise.race(this.held);
      }
    }
    await Promise.all(this.held);
  }

  /** Figures for logs and benchmarks: each workspace's current send rate (undefined: not limited yet). */
  rates(): Map<string, number | undefined> {
    return new Map([...this.pacers].map(([ws, pacer]) => [ws, pacer.currentRate()]));
  }

  private async claimLoop(): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        // Claim only while the send slots, the workspace pacers and the re-checks keep up: a row must be
        // sent well within its lease. Otherwise the claimer kept adding to the back of those lines
        // faster than they moved (on a loaded machine, or with re-checks a thread round trip away),
        // every row reached the front with its lease nearly out, was handed back unsent, and claimed again.
        // A workspace whose pacer has a full line is passed over rather than stopping the claimer: rows
        // come in the order they fell due, and one workspace's 300 rows would hold every other
        // workspace's back until its own line had drained (the fan-out's later workspaces started 20 s late).
        const busy = this.queued >= this.concurrency || this.checking >= this.checkLanes + this.concurrency;
        const room = busy ? 0 : this.maxHeld - this.held.size;
        const rows = room > 0 ? await this.claim(Math.min(this.claimBatch, room), this.fullWorkspaces()) : [];
        for (const row of rows) this.track(row, this.holdMs);
        claimed = rows.length;
      } catch (err) {
        this.options.logger?.error({ err }, 'claiming outbox rows failed');
      }
      if (claimed < this.claimBatch && !this.stopping) await this.nap();
    }
  }

  private async claim(limit: number, skipWorkspaces: string[] = []): Promise<OutboxRow[]> {
    if (limit <= 0) return [];
    const { store, clock } = this.options;
    const rows = await store.outbox.claim(this.owner, clock.now(), this.leaseMs, limit, skipWorkspaces);
    for (const _ of rows) this.faults.reached('mid-claim');
    return rows;
  }

  /** Workspaces with a line of `concurrency` rows waiting for their pacer: more of theirs would only wait too. */
  private fullWorkspaces(): string[] {
    return [...this.waitingForRoom].filter(([, n]) => n >= this.concurrency).map(([ws]) => ws);
  }

  private track(row: OutboxRow, holdMs: number): void {
    // A row whose lease lapsed while it waited here, claimed again: the first handling still owns it.
    if (this.active.has(row.id)) return;
    this.active.add(row.id);
    const run: Promise<void> = this.process(row, holdMs)
      .catch((err: unknown) => this.options.logger?.error({ err, key: row.key }, 'delivery step failed'))
      .finally(() => {
        this.active.delete(row.id);
        this.held.delete(run);
        this.wake();
      });
    this.held.add(run);
  }

  /**
   * Waits for the row's turn (address spacing, then the workspace's pace) and sends it, or hands it
   * back when its turn is further off than `holdMs`. The row is re-checked and rendered right before
   * its send; one that can go at once is checked before it takes a turn, so a row cancelled since it
   * was written (done, snoozed) costs its address nothing.
   */
  private async process(row: OutboxRow, holdMs: number): Promise<void> {
    const { clock } = this.options;
    const pacer = this.pacerFor(row.workspaceId);
    pacer.reclaimed(row.id);
    let reply: Reply | undefined;
    while (!this.stopping) {
      const now = clock.now().getTime();
      const addressAt = Math.max(this.addressNext.get(row.address) ?? 0, this.sending.has(row.address) ? now + this.minIntervalMs : 0);
      if (addressAt - now > holdMs) return this.handBack(row, addressAt, holdMs, 'spacing sends to one address');
      if (pacer.earliest(now) - now > holdMs)
        return this.handBack(row, pacer.handBack(row.id, now), holdMs, 'pacing sends to the workspace');
      if (addressAt > now) {
        await this.pause(addressAt - now);
        continue;
      }
      if (!pacer.hasRoom()) {
        const ws = row.workspaceId;
        this.waitingForRoom.set(ws, (this.waitingForRoom.get(ws) ?? 0) + 1);
        await pacer.room();
        const left = this.waitingForRoom.get(ws)! - 1;
        if (left > 0) this.waitingForRoom.set(ws, left);
        else this.waitingForRoom.delete(ws);
        continue;
      }
      if (!reply && pacer.earliest(now) <= now) {
        reply = await this.prepare(row);
        if (!reply) return;
        continue;
      }
      // Slot and address taken in one synchronous step, so no other row can take either meanwhile.
      const at = pacer.earliest(now);
      const epoch = pacer.epoch;
      const before = this.addressNext.get(row.address);
      const ended = pacer.reserve(at, now);
      this.addressNext.set(row.address, at + this.minIntervalMs);
      const giveBack = () => {
        ended();
        if (this.addressNext.get(row.address) === at + this.minIntervalMs) this.restoreAddress(row.address, before);
      };
      if (at > now) {
        await this.pause(at - now);
        // A 429 arrived meanwhile: the turn was given at the old pace; take a new one.
        if (pacer.epoch !== epoch || this.stopping) {
          giveBack();
          continue;
        }
        reply = await this.prepare(row);
        if (!reply) return giveBack();
      }
      this.queued++;
      await this.slots.acquire();
      this.queued--;
      if (pacer.epoch !== epoch && !this.stopping) {
        this.slots.release();
        giveBack();
        reply = undefined;
        continue;
      }
      const leaseLeft = (row.leaseUntil ? Date.parse(row.leaseUntil) : Number.POSITIVE_INFINITY) - clock.now().getTime();
      if (this.stopping || leaseLeft < this.leaseMs / 4) {
        // Stopping, or the lease is nearly out (another process could take the row): do not send it now.
        this.slots.release();
        giveBack();
        if (!this.stopping) await this.handBack(row, now, 0, 'lease nearly out before the send');
        return;
      }
      let seen: Seen = 'no';
      try {
        seen = await this.send(row, reply!, pacer, epoch);
      } finally {
        this.slots.release();
        // Nothing reached the platform (a transient failure): the address owes no spacing for it.
        if (seen === 'no') giveBack();
        ended(seen === 'sent');
      }
      return;
    }
  }

  /**
   * Re-checks and renders the row now; undefined when it was finished instead (cancelled, missed) or
   * could not be checked (the scheduler thread died, the store failed): then it is retried later.
   */
  private async prepare(row: OutboxRow): Promise<Reply | undefined> {
    const { store, clock } = this.options;
    const prepare = this.options.prepare ?? ((r: OutboxRow, now: Date) => prepareRow(store, r, now, this.options.quietHours));
    let prepared: Prepared;
    this.checking++;
    try {
      prepared = await this.oneAtATime(() => {
        this.faults.reached('before-send');
        return prepare(row, clock.now());
      });
    } catch (error) {
      this.options.logger?.error({ err: error, key: row.key }, 'could not re-check an outbox row before its send');
      await this.retryTransient(row, `re-check failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      this.checking--;
      this.wake();
    }
    if ('reply' in prepared) return prepared.reply;
    await store.outbox.finish(row.id, this.owner, prepared.outcome, clock.now());
    return undefined;
  }

  /**
   * Runs `work` after the re-checks queued before it. SQLite reads are synchronous: rows ready
   * together would otherwise be re-checked back to back, holding up HTTP requests (Slack's 3-second
   * ack) for as long as all of them take. So re-checks run in a few lanes, each in turns of at most
   * TURN_MS with the event loop free between turns; on PostgreSQL the lanes overlap their round trips.
   */
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.checks.push(() => work().then(resolve, reject));
      if (this.lanes < this.checkLanes) void this.runLane();
    });
  }

  private async runLane(): Promise<void> {
    this.lanes++;
    try {
      while (this.checks.length > 0) {
        await yieldToEventLoop();
        const turnStarted = performance.now();
        while (this.checks.length > 0 && performance.now() - turnStarted < TURN_MS) await this.checks.shift()!();
      }
    } finally {
      this.lanes--;
    }
  }

  /** Sends one row and records the outcome: whether the platform saw it (took it, or refused it with a 429). */
  private async send(row: OutboxRow, reply: Reply, pacer: WorkspacePacer, epoch: number): Promise<Seen> {
    const { store, clock, logger } = this.options;
    const adapter = this.options.adapters.get(platformOf(row.address));
    if (!adapter) {
      await this.retryTransient(row, `no ${platformOf(row.address)} adapter is running`);
      return 'no';
    }
    this.sending.add(row.address);
    let messageId: string;
    try {
      // After a crash mid-send, adapters that tag posts with the key can tell whether it already arrived.
      const earlier = row.interrupted && adapter.findByKey ? await adapter.findByKey(row.address, row.key) : undefined;
      ({ messageId } = earlier ?? (await adapter.deliver(row.address, reply, { key: row.key })));
    } catch (error) {
      await this.failed(row, error, pacer, epoch);
      return error instanceof RateLimited ? 'refused' : 'no';
    } finally {
      this.sending.delete(row.address);
    }
    this.faults.reached('after-send-before-commit');
    pacer.accepted();
    this.holdAddress(row.address, clock.now().getTime() + this.minIntervalMs);
    const recorded = await store.outbox.finish(row.id, this.owner, { state: 'sent', messageId }, clock.now());
    if (!recorded) logger?.warn({ key: row.key }, 'lease lost during send; the row may be sent again');
    return 'sent';
  }

  private pacerFor(workspaceId: string): WorkspacePacer {
    let pacer = this.pacers.get(workspaceId);
    if (!pacer) this.pacers.set(workspaceId, (pacer = new WorkspacePacer({ ...DEFAULT_PACER, ...this.options.pacer })));
    return pacer;
  }

  private holdAddress(address: string, until: number): void {
    this.addressNext.set(address, Math.max(this.addressNext.get(address) ?? 0, until));
  }

  private restoreAddress(address: string, value: number | undefined): void {
    if (value === undefined) this.addressNext.delete(address);
    else this.addressNext.set(address, value);
  }

  /** Gives the row back for `at`, not counted as an attempt; the claimer looks again by then. */
  private async handBack(row: OutboxRow, at: number, holdMs: number, reason: string): Promise<void> {
    // Back a little early, so it waits its last stretch in memory rather than a poll late.
    const due = Math.max(this.options.clock.now().getTime() + 1, at - holdMs / 2);
    await this.options.store.outbox.retry(row.id, this.owner, new Date(due), row.lastError ?? reason, false);
    this.expectAt(due);
  }

  private async failed(row: OutboxRow, error: unknown, pacer: WorkspacePacer, epoch: number): Promise<void> {
    const { store, clock, logger } = this.options;
    const now = clock.now();
    if (error instanceof RateLimited) {
      pacer.limited(now.getTime(), error.retryAfterMs, epoch);
      const until = now.getTime() + error.retryAfterMs;
      this.holdAddress(row.address, until);
      await store.outbox.retry(row.id, this.owner, new Date(until), error.message, false);
      this.expectAt(until);
    } else if (error instanceof Permanent) {
      await store.outbox.finish(row.id, this.owner, { state: 'failed', reason: error.reason }, now);
      await store.outbox.markAddressInactive(row.address, error.reason);
      logger?.warn({ address: row.address, reason: error.reason }, 'address marked inactive after a permanent delivery failure');
    } else {
      await this.retryTransient(row, error instanceof Error ? error.message : String(error));
    }
  }

  private async retryTransient(row: OutboxRow, message: string): Promise<void> {
    const { store, clock } = this.options;
    const now = clock.now();
    if (row.attempts + 1 >= this.maxAttempts) {
      await store.outbox.finish(
        row.id,
        this.owner,
        { state: 'failed', reason: `gave up after ${row.attempts + 1} attempts: ${message}` },
        now,
      );
      return;
    }
    const delay = transientDelay(row.attempts, this.options.backoff ?? DEFAULT_BACKOFF);
    await store.outbox.retry(row.id, this.owner, new Date(now.getTime() + delay), message, true);
    this.expectAt(now.getTime() + delay);
  }

  private expectAt(at: number): void {
    this.expected.push(at);
  }

  /** The claimer sleeps until the poll interval passes, a handed-back row comes due, or `wake()`. */
  private nap(): Promise<void> {
    const now = this.options.clock.now().getTime();
    this.expected = this.expected.filter((at) => at > now);
    const soonest = this.expected.reduce((min, at) => Math.min(min, at), now + this.pollMs);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.napping === done) this.napping = undefined;
        resolve();
      };
      const timer = setTimeout(done, Math.max(5, soonest - now));
      this.napping = done;
    });
  }

  /** A row waiting for its turn; only `stop()` cuts it short. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
    });
  }
}
