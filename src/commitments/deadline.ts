/**
 * The deadline model: a tagged union that keeps the phrase as said and the date it was read from,
 * because "at an early date" means nothing without knowing when it was said.
 */

/** A calendar date, `YYYY-MM-DD`, in the commitment's time zone. Never an instant. */
export type CalendarDate = string;

export type Cadence = 'daily' | 'weekly' | 'fortnightly' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

interface DeadlineBase {
  /** The phrase exactly as said ("at an early date"); empty when nothing was said. */
  text: string;
  /** The date the phrase is read from: when the agreement was made, not when it was typed. */
  reference: CalendarDate;
  /** "subject to X": a condition, never a deadline. */
  condition?: string;
}

/** A calendar date or a computable phrase ("by 15 March", "within two weeks"). */
export interface ExactDeadline extends DeadlineBase {
  kind: 'exact';
  due: CalendarDate;
}

/** A lexicon term: a soft due date shown as approximate, and a day to ask for a real date. */
export interface VagueDeadline extends DeadlineBase {
  kind: 'vague';
  /** The lexicon term that matched ("at an early date"). */
  term: string;
  /** Soft due date, rendered with "~". */
  due: CalendarDate;
  /** Days after `reference` when the owner is first asked to confirm a real date. */
  firstPromptDays: number;
  /** "in due course", "when conditions permit": promised, but barely. */
  lowCommitment?: boolean;
}

export type EventRelation = 'before' | 'at' | 'after';

/** Before / at / after(+offset) a named event. Waits, never overdue, until the event is confirmed. */
export interface EventDeadline extends DeadlineBase {
  kind: 'event';
  relation: EventRelation;
  /** Days after the event (after), before it (before, usually 1) or 0 (at). */
  offsetDays: number;
  /** True when the offset was not said ("after the elections" → +30 days, approximate). */
  approximate: boolean;
  /** The event as named in the phrase ("the formation of the new government"). */
  eventName: string;
  /** The workspace event it joined (`E-3`), once stored. */
  eventId?: string;
  /** Set when the event is confirmed: event date ± offset. */
  due?: CalendarDate;
}

/** A standing duty, prohibition or recurrence, optionally ending on a condition. */
export interface OngoingDeadline extends DeadlineBase {
  kind: 'ongoing';
  /** "until full eradication of terrorism" → "full eradication of terrorism". */
  endCondition?: string;
  /** Set when the end condition is a date ("until 15 March"): the duty lapses after it. */
  endsOn?: CalendarDate;
  cadence?: Cadence;
}

/** No deadline, or one that could not be read (then `hint` says why). */
export interface NoDeadline extends DeadlineBase {
  kind: 'none';
  hint?: string;
  /** The phrase names a date that cannot be meant (30 Feb, year 1, an ambiguous 01/03): `add` refuses rather than adding it undated. */
  invalidDate?: true;
}

export type Deadline = ExactDeadline | VagueDeadline | EventDeadline | OngoingDeadline | NoDeadline;
export type DeadlineKind = Deadline['kind'];

/** The date a deadline is due on, if it has one yet. */
export function dueDateOf(deadline: Deadline): CalendarDate | undefined {
  switch (deadline.kind) {
    case 'exact':
    case 'vague':
      return deadline.due;
    case 'event':
      return deadline.due;
    default:
      return undefined;
  }
}

/** True when the due date is a guess that should be shown with "~". */
export function isApproximate(deadline: Deadline): boolean {
  return deadline.kind === 'vague' || (deadline.kind === 'event' && deadline.approximate);
}
