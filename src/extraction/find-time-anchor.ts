/**
 * The time of a deed when none of the listed phrases (find-deadline-phrase.ts) is in its clause: any
 * date expression chrono-node finds ("by EOD Tuesday", "chat tuesday", "on the margins of the December
 * 2017 Council"), kept only when the core's interpreter reads it to a day, so the date arithmetic stays
 * the core's; and a time anchor read by its shape, not its noun: a temporal preposition or subordinator
 * before a noun phrase or a clause ("ahead of COP15", "when the new pm process is out", "before
 * obtaining NATO membership", "If needed") is an `event`.
 */
import type { CalendarDate } from '../commitments/deadline.js';
import { MONTH_NAME } from '../commitments/month-names.js';
import { chronoParser } from '../commitments/calendar-span.js';
import { interpretDeadline } from '../commitments/deadline-interpreter.js';
import type { DeadlinePhrase } from './find-deadline-phrase.js';

// The words before a date that make it the deed's time; "since", "ended", "of the year" date something else.
const PREPOSITION =
  /\b((?:no|not)\s+later\s+than|on\s+or\s+before|by|before|on|in|at|for|until|till|from|during|starting|through|to)\s+(?:the\s+)?$/i;
const PAST =
  /\b(?:since|ended|ending|ago|last|previous|past|was|were|had|been|held|met|said|announced|dated)\s+(?:on\s+|in\s+)?(?:the\s+)?$/i;
// Casual words the listed phrases already weigh (and that often date the text itself, "announced today").
const CASUAL = /^(?:now|today|tonight|tomorrow|yesterday|this\s+(?:morning|afternoon|evening)|the\s+\w+s|may|second|one|noon|midnight)$/i;

const DAY_OR_MONTH = new RegExp(
  String.raw`\b(?:${MONTH_NAME}|Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\b`,
  'i',
);
const NUMERIC_DATE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/;

/** A date expression in the clause that the interpreter reads as an exact day, with its preposition. */
function dateIn(clause: string, reference: CalendarDate, timeZone: string): DeadlinePhrase | undefined {
  const noon = new Date(`${reference}T12:00:00Z`);
  for (const result of chronoParser().parse(clause, { instant: noon, timezone: 0 }, { forwardDate: true })) {
    const start = result.start;
    // A clock time alone ("at 7pm") or a count ("two weeks", read by the listed phrases) is not a date.
    // Only a named day or month, or a numeric date: chrono also reads counts and amounts ("one week", "24h",
    // "$116.25M"), which are durations or no time at all. A month alone needs its year ("March update" is a label).
    const named = DAY_OR_MONTH.test(result.text) || NUMERIC_DATE.test(result.text);
    const day = start.isCertain('day') || start.isCertain('weekday');
    if (!named || (!day && !/\b(?:19|20)\d{2}\b/.test(result.text)) || CASUAL.test(result.text.trim())) continue;
    const before = clause.slice(0, result.index);
    if (PAST.test(before)) continue;
    const preposition = PREPOSITION.exec(before);
    const from = preposition ? result.index - preposition[0].length : result.index;
    const end = result.index + result.text.replace(/[\s,.;:]+$/, '').length;
    const said = clause.slice(from, end).replace(/\s+/g, ' ').trim();
    // "set interim targets for 2030", "report to the 2012 Conference": a year said after "for"/"to"/"of" is a target year.
    const bare = clause.slice(result.index, end);
    const tries = [said, ...(preposition && /^(?:for|to|in)$/i.test(preposition[1]) ? [`by ${bare}`] : []), bare];
    const read = tries.map((t) => [t, interpretDeadline(t, reference, timeZone)] as const).find(([, d]) => d.kind === 'exact');
    if (!read) continue;
    return { text: read[0], start: from, end, sort: 'exact' };
  }
  // chrono leaves a bare year alone; "interim targets for 2030" is a target year, due by its end.
  const year = /\bfor\s+((?:19|20)\d{2})\b(?![/-]\d|\s*(?:levels?|%|per|budget|fiscal|financial))/.exec(clause);
  if (year && interpretDeadline(`by ${year[1]}`, reference, timeZone).kind === 'exact')
    return { text: `by ${year[1]}`, start: year.index, end: year.index + year[0].length, sort: 'exact' };
  return undefined;
}

// Verbs before "when" that make it a question ("decide when", "ask when the hall is free"): no anchor.
const QUESTION_VERBS = [
  'see',
  'ask',
  'asks',
  'asked',
  'check',
  'know',
  'knows',
  'wonder',
  'determine',
  'confirm',
  'decide',
  'discuss',
  'consider',
  'clarify',
  'agree',
  'about',
];
const QUESTION = QUESTION_VERBS.map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`).join('|');
const ANCHOR = new RegExp(
  [
    // "ahead of COP15", "prior to and/or in conjunction with the landscape work", "on the eve of the vote".
    '\\b(?:(?:just|right|shortly|soon|immediately|directly|well|long)\\s+)?(?:prior\\s+to|ahead\\s+of|in\\s+advance\\s+of|in\\s+time\\s+for|in\\s+the\\s+run[- ]up\\s+to|on\\s+the\\s+eve\\s+of|by\\s+the\\s+time(?:\\s+of)?|pending\\s+(?=(?:the|a|an|its|their|his|her|our|further|final|formal|receipt|approval|completion|review|confirmation)\\b))',
    // "before obtaining NATO membership", "after discussions between …" ("than before", "look after", "year after year" are not).
    '\\b(?<!\\b(?:than|ever|as|never|again|look(?:s|ed|ing)?|named)\\s)(?:before|after)\\s+(?!(?:all|which|that|us|you|them|him|her|it|day|week|month|year|time)\\b)(?!(?:the\\s+)?(?:[A-Z][\\w-]*\\s+)*(?:Court|Council|Committee|Board|Commission|Parliament|Assembly|Congress|Senate|Tribunal)\\b(?!\\s+(?:meets?|meeting|session|vote|decides?|approves?)))',
    // "upon exit" ("call upon", "agreed upon", "based upon", "upon request" are not).
    '\\b(?<!\\b(?:act(?:s|ed|ing)?\\s+(?:\\w+\\s+)?|call(?:s|ed|ing)?|agreed|based|depend(?:s|ed|ing)?|rel(?:y|ies|ied)|impos(?:e|es|ed)|insist(?:s|ed)?|act(?:s|ed)?|draw|focus(?:es|ed)?|look(?:s|ed)?|decided?|touch(?:ed)?|embark(?:ed)?|reflect(?:s|ed)?|incumbent|are|is|be)\\s)upon\\s+(?!(?:request|the\\s+request|invitation)\\b)',
    // "following the meeting" ("the following items" is not).
    '\\b(?<!\\b(?:the|these|those|as|of|a|is|are)\\s)following\\s+(?=(?:the|a|an|its|their|his|her|our|this|that|these|[a-z]+ing|[A-Z]\\w+)\\b)',
    // "once the raw specification is merged" ("once a year", "once again", "at once" are not).
    '\\b(?<!\\bat\\s)once\\s+(?!(?:a|per|every|more|again|or|and|in|already|only)\\b)(?=(?:the|a|an|its|their|this|that|these|we|I|he|she|they|it|you|[A-Z][\\w-]*)\\b)',
    // "when the new pm process is out", "When fully operational" ("when making decisions", "when needed",
    // "decide when to" are a habit or a question: the standing-duty model weighs them).
    `\\b(?<!\\b(?:time|times|day|days|year|years|moment|point|period|${QUESTION})\\s)[Ww]hen\\s+(?!(?:to|[a-z]+ing|needed|necessary|required|appropriate|possible|requested|so\\s+requested|it\\s+comes|and\\s+where|and\\s+if)\\b)`,
    // "If needed we will hold …", "And if the President wants …, we'll build": a condition that opens the
    // sentence. (Inside it, "e-mail the Clerk if the bin is missing", ", if no items are posted," and "check
    // if …" the gold reads no deadline or a standing rule as often as an event.)
    `^(?:And\\s+)?[Ii]f\\s+(?!(?:and\\s+when|so|not|any|ever|only|possible|necessary|appropriate|you\\s+(?:are|have|would|want|wish|can))\\b)`,
  ].join('|'),
  'g',
);

const HABIT = /^(?:every|each|any|all)$/;
const NARRATED =
  /\b(?:said|was|were|had|did)\b|(?<!\b(?:is|are|be|been|being|has|have|get|gets|got)\s+)\b(?!(?:need|proceed|exceed|feed|speed|seed|indeed|red|bed)\b)[a-z]{3,}ed\b(?!\s+(?:by|to)\b)/;

/** A time anchor in the clause: the anchor word and the words it governs, up to the clause's next stop. */
function anchorIn(clause: string, wordsBefore: number): DeadlinePhrase | undefined {
  // "consult one another routinely before meetings of the Council": a habit, for the standing-duty model.
  if (/\b(?:routinely|regularly|always|usually|normally|habitually)\b/i.test(clause)) return undefined;
  for (const m of clause.matchAll(ANCHOR)) {
    const start = m.index ?? 0;
    // The deed must keep its own words when the anchor is taken out of it.
    if (clause.slice(0, start).trim().split(/\s+/).filter(Boolean).length < wordsBefore) continue;
    const rest = /^[^,;.:()]+/.exec(clause.slice(start))?.[0] ?? '';
    const words = rest.trim().split(/\s+/);
    // An anchor needs a noun phrase or a clause after it: at least one more word. "before every meeting"
    // is a habit (the standing-duty model's), and "When the meeting resumed",
    // "after the meeting said that" narrate what happened.
    if (words.length < 2 || HABIT.test(words[1]) || NARRATED.test(words.slice(2).join(' '))) continue;
    // "If needed we will …": the anchor ends where the deed's subject and modal begin.
    const text = words
      .slice(0, 16)
      .join(' ')
      .replace(/\s+(?:we|I|they|he|she|it|you)(?:\s+(?:will|would|shall|should|can|must|may))?$/i, '');
    return { text, start, end: start + text.length, sort: 'event' };
  }
  return undefined;
}

/**
 * The deed's time when the listed phrases found none: a date first (a date inside an anchor, "before
 * 5 March", is the deadline), else an anchor. `datesToo` is off for words before the deed, where a date
 * often says when the meeting was held ("At its meeting on 5 March, the board agreed to …").
 */
export function findTimeAnchor(clause: string, reference: CalendarDate, timeZone: string, datesToo = true): DeadlinePhrase | undefined {
  return datesToo ? (dateIn(clause, reference, timeZone) ?? anchorIn(clause, 2)) : anchorIn(clause, 0);
}
