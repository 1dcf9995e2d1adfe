/** The commitment: what was promised, by whom, to be done when, and where it is tracked. */
import type { CalendarDate, Deadline } from './deadline.js';

export const STATUSES = ['proposed', 'open', 'in_progress', 'blocked', 'done', 'dropped'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses in which a commitment is still owed (reminders run, lists show it). */
export const ACTIVE_STATUSES: readonly Status[] = ['open', 'in_progress', 'blocked'];

/** A chat user as the core knows them: the platform id and a display name. */
export interface UserRef {
  id: string;
  name: string;
}

export interface Source {
  title?: string;
  url?: string;
  /** Verbatim quote from the agreement. */
  quote?: string;
  /** The date the agreement was made (the deadline's reference date). */
  agreedOn?: CalendarDate;
}

export interface Commitment {
  workspaceId: string;
  /** Short per-workspace id, `C-12`. */
  id: string;
  /** Opaque channel address owned by its adapter (`slack:T1:C1`, `console:local`). */
  channel: string;
  title: string;
  /** Free-text parties ("Iran FM"); not chat users. */
  parties: string[];
  /** Chat users who get nudged. */
  owners: UserRef[];
  tags: string[];
  source: Source;
  deadline: Deadline;
  /** IANA zone the due date is a calendar date in (the channel's at creation). */
  timeZone: string;
  status: Status;
  atRisk: boolean;
  /** ISO instant until which nudges are silent. */
  snoozedUntil?: string;
  createdBy: UserRef;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-concurrency version, bumped on every change. */
  version: number;
}

/** One append-only history row. */
export interface LogEntry {
  workspaceId: string;
  commitmentId: string;
  at: string;
  actor: UserRef;
  /** What happened: `created`, `done`, `reopened`, `dropped`, `edited`, `status`, `snoozed`, … */
  action: string;
  note?: string;
  evidence?: string;
  /** Structured detail (old and new values). */
  detail?: Record<string, unknown>;
}
