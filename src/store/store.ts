/**
 * The store port. SQLite is the first implementation; PostgreSQL can be a second, so nothing
 * outside `src/store/sqlite/` may rely on SQLite's synchronous API or dialect. Every method is
 * atomic on its own, and every query is scoped by workspace.
 */
import type { Commitment, LogEntry, Status, UserRef } from '../commitments/commitment.js';
import type { Deadline } from '../commitments/deadline.js';

export interface WorkspaceRecord {
  id: string;
  name?: string;
}

export interface ChannelRecord {
  workspaceId: string;
  address: string;
  name?: string;
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

export interface CommitmentRepository {
  /** Allocates the next short id (`C-n`) and writes the `created` log row in one transaction. */
  create(input: NewCommitment, log: Omit<LogEntry, 'workspaceId' | 'commitmentId'>): Promise<Commitment>;
  get(workspaceId: string, id: string): Promise<Commitment | null>;
  list(workspaceId: string, filter?: CommitmentFilter): Promise<Commitment[]>;
  /**
   * Applies changes if the stored version is still `expectedVersion`, bumps it and appends the log
   * row, all in one transaction; else throws ConcurrentChange.
   */
  update(
    workspaceId: string,
    id: string,
    expectedVersion: number,
    changes: CommitmentChanges,
    log: Omit<LogEntry, 'workspaceId' | 'commitmentId'>,
  ): Promise<Commitment>;
  history(workspaceId: string, id: string): Promise<LogEntry[]>;
}

export interface ChannelRepository {
  get(workspaceId: string, address: string): Promise<ChannelRecord | null>;
  /** Creates the channel or updates the given fields. */
  upsert(channel: Partial<ChannelRecord> & Pick<ChannelRecord, 'workspaceId' | 'address'>): Promise<ChannelRecord>;
  list(workspaceId?: string): Promise<ChannelRecord[]>;
  /** Every channel with this address, whatever the workspace (delivery knows only the address). */
  findByAddress(address: string): Promise<ChannelRecord[]>;
}

export interface UserRepository {
  get(workspaceId: string, id: string): Promise<UserRecord | null>;
  upsert(user: Partial<UserRecord> & Pick<UserRecord, 'workspaceId' | 'id'>): Promise<UserRecord>;
  findByName(workspaceId: string, name: string): Promise<UserRecord[]>;
}

export interface WorkspaceRepository {
  ensure(workspace: WorkspaceRecord): Promise<void>;
  get(id: string): Promise<WorkspaceRecord | null>;
}

/** Platform events already handled (Slack retries an event it thinks was missed). */
export interface ReceiptRepository {
  /** True the first time `key` is claimed; false for a repeat. */
  claim(key: string, at: Date): Promise<boolean>;
  /** Forgets receipts older than `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

export interface Store {
  readonly workspaces: WorkspaceRepository;
  readonly channels: ChannelRepository;
  readonly users: UserRepository;
  readonly commitments: CommitmentRepository;
  readonly receipts: ReceiptRepository;
  /** Writes a consistent copy of the whole database to `file` while it stays in use. */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}
