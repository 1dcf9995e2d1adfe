/**
 * The delivery loop: a few workers each lease one due outbox row at a time, re-check and render it,
 * deliver it through the address's adapter and record the message id. Rate limits hold back only
 * their address; transient failures back off with jitter; permanent ones fail the row and mark the
 * address inactive. A row is recorded sent right after its send, so a crash can duplicate at most
 * the sends in flight (≤ concurrency). `stop()` stops claiming and lets in-flight sends finish.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Clock } from '../ports/clock.js';
import { Permanent, RateLimited, platformOf, type ChatAdapter } from '../ports/chat-adapter.js';
import type { OutboxRow, Store } from '../store/store.js';
import { DEFAULT_BACKOFF, transientDelay, type BackoffOptions } from './backoff.js';
import { faultHookFrom, type FaultHook } from './fault-hook.js';
import { prepareRow } from './prepare-row.js';
import type { QuietHours } from '../reminders/quiet-hours.js';

export interface DeliveryOptions {
  store: Store;
  clock: Clock;
  adapters: ReadonlyMap<string, ChatAdapter>;
  logger?: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  concurrency?: number;
  leaseMs?: number;
  /** How often idle workers look for due rows (retries come due without a tick). */
  pollMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  faults?: FaultHook;
  /** Slack takes about one message a second per channel: space sends to one address at least this far apart. */
  minIntervalPerAddressMs?: number;
  /** Owners' quiet hours: a digest that could not go out inside its grace window is recorded missed. */
  quietHours?: QuietHours;
}

export class DeliveryLoop {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly minIntervalMs: number;
  private readonly faults: FaultHook;
  /** Per-address "not before" after a rate limit or a recent send: other addresses keep going. */
  private readonly blockedUntil = new Map<string, number>();
  private readonly sleepers = new Set<() => void>();
  /** Addresses with a send in flight in this process. */
  private readonly sending = new Set<string>();
  private workers: Promise<void>[] = [];
  private stopping = false;

  constructor(private readonly options: DeliveryOptions) {
    this.concurrency = options.concurrency ?? 4;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.maxAttempts = options.maxAttempts ?? 20;
    this.minIntervalMs = options.minIntervalPerAddressMs ?? 1_000;
    this.faults = options.faults ?? faultHookFrom(process.env.FOLLOWTHROUGH_FAULT);
  }

  start(): void {
    this.workers = Array.from({ length: this.concurrency }, () => this.work());
  }

  /** Wakes idle workers (a tick just wrote rows). */
  wake(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  /** Stops claiming, waits up to `graceMs` for in-flight sends, then hands back any leases. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.wake();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(this.workers), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    await this.options.store.outbox.release(this.owner).catch(() => 0);
  }

  /** Delivers everything due now, then returns (tests and the dry run's sibling, `deliverDue`). */
  async drain(): Promise<void> {
    const rounds = Array.from({ length: this.concurrency }, async () => {
      while (!this.stopping && (await this.step())) {
        /* keep going */
      }
    });
    await Promise.all(rounds);
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      let didWork = false;
      try {
        didWork = await this.step();
      } catch (err) {
        this.options.logger?.error({ err }, 'delivery step failed');
      }
      if (!didWork && !this.stopping) await this.sleep(this.pollMs);
    }
  }

  /** Claims and handles one row; false when nothing was due. */
  private async step(): Promise<boolean> {
    const { store, clock } = this.options;
    const [row] = await store.outbox.claim(this.owner, clock.now(), this.leaseMs, 1);
    if (!row) return false;
    this.faults.reached('mid-claim');
    await this.handle(row);
    return true;
  }

  private async handle(row: OutboxRow): Promise<void> {
    const { store, clock, logger } = this.options;
    const now = clock.now();
    const blocked = this.blockedUntil.get(row.address) ?? 0;
    if (blocked > now.getTime()) {
      await store.outbox.retry(row.id, this.owner, new Date(blocked), row.lastError ?? 'waiting out a rate limit', false);
      return;
    }
    this.faults.reached('before-send');
    const prepared = await prepareRow(store, row, now, this.options.quietHours);
    if ('outcome' in prepared) {
      await store.outbox.finish(row.id, this.owner, prepared.outcome, now);
      return;
    }
    const adapter = this.options.adapters.get(platformOf(row.address));
    if (!adapter) {
      await this.retryTransient(row, `no ${platformOf(row.address)} adapter is running`);
      return;
    }
    // Checked and taken in one synchronous step, so two workers never send to one address at once.
    const sendAt = clock.now().getTime();
    const waitUntil = Math.max(this.blockedUntil.get(row.address) ?? 0, this.sending.has(row.address) ? sendAt + this.minIntervalMs : 0);
    if (waitUntil > sendAt) {
      await store.outbox.retry(row.id, this.owner, new Date(waitUntil), row.lastError ?? 'spacing sends to one address', false);
      return;
    }
    this.sending.add(row.address);
    let messageId: string;
    try {
      // After a crash mid-send, adapters that tag posts with the key can tell whether it already arrived.
      const earlier = row.interrupted && adapter.findByKey ? await adapter.findByKey(row.address, row.key) : undefined;
      ({ messageId } = earlier ?? (await adapter.deliver(row.address, prepared.reply, { key: row.key })));
    } catch (error) {
      await this.failed(row, error);
      return;
    } finally {
      this.sending.delete(row.address);
    }
    this.faults.reached('after-send-before-commit');
    this.holdAddress(row.address, clock.now().getTime() + this.minIntervalMs);
    const recorded = await store.outbox.finish(row.id, this.owner, { state: 'sent', messageId }, clock.now());
    if (!recorded) logger?.warn({ key: row.key }, 'lease lost during send; the row may be sent again');
  }

  private holdAddress(address: string, until: number): void {
    this.blockedUntil.set(address, Math.max(this.blockedUntil.get(address) ?? 0, until));
  }

  private async failed(row: OutboxRow, error: unknown): Promise<void> {
    const { store, clock, logger } = this.options;
    const now = clock.now();
    if (error instanceof RateLimited) {
      const until = now.getTime() + error.retryAfterMs;
      this.holdAddress(row.address, until);
      await store.outbox.retry(row.id, this.owner, new Date(until), error.message, false);
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
      await store.outbox.finish(row.id, this.owner, { state: 'failed', reason: `gave up after ${row.attempts + 1} attempts: ${message}` }, now);
      return;
    }
    const delay = transientDelay(row.attempts, this.options.backoff ?? DEFAULT_BACKOFF);
    await store.outbox.retry(row.id, this.owner, new Date(now.getTime() + delay), message, true);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
