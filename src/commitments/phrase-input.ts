/** The phrase as each deadline reader sees it: as said, normalised, and what it is read from. */
import type { CalendarDate } from './deadline.js';

export interface PhraseInput {
  /** The phrase as said (trimmed), stored on the deadline. */
  text: string;
  /** Quote-free, single-spaced, with its case kept (for names and for chrono). */
  plain: string;
  /** `plain` lower-cased: what the patterns match. Same length as `plain`. */
  lower: string;
  reference: CalendarDate;
  timeZone: string;
}

export const INCLUSIVE_LEADS = 'due|by|on or before|on|no later than|not later than|within|in|during|over';

/** Words that say when a duty starts; the day it starts is when it is due. */
export const START_LEADS =
  'with effect from|with effect on|effective from|effective on|effective|as of|as from|starting from|starting on|starting in|starting|beginning on|beginning in|beginning|commencing on|commencing|from';
