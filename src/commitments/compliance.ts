/**
 * Compliance scoring in the G7 Research Group's manner: +1 kept, 0 work under way, −1 not kept
 * (dropped, past its firm due date, or past a vague term's soft date). Event and ongoing items are not late until dated.
 */
import type { Commitment, LogEntry } from './commitment.js';
import { calendarDateIn } from './calendar.js';
import { isOverdue, isSoftDatePassed } from './list-groups.js';

export type Score = -1 | 0 | 1;

export interface Assessment {
  commitment: Commitment;
  score: Score;
  /** Kept after its firm due date. */
  keptLate: boolean;
  /** Overdue and still open. */
  late: boolean;
  /** An ongoing duty whose last review said it is not being kept. */
  notKept: boolean;
  /** When it was closed (its done/dropped log row), for "done Mon 29 Jan, 4 days early". */
  closedAt?: string;
  /** A proposed item rejected in review: never a promise, so not reported. */
  rejected?: boolean;
}

export function assess(commitment: Commitment, history: LogEntry[], now: Date): Assessment {
  const base = { commitment, keptLate: false, late: false, notKept: false };
  if (commitment.status === 'done') {
    const doneAt = [...history].reverse().find((e) => e.action === 'done')?.at;
    const doneOn = doneAt ? calendarDateIn(new Date(doneAt), commitment.timeZone) : undefined;
    const firmDue = commitment.deadline.kind === 'exact' || commitment.deadline.kind === 'event' ? commitment.deadline.due : undefined;
    return { ...base, score: 1, keptLate: Boolean(doneOn && firmDue && doneOn > firmDue), closedAt: doneAt };
  }
  if (commitment.status === 'dropped') {
    const closing = [...history].reverse().find((e) => e.action === 'dropped' || e.action === 'rejected');
    return { ...base, score: -1, closedAt: closing?.at, rejected: closing?.action === 'rejected' };
  }
  // The last review of an ongoing duty is its standing: "not kept" scores −1 until a review says kept again.
  const lastReview = [...history].reverse().find((e) => e.action === 'reviewed');
  if (commitment.deadline.kind === 'ongoing' && lastReview?.detail?.answer === 'not-kept') return { ...base, score: -1, notKept: true };
  // A vague promise still open long after its soft date ("at an early date", two years on) was not kept on time.
  const late = isOverdue(commitment, now) || isSoftDatePassed(commitment, now);
  return { ...base, score: late ? -1 : 0, late };
}

/** Mean score, or undefined when nothing is scored. */
export function averageScore(assessments: Assessment[]): number | undefined {
  if (assessments.length === 0) return undefined;
  return assessments.reduce((sum, a) => sum + a.score, 0) / assessments.length;
}
