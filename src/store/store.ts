/**
 * The store port. SQLite is the first implementation; PostgreSQL can be a second, so nothing
 * outside `src/store/sqlite/` may rely on SQLite's synchronous API or dialect. Every method is
 * atomic on its own, and every query is scoped by workspace.
 */
import type { Commitment, LogEntry, Status, UserRef } from '../commitments/commitment.js';
import type { Deadline } from '../commitments/deadline.js';
import type { ChannelKind } from '../ports/invocation.js';

export interface WorkspaceRecord {
  id: string;
  name?: string;
}

export interface ChannelRecord {
  workspaceId: string;
  address: string;
  name?: string;
  /** Channel, group chat or direct chat; absent for a row not seen since this was recorded ("this conversation"). */
  kind?: ChannelKind;
  timeZone: string;
  /** Digest schedule (`weekdays 09:00`, `weekly mon 09:00`, `off`); null until the first commitment. */
  schedule: string | null;
  active: boolean;
  /** Why it became inactive (a permanent delivery failure). */
  inactiveReason?: string;
  /** Adapter-owned data (a Teams conversation reference); the core never reads it. */
  platformData?: unknown;
}

export interface UserRecord {
  workspaceId: string;
  id: string;
  name: string;
  timeZone?: string;
  /** Address of the user's DM / 1:1 chat with the bot, when known. */
  dmAddress?: string;
  isAdmin: boolean;
  platformData?: unknown;
}

export interface NewCommitment {
  workspaceId: string;
  channel: string;
  title: string;
  parties: string[];
  owners: UserRef[];
  tags: string[];
  source: Commitment['source'];
  deadline: Deadline;
  timeZone: string;
  status: Status;
  createdBy: UserRef;
  createdAt: string;
}

export interface CommitmentFilter {
  channel?: string;
  statuses?: readonly Status[];
  ownerId?: string;
  tag?: string;
  /** Commitments waiting on this workspace event (`E-3`). */
  eventId?: string;
}

/** The fields a change may touch. */
export type CommitmentChanges = Partial<
  Pick<
    Commitment,
    'title' | 'parties' | 'owners' | 'tags' | 'source' | 'deadline' | 'timeZone' | 'status' | 'atRisk' | 'snoozedUntil' | 'channel'
  >
>;

/** Someone else changed the commitment between our read and our write. */
export class ConcurrentChange extends Error {
  constructor(id: string) {
    super(`commitment ${id} changed while being updated`);
    this.name = 'ConcurrentChange';
  }
}

/**
 * The store cannot safely write: its file was removed, replaced or made read-only, or the disk
 * refused a write. Nothing was changed; `reason` says what an operator should look at.
 */
export class StoreUnavailable extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`the store cannot write: ${reason}`, options);
    this.name = 'StoreUnavailable';
  }
}

/** Whether the store can take writes now (what `/healthz` reports). */
export interface StoreHealth {
  writable: boolean;
  /** Why not, for an operator. */
  reason?: string;
}

export interface CommitmentRepository {
  /** Allocates the next short id (`C-n`) and writes the `created` log row in one transaction. */
  create(input: NewCommitment, log: Omit<LogEntry, 'workspaceId' | 'commitmentId'>): Promise<Commitment>;
  get(workspaceId: string, id: string): Promise<Commitment | null>;
  list(workspaceId: string, filter?: CommitmentFilter): Promise<Commitment[]>;
  /**
   * Applies changes if the stored version is still `expectedVersion`, bumps it and appends the log
   * row, all in one transaction; else throws ConcurrentChange. `current`: the commitment as the caller
   * read it at that version, so it need not be read again.
   */
  update(
    workspaceId: string,
    id: string,
    expectedVersion: number,
    changes: CommitmentChanges,
    log: Omit<LogEntry, 'workspaceId' | 'commitmentId'>,
    current?: Commitment,
  ): Promise<Commitment>;
  history(workspaceId: string, id: string): Promise<LogEntry[]>;
}

export interface ChannelRepository {
  get(workspaceId: string, address: string): Promise<ChannelRecord | null>;
  /** Creates the channel or updates the given fields (`platformData`, when given, replaces the stored value whole). */
  upsert(channel: Partial<ChannelRecord> & Pick<ChannelRecord, 'workspaceId' | 'address'>): Promise<ChannelRecord>;
  /**
   * Replaces the channel's `platformData` with `change(current)` atomically, across processes: the
   * row is locked while `change` reads it, so a concurrent writer — another instance on the same
   * database — reads only what this one wrote, and neither change is lost. `change` runs under the
   * lock, so it must be quick and pure (no I/O; it may run again when PostgreSQL retries a deadlock).
   * Resolves with the record as written, or null (without calling `change`) when there is no such
   * channel. Returning data equal to `current` writes nothing.
   */
  updatePlatformData(workspaceId: string, address: string, change: (current: unknown) => unknown): Promise<ChannelRecord | null>;
  list(workspaceId?: string): Promise<ChannelRecord[]>;
  /** Every channel with this address, whatever the workspace (delivery knows only the address). */
  findByAddress(address: string): Promise<ChannelRecord[]>;
}

export interface UserRepository {
  get(workspaceId: string, id: string): Promise<UserRecord | null>;
  upsert(user: Partial<UserRecord> & Pick<UserRecord, 'workspaceId' | 'id'>): Promise<UserRecord>;
  /** The user's `platformData` changed atomically, across processes: see ChannelRepository.updatePlatformData. */
  updatePlatformData(workspaceId: string, id: string, change: (current: unknown) => unknown): Promise<UserRecord | null>;
  findByName(workspaceId: string, name: string): Promise<UserRecord[]>;
  /** Clears "DM unreachable" for the users whose DM is at `address` (they wrote there); returns how many. */
  reactivateDm(address: string): Promise<number>;
}

export interface WorkspaceRepository {
  ensure(workspace: WorkspaceRecord): Promise<void>;
  get(id: string): Promise<WorkspaceRecord | null>;
}

/** A named happening that event-kind deadlines wait on (`E-3 formation of the new government`). */
export interface EventRecord {
  workspaceId: string;
  id: string;
  name: string;
  /** Content-word key; equal keys are the same event. */
  matchKey: string;
  occurredOn?: string;
  confirmedBy?: UserRef;
  confirmedAt?: string;
  createdAt: string;
}

export interface EventRepository {
  /** Allocates the next `E-n`. */
  create(event: Pick<EventRecord, 'workspaceId' | 'name' | 'matchKey' | 'createdAt'>): Promise<EventRecord>;
  get(workspaceId: string, id: string): Promise<EventRecord | null>;
  list(workspaceId: string): Promise<EventRecord[]>;
  /**
   * Records that the event happened and, in the same transaction, applies `changesFor` to every
   * active commitment waiting on it, bumping versions and logging `event-confirmed` on each.
   */
  confirm(
    workspaceId: string,
    id: string,
    occurredOn: string,
    by: UserRef,
    at: string,
    changesFor: (commitment: Commitment) => CommitmentChanges,
  ): Promise<{ event: EventRecord; updated: Commitment[] }>;
}

/** Platform events already handled (Slack retries an event it thinks was missed). */
export interface ReceiptRepository {
  /** True the first time `key` is claimed; false for a repeat. */
  claim(key: string, at: Date): Promise<boolean>;
  /** Forgets receipts older than `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

/**
 * Things done once per place, ever (a welcome): unlike receipts, claims are never pruned, so a bot
 * removed and added back months later does not do them again.
 */
export interface OnceRepository {
  /** True for the one caller, in any instance, that claims `key` first; false for everyone after. */
  claim(key: string, at: Date): Promise<boolean>;
  /** Gives a claim back when the thing it was for failed (a welcome not posted), so a later try can make it. */
  release(key: string): Promise<void>;
}

export interface Store {
  readonly workspaces: WorkspaceRepository;
  readonly channels: ChannelRepository;
  readonly users: UserRepository;
  readonly commitments: CommitmentRepository;
  readonly receipts: ReceiptRepository;
  readonly once: OnceRepository;
  readonly events: EventRepository;
  readonly outbox: OutboxRepository;
  readonly reminders: ReminderStateRepository;
  /**
   * Resolves once the store is open and migrated; rejects with why it cannot be. Optional: SQLite
   * opens synchronously; PostgreSQL connects in the background and every query waits for it, so
   * this only lets start-up fail fast.
   */
  ready?(): Promise<void>;
  /**
   * Resolves once every write this store made so far is on disk. Writes already wait for it
   * themselves; an answer built from reads calls it too, since what it read may be another request's
   * commit still on its way to the disk (SQLite syncs a shared WAL off the event loop). Optional:
   * PostgreSQL's commit returns only once flushed.
   */
  durable?(): Promise<void>;
  /** Whether writes would reach the database now (its file is still the one opened, writable, the last write did not fail). */
  health?(): Promise<StoreHealth>;
  /**
   * Housekeeping, run at open and then periodically by the store itself: refreshes the planner's
   * statistics and forgets inbound receipts older than a day. Returns how many receipts it pruned.
   */
  maintain?(now?: Date): Promise<{ prunedReceipts: number }>;
  /**
   * Copies what a burst of writes left in the write-ahead log into the database file, at a moment
   * when nobody waits for it (the scheduler thread, after a tick). Optional: only SQLite opened with
   * `autoCheckpoint: false` needs it; PostgreSQL's checkpointer is a background process already.
   */
  checkpoint?(): Promise<void>;
  /** Writes a consistent copy of the whole database to `file` while it stays in use. */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}

// ---- Reminders: the outbox and the reads a scheduler tick needs (issue 7, DESIGN §5) ----

/** `owner-day`: one owner's reminders of one day in one message (issue 11); the per-item kinds are kept for rows written before it. */
export type OutboxKind = 'digest' | 'owner-day' | 'nudge' | 'confirm-date' | 'set-date' | 'event-check' | 'review';
export type OutboxState = 'pending' | 'sent' | 'cancelled' | 'missed' | 'failed';

export interface NewOutboxRow {
  /** Unique: `<workspace>|<subject>|<kind>|<slot>|<recipient>`; writing the same key twice is a no-op. */
  key: string;
  kind: OutboxKind;
  workspaceId: string;
  /** The commitment id (nudges) or channel address (digests) the reminder is about. */
  subject: string;
  address: string;
  recipientId?: string;
  commitmentIds: string[];
  /** The schedule slot: a local date (nudges) or local date-time (digests). */
  slot: string;
  /** ISO instant the reminder became due. */
  dueAt: string;
  /** `missed` records a coalesced digest slot that will never be sent. */
  state?: 'pending' | 'missed';
}

export interface OutboxRow extends Required<Omit<NewOutboxRow, 'recipientId' | 'state'>> {
  id: number;
  recipientId?: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  leaseOwner?: string;
  leaseUntil?: string;
  lastError?: string;
  messageId?: string;
  createdAt: string;
  finishedAt?: string;
  /** A previous lease ran out before the row was finished: its send may already have happened. */
  interrupted: boolean;
}

/** What one tick decided: rows to write and where each commitment's and channel's next look is. */
export interface ReminderPlan {
  rows: NewOutboxRow[];
  /** `expected` is the value the tick read: a change made meanwhile (which recomputed it) wins. */
  commitments: { workspaceId: string; id: string; nextReminderAt: string | null; expected?: string }[];
  channels: { workspaceId: string; address: string; nextReminderAt: string | null; expected?: string }[];
}

export type OutboxOutcome = { state: 'sent'; messageId: string } | { state: 'cancelled' | 'missed' | 'failed'; reason: string };

export interface OutboxStats {
  depth: number;
  oldestPendingDueAt?: string;
  missed: number;
  inactive: { kind: 'channel' | 'dm'; address: string; reason: string }[];
  recentFailures: { key: string; address: string; error: string; at: string }[];
}

export interface OutboxRepository {
  /** Inserts the plan's rows (existing keys ignored) and stores the next reminder times, in one transaction. Returns rows inserted. */
  record(plan: ReminderPlan, now: Date): Promise<number>;
  /**
   * Leases up to `limit` pending rows due by `now` that no live lease holds, in one statement
   * (`UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING *`, or `FOR UPDATE SKIP LOCKED` on Postgres).
   * Rows of `skipWorkspaces` are passed over: their line in this process is full, and claiming them
   * would only hold up the other workspaces' rows behind them.
   */
  claim(owner: string, now: Date, leaseMs: number, limit: number, skipWorkspaces?: readonly string[]): Promise<OutboxRow[]>;
  /** Ends a leased row; false when the lease was lost (someone else owns it now). */
  finish(id: number, owner: string, outcome: OutboxOutcome, at: Date): Promise<boolean>;
  /** Gives a leased row back for another attempt at `nextAttemptAt`. */
  retry(id: number, owner: string, nextAttemptAt: Date, error: string, countAttempt: boolean): Promise<void>;
  /** Gives back every lease `owner` holds (a clean shutdown), so another process need not wait. */
  release(owner: string): Promise<number>;
  get(id: number): Promise<OutboxRow | null>;
  /** Which of these keys are already in the outbox. */
  existingKeys(keys: string[]): Promise<Set<string>>;
  /** Pending rows due by `now` (for the dry run), oldest first. */
  pendingDue(now: Date, limit: number): Promise<OutboxRow[]>;
  /** The newest sent row of this kind about this subject (the last digest, for "changes since"). */
  lastSent(workspaceId: string, subject: string, kind: OutboxKind): Promise<OutboxRow | null>;
  /** A newer row of the same kind about the same subject exists (a stale digest is superseded). */
  hasNewer(row: OutboxRow): Promise<boolean>;
  /** Marks every channel and DM with this address inactive, with the reason. */
  markAddressInactive(address: string, reason: string): Promise<void>;
  stats(now: Date, failuresSince: Date): Promise<OutboxStats>;
}

/** An owner of a due commitment as a tick needs them, read in the same query as the commitment. */
export interface DueOwner {
  id: string;
  name: string;
  /** The owner's zone when known (the tick falls back to the commitment's). */
  timeZone?: string;
  /** Their DM address, only when it still works (a permanently failed DM is left out). */
  dmAddress?: string;
}

/**
 * A commitment whose next reminder time has come, with its owners' user records: only what the
 * tick's policy reads (its title, parties, tags and source are neither read nor parsed).
 */
export type DueCommitment = Pick<
  Commitment,
  'workspaceId' | 'id' | 'status' | 'deadline' | 'timeZone' | 'createdAt' | 'updatedAt' | 'snoozedUntil' | 'owners'
> & { nextReminderAt: string; recipients: DueOwner[] };

export interface ReminderStateRepository {
  /**
   * Active commitments whose next reminder time is at or before `now`, oldest first, with their
   * owners' zones and working DMs: one indexed query per batch, no per-row or per-user reads.
   */
  dueCommitments(now: Date, limit: number): Promise<DueCommitment[]>;
  /** Channels with a schedule whose next digest time is at or before `now`. */
  dueChannels(now: Date, limit: number): Promise<(ChannelRecord & { nextReminderAt: string })[]>;
  /** Log rows of this channel's commitments after `since` (the digest's "changes" line). */
  changesSince(workspaceId: string, channel: string, since: string): Promise<LogEntry[]>;
  /** Whether this user's DM failed permanently (then nudges fall back to the digest). */
  dmInactive(workspaceId: string, userId: string): Promise<boolean>;
}

/**
 * Computes a next reminder time when a commitment or channel changes. Injected into the store at
 * construction so the store never imports reminder policy and the policy stays pure. The value may
 * be early (the tick then looks, finds nothing, and stores the exact time) but never late.
 */
export interface NextReminderCalculator {
  commitment(commitment: Commitment, now: Date): string | null;
  channel(channel: ChannelRecord, now: Date): string | null;
}
