/**
 * The lexicon of vague deadline terms (DESIGN §2) as data: how many days each term gives before a
 * soft due date, and when the owner is first asked for a real date. These are our conventions —
 * no published standard exists — so they live here, in one table, to be overridden per workspace.
 */

/** A term whose soft due date is a fixed distance from the reference date. */
export interface RelativeVagueTerm {
  /** The row as DESIGN §2 names it, for documentation and tests. */
  row: string;
  /** Matches the whole phrase (lower-cased, leading "due"/"by" removed). */
  pattern: RegExp;
  softDue: { days?: number; years?: number };
  firstPromptDays: number;
  /** "in due course", "when conditions permit": promised, but barely. */
  lowCommitment?: boolean;
}

/** A term naming part of a year ("mid-2025") or a fixed horizon ("by mid-century"). */
export interface DatedVagueTerm {
  row: string;
  /** Whole-phrase match; group 1, when present, is the four-digit year. */
  pattern: RegExp;
  month: number;
  day: number;
  /** For terms with no year in them ("mid-century"). */
  fixedYear?: number;
  /** The first prompt comes this many days before the soft due date. */
  promptDaysBeforeDue: number;
}

// Words that make "early …" a date phrase ("early March", "early next week"), not a lexicon term.
const EARLY_DATE_WORDS =
  'next|this|last|in|on|by|the|\\d+|jan\\w*|feb\\w*|mar\\w*|apr\\w*|may|jun\\w*|jul\\w*|aug\\w*|sep\\w*|oct\\w*|nov\\w*|dec\\w*|' +
  'week\\w*|month\\w*|year\\w*|quarter\\w*|morning|afternoon|evening|days?|hours?|and|or|,';

export const RELATIVE_VAGUE_TERMS: readonly RelativeVagueTerm[] = [
  {
    row: 'immediately, forthwith, at once, without (undue) delay',
    pattern:
      /^(?:immediately|an? immediate|immediate|forthwith|at once|without (?:undue |further |any )?delay|right away|straight ?away|with immediate effect|effective immediately)$/,
    softDue: { days: 7 },
    firstPromptDays: 2,
  },
  {
    row: 'in the coming days, shortly',
    pattern:
      /^(?:(?:in|within|over|during) the (?:coming|next few|next couple of) days|(?:in|within) (?:a few|a couple of|the next few) days|shortly)$/,
    softDue: { days: 7 },
    firstPromptDays: 3,
  },
  {
    row: 'promptly, as soon as possible, urgently, expeditiously, at the earliest',
    pattern:
      /^(?:promptly|as soon as possible|asap|a\.s\.a\.p\.?|urgently|expeditiously|as (?:early|quickly) as possible|as promptly as (?:reasonably )?(?:possible|practicable|feasible)|as a matter of (?:priority|urgency)|at the earliest(?: possible (?:date|time|opportunity)| opportunity)?|at (?:your|their|our) earliest convenience)$/,
    softDue: { days: 14 },
    firstPromptDays: 5,
  },
  {
    row: 'soon, in the near future, in the coming weeks, timely, as soon as practicable',
    pattern:
      /^(?:(?:very )?soon|(?:in|within) the near future|(?:in|within|over|during) the (?:coming|next few|next couple of) weeks|(?:in|within) (?:a few|a couple of) weeks|timely|in a timely (?:manner|fashion|way)|timely [a-z]+(?: of .+)?|as soon as (?:(?:reasonably )?practicable|feasible)|before long)$/,
    softDue: { days: 30 },
    firstPromptDays: 10,
  },
  {
    row: 'at an early date, early (operationalisation, completion, …)',
    pattern: new RegExp(`^(?:at an early date|at the earliest date|early|(?:an )?early (?!(?:${EARLY_DATE_WORDS})\\b)[a-z]+(?: of .+)?)$`),
    softDue: { days: 60 },
    firstPromptDays: 21,
  },
  {
    row: 'in the coming months',
    pattern:
      /^(?:(?:in|within|over|during) the (?:coming|next few|next couple of) months|(?:in|within) (?:a few|a couple of) months|in the months ahead)$/,
    softDue: { days: 90 },
    firstPromptDays: 30,
  },
  {
    row: 'in due course, when conditions permit (low commitment)',
    pattern:
      /^(?:in due (?:course|time)|(?:when|where|as|if|once) (?:[a-z]+ )?(?:conditions|circumstances|the situation|resources|funds|funding|the budget) (?:permits?|allows?)|when (?:possible|feasible|appropriate)|at an appropriate (?:time|moment|date)|at a (?:mutually )?(?:convenient|agreed|acceptable|suitable|appropriate) (?:time|date|moment)|at a time (?:of mutual convenience|convenient to (?:both|all)(?: sides| parties)?)|in the fullness of time|eventually)$/,
    softDue: { days: 180 },
    firstPromptDays: 90,
    lowCommitment: true,
  },
  {
    // Not in DESIGN's table. Our convention: between "the coming months" (90 days) and the medium
    // term (3 years) — a year, with the first prompt after a quarter.
    row: 'short term, in the coming year',
    pattern:
      /^(?:(?:in|over|within) the )?(?:short[- ]term|near[- ]term)$|^(?:in|over|during) the (?:coming|following) year$|^in the year ahead$/,
    softDue: { years: 1 },
    firstPromptDays: 90,
  },
  {
    row: 'medium term',
    pattern: /^(?:(?:in|over|within) the )?medium[- ]term$/,
    softDue: { years: 3 },
    firstPromptDays: 90,
  },
  {
    row: 'long term',
    pattern: /^(?:(?:in|over|within) the )?long[- ]term$/,
    softDue: { years: 10 },
    firstPromptDays: 365,
  },
];

export const DATED_VAGUE_TERMS: readonly DatedVagueTerm[] = [
  {
    row: 'mid-YYYY',
    pattern: /^(?:(?:in|around|by|by around|by or around) )?(?:mid[- ]?|the middle of )(\d{4})$/,
    month: 6,
    day: 30,
    promptDaysBeforeDue: 30,
  },
  {
    row: 'early YYYY',
    pattern: /^(?:(?:in|around|by) )?(?:early[- ]|the (?:start|beginning) of )(\d{4})$/,
    month: 3,
    day: 31,
    promptDaysBeforeDue: 30,
  },
  {
    // Not in DESIGN's table; read by the same logic as early/mid: the end of the part named.
    row: 'late YYYY',
    pattern: /^(?:(?:in|around|by) )?late[- ](\d{4})$/,
    month: 12,
    day: 31,
    promptDaysBeforeDue: 30,
  },
  {
    row: 'by or around mid-century',
    pattern: /^(?:(?:by|around|by or around|by around|in) )?(?:the )?mid[- ]?century$/,
    month: 12,
    day: 31,
    fixedYear: 2050,
    promptDaysBeforeDue: 30,
  },
  {
    // Not in DESIGN's table; seasons read northern-hemisphere, due at the season's last day; with no
    // year, the season still ahead of the statement.
    row: 'in the spring / summer / fall (autumn) [of YYYY]',
    pattern: /^(?:(?:in|by|during|over) )?(?:the |this )?spring(?: of (\d{4}))?$/,
    month: 5,
    day: 31,
    promptDaysBeforeDue: 30,
  },
  {
    row: 'summer',
    pattern: /^(?:(?:in|by|during|over) )?(?:the |this )?summer(?: of (\d{4}))?$/,
    month: 8,
    day: 31,
    promptDaysBeforeDue: 30,
  },
  {
    row: 'fall, autumn',
    pattern: /^(?:(?:in|by|during|over) )?(?:the |this )?(?:fall|autumn)(?: of (\d{4}))?$/,
    month: 11,
    day: 30,
    promptDaysBeforeDue: 30,
  },
];
