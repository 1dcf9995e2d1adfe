/**
 * Finds the part of a promise that says when: "within 30 days", "by 31 December 2024", "at an early
 * date", "after the formation of the new government", "till full eradication of …", "every six months".
 * The interpreter reads the phrase; this only decides which words it is and what sort they look like.
 */
import { MONTH_FULL, MONTH_NAME } from '../commitments/month-names.js';

export type PhraseSort = 'exact' | 'vague' | 'event' | 'ongoing' | 'recurrence';

export interface DeadlinePhrase {
  /** The phrase as said, quotes removed and spaces collapsed. */
  text: string;
  start: number;
  end: number;
  sort: PhraseSort;
}

const MONTH = `${MONTH_NAME}\\.?`;
// Notes shorten the day ("Will remove lock on Wed", "a meeting on Mon afternoon").
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Weds?|Thu(?:rs?)?|Fri)(?![a-z])';
const NUMBER =
  '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|sixty|ninety|a few)';
const DATE = `(?:${WEEKDAY},?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+\\d{4})?|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|${WEEKDAY}|(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:next\\s+|this\\s+)?(?:week|month|quarter|year|${MONTH}(?:\\s+\\d{4})?|\\d{4})|next\\s+(?:week|month|year)|${MONTH}\\s+\\d{4}|(?:(?:the\\s+)?year\\s+)?(?:19|20)\\d{2}(?!\\s*(?:per|%|levels)))`;
const PERIOD = `(?:the\\s+)?(?:end\\s+of\\s+the\\s+)?(?:fiscal\\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\\s+(?:half|quarter|semester)\\s+of\\s+(?:fiscal\\s+)?(?:(?:19|20)\\d{2}|next\\s+year|this\\s+year)|(?:early|mid|late)[- ](?:19|20)\\d{2}|this\\s+year|Q[1-4](?:\\s+(?:19|20)\\d{2})?\\b|(?:the\\s+)?(?:fiscal\\s+)?(?:first|second|third|fourth)\\s+quarter(?!\\s+of)`;

const PHASE = '(?:Phase|Stage)\\s+(?:[IVX]+|One|Two|Three|Four|Five|\\d+|[A-C])\\b';

interface Rule {
  sort: PhraseSort;
  pattern: RegExp;
  /** Rejects a match that only looks like a deadline ("on the 2025 budget"). */
  accept?: (match: string) => boolean;
  /** Skipped when the clause also gives this: "before the hearing on 3 October" is due on that day. */
  yieldsTo?: RegExp;
}

// A bare year reads as a deadline after "by", "in", "before", "until" — not after "on" or "at".
const yearOnlyAfterOnOrAt = (m: string) => !/^(?:on|at)\s+(?:the\s+)?(?:19|20)\d{2}$/i.test(m);

// "the Annual Conference", "the Weekly Review": a name, not a recurrence.
const notAName = (m: string) => !/\b(?:Annual|Yearly|Weekly|Monthly|Quarterly|Regular)\s+[A-Z]/.test(m);

// A named occasion whose date the text does not give (a month's meeting is dated by its month, below): "at the autumn session", "ahead of the Summit",
// "in time for the next Summit", "no later than the release of the report".
const OCCASION = new RegExp(
  String.raw`\b(?<!(?:hours?|days?|weeks?|months?)\s)(?:(?:ahead|in\s+advance)\s+of|in\s+time\s+for|at|to|for|by|until|(?:no|not)\s+later\s+than)\s+(?:the|its|their|our)\s+(?!${MONTH_FULL}\s+(?:[a-z]+\s+){0,2}meeting\b)(?:(?:next|upcoming|forthcoming|coming|first|second|third|final)\s+)?(?:(?:autumn|spring|summer|winter|fall|annual|general|plenary|regular|special|ministerial|high-level|[A-Z][\w'’-]*)\s+){0,3}(?:session|meeting|summit|conference|assembly|hearing|sitting|forum|review\s+conference|COP|G\d+|Summit|Conference|Assembly|Session)\b(?!\s+(?:on|in)\s+\d)(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?`,
);
const RELEASE_OF =
  /\b(?:(?:no|not)\s+later\s+than|before|by|upon|on|at|following|after|with)\s+(?:the\s+)?(?:release|publication|adoption|submission|completion|launch|opening|start|conclusion|entry\s+into\s+force|signing|ratification|approval)\s+of\s+(?:the\s+|its\s+|their\s+)?(?![^,;.]*\b(?:this|the\s+present)\s+(?:Agreement|Resolution|Declaration|Statement)\b)[^,;.]+/i;

/**
 * Occasions the formal texts name without a day, each an `event`: an occasion held at a time ("send a
 * delegation to the event to be held … in mid-August": the month dates the occasion, not the deed), a
 * named occasion of a year ("such as the 2018 Asian Games"), a dated step of a deal or security ("accrued
 * interest to the redemption date"), and the condition a payment waits on ("in connection with the
 * termination of the Merger Agreement", "If the Merger Agreement is terminated …").
 */
const FORMAL_EVENTS: Rule[] = [
  {
    sort: 'event',
    pattern:
      /(?<=\b(?:to|at|in|for|attend|join|participate\s+in)\s+)(?:the|an?)\s+(?:[\w'’-]+\s+){0,3}?(?:event|meeting|summit|conference|ceremony|session|talks|forum|games|festival|celebrations?)\s+(?:to\s+be\s+held|(?:which|that)\s+(?:is|are|will\s+be)\s+(?:held|scheduled|planned)|scheduled\s+(?:for|to\s+take\s+place)|planned\s+for|taking\s+place)\b[^,;.]*?(?=\s+to\s+[a-z]|[,;.]|$)/i,
    yieldsTo: new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_FULL}\b|\b${MONTH_FULL}\s+\d{1,2}\b`),
  },
  {
    sort: 'event',
    pattern:
      /\b(?:at|in|for|during|such\s+as|before|after|ahead\s+of|until)\s+the\s+(?:19|20)\d{2}\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Games|Olympics|Summit|Conference|Cup|Expo|Championships?|Assembly|Session|Forum|Festival|Elections?)\b/,
  },
  {
    sort: 'event',
    pattern:
      /\b(?:to|until|through|on|by|before|after|prior\s+to)\s+the\s+(?:redemption|closing|maturity|payment|payable|settlement|completion|expiry|expiration)\s+date\b/i,
    yieldsTo: new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_FULL}\b|\b${MONTH_FULL}\s+\d{1,2}\b`),
  },
  {
    sort: 'event',
    pattern:
      /\b(?:(?:[Uu]pon|[Ii]n\s+connection\s+with|[Ii]n\s+the\s+event\s+of)\s+(?:the\s+|a\s+|any\s+)?(?:completion|conclusion|expiry|expiration|termination|closing|consummation)\s+of\s+[^,;.]+|[Ii]f\s+(?:the\s+|this\s+)?(?:[\w-]+\s+){0,3}(?:is|are)\s+(?:terminated|completed|consummated|approved|adopted|signed|ratified)\b[^,;.]*)/,
  },
];

const DAY_PRECISE = new RegExp(
  `\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\d{4}-\\d{2}-\\d{2}|${WEEKDAY})`,
  'i',
);

// "at the November board meeting", "to November meeting": a meeting the month names is held in that month.
const MONTH_MEETING = `${MONTH}\\s+(?:(?:[Bb]oard|[Cc]ouncil|[Pp]arish|[Rr]egular|[Mm]onthly|[Cc]ommittee|[Tt]rustees'?|[Mm]embers'?|[Gg]eneral)\\s+){0,2}(?:[Mm]eeting|[Ss]ession|[Ss]itting)\\b`;
const DEFERRAL =
  '\\b(?:defer(?:s|red|ring)?|delay(?:s|ed|ing)?|postpon(?:e|es|ed|ing)|tabl(?:e|es|ed|ing)|adjourn(?:s|ed|ing)?|carr(?:y|ies|ied)\\s+(?:over|forward)|held\\s+over|hold\\s+over)\\b';

// Order matters: an end condition or a cap inside a vague phrase wins over the vague words.
const RULES: Rule[] = [
  // "Decides to renew until 31 August 2026 the mandate": extending a term to a date is done by that date.
  { sort: 'exact', pattern: new RegExp(`(?<=\\b(?:extend|renew|prolong)\\w*\\b[^;.]*?)\\buntil\\s+(?:${DATE})`, 'i') },
  // Minutes defer a deed to a day or a meeting: "delay the review until June 27", "motion to table until
  // September meeting", "deferred until the next meeting". The deed is then due, not a duty lasting till then.
  { sort: 'exact', pattern: new RegExp(`(?<=${DEFERRAL}[^;.]*?)\\b(?:until|till|to)\\s+(?:the\\s+)?(?:${DATE}|${MONTH_MEETING})`, 'i') },
  { sort: 'event', pattern: new RegExp(`(?<=${DEFERRAL}[^;.]*?)\\b(?:until|till)\\s+[^,;.]+`, 'i') },
  { sort: 'ongoing', pattern: /\b(?:until|till|untill)\s+(?!(?:\d|the end of)\b)[^,;.]+/i },
  {
    sort: 'ongoing',
    pattern: /\bfor\s+(?:a\s+period\s+of\s+)?(?:\w+\s+)?(?:months?|years?)\s+(?:from\s+and\s+after|following|after|from)\s+[^,;.]+/i,
  },
  // "contribute $1.5 million over five years": spread over the period, not due at its end ("over the next
  // five years" stays a period that ends).
  { sort: 'ongoing', pattern: new RegExp(`\\bover\\s+(?:a\\s+period\\s+of\\s+)?${NUMBER}\\s+(?:months|years)\\b`, 'i') },
  // "report any violation within 48 hours of its occurrence": a duty owed each time, not once.
  {
    sort: 'ongoing',
    pattern: new RegExp(
      `\\bwithin\\s+${NUMBER}\\s+(?:hours?|days?)\\s+of\\s+(?:its|their|each|every|any|the)\\s+(?:occurrence|detection|discovery|incident|violation|breach)\\b`,
      'i',
    ),
  },
  // "throughout Phase One", "during the period between signing and closing", "during school hours"
  // ("throughout South Sudan" is a place).
  {
    sort: 'ongoing',
    pattern:
      /\b(?:throughout\s+(?!the\s+(?:country|region|world|territory|city)\b)[^,;.]+|(?:during|for)\s+the\s+(?:period|term|duration|life)\s+(?:of|between|from)\s+[^,;.]+|during\s+[a-z -]*\b(?:hours|times|shifts|weekends|holidays)\b)/gi,
    accept: (m) => !/^throughout\s+(?!(?:Phase|Stage|Period)\b)[A-Z]/.test(m),
  },
  // ("a quarterly cash dividend" names the dividend; its payment is one deed with its own day.)
  {
    sort: 'recurrence',
    pattern:
      /\b(?:(?:at|during)\s+(?:each|every)\s+(?:\w+\s+)?(?:session|meeting|summit|conference)|twice\s+a\s+year|(?:bi|semi)-?annually|half-yearly|every\s+(?:\w+\s+)?(?:day|week|fortnight|month|quarter|year|days|months|years|weeks|session)|(?:at\s+least\s+)?(?:once|twice)\s+(?:a|per|every)\s+(?:week|month|quarter|year)|(?:on\s+the\s+\w+\s+\w+\s+)?of\s+each\s+(?:week|month|year)|weekly|daily|monthly|quarterly|annually|yearly|fortnightly|biannually|regularly|periodically|on\s+an?\s+(?:regular|annual|yearly|weekly|monthly|quarterly|daily|periodic)\s+basis|(?:each|every)\s+(?:day|week|month|quarter|year)|regular\s+(?:[a-z-]+\s+){0,2}?(?:consultations|meetings|talks|dialogues?|exchanges|reviews|visits|exercises|patrols)|(?<!\bnext\s)annual\s+(?:consultations|meetings?|summits?|reviews?|dialogues?))\b(?!\s+(?:cash\s+|stock\s+)?(?:dividends?|distributions?)\b)/gi,
    accept: notAName,
  },
  { sort: 'recurrence', pattern: /\b\d[\d,.]*\s+(?:[a-z-]+\s+){1,4}(?:a|per|each)\s+(?:day|week|month|year)\b/i },
  // "During Phase One", "no later than the 16th day of Phase One", "within 21 days of the start of
  // Phase I": the phase is an event whose date the text does not give.
  {
    sort: 'event',
    pattern: new RegExp(
      `\\b(?:(?:during|in|by\\s+the\\s+end\\s+of|before\\s+the\\s+end\\s+of|at\\s+the\\s+(?:start|end|beginning)\\s+of)\\s+|(?:within|no\\s+later\\s+than|not\\s+later\\s+than)\\s+${NUMBER}\\s+(?:days?|weeks?)\\s+(?:of|after|from)\\s+the\\s+(?:start|beginning|commencement|end)\\s+of\\s+|(?:(?:no|not)\\s+later\\s+than|by|on|before)\\s+the\\s+\\d{1,3}(?:st|nd|rd|th)\\s+day\\s+of\\s+)(?:the\\s+)?${PHASE}`,
      'i',
    ),
  },
  // "within 72 hours of the cessation of hostilities": a count from a named event (the text's own signing,
  // adoption, date or meeting is the reference date, read by the next rule).
  {
    sort: 'event',
    pattern: new RegExp(
      `\\b(?:within|no\\s+later\\s+than|not\\s+later\\s+than)\\s+${NUMBER}\\s+(?:business\\s+|working\\s+|calendar\\s+)?(?:hours?|days?|weeks?|months?|years?)\\s+(?:of|after|following|from)\\s+the\\s+(?!(?:date|signing|signature|adoption|entry\\s+into\\s+force|meeting|receipt)\\b)[a-z][^,;.]*`,
      'i',
    ),
  },
  // "to start soon after agreement from the insurer", "as soon as paragraph 1 has been implemented": after an event.
  {
    sort: 'event',
    pattern:
      /\b(?:(?:soon|shortly|immediately|directly|right)\s+(?:after|following|upon)\s+[^,;.]+|as\s+soon\s+as\s+(?!(?:reasonably\s+)?(?:possible|practicable|feasible|may\s+be)\b)(?:the\s+|its\s+|[a-z]+\s+)?[a-z][^,;]{0,120}?\b(?:is|are|has|have|been|becomes?|enters?|takes?)\b[^,;.]*)/i,
  },
  { sort: 'ongoing', pattern: /\b(?:continuously|continually|on\s+an\s+ongoing\s+basis|at\s+all\s+times)\b/i },
  // "permanently close the facility on or around July 25": a deed done for good on a day is due that day.
  { sort: 'ongoing', pattern: /\bpermanently\b/i, yieldsTo: DAY_PRECISE },
  { sort: 'event', pattern: OCCASION, yieldsTo: DAY_PRECISE },
  ...FORMAL_EVENTS,
  // "ahead of presidential elections", "in advance of the vote": an occasion named without a date.
  {
    sort: 'event',
    pattern:
      /\b(?:ahead|in\s+advance)\s+of\s+(?:(?:the|its|their|our|next|upcoming|forthcoming)\s+)*(?:[\w'’-]+\s+){0,3}?(?:elections?|vote|referendum|polls|summit|session|meeting|conference|review)\b/i,
    yieldsTo: DAY_PRECISE,
  },
  { sort: 'event', pattern: RELEASE_OF, yieldsTo: DAY_PRECISE },
  {
    sort: 'exact',
    pattern: new RegExp(
      `\\b(?:in\\s+any\\s+event\\s+)?(?:within\\s+the\\s+next\\s+(?:${NUMBER}\\s+)?|(?:within|(?:in|over)\\s+the\\s+next|no\\s+later\\s+than|not\\s+later\\s+than)\\s+(?:(?:approx\\.|approximately|about|around|roughly|some)\\s+)?${NUMBER}\\s+)(?:business\\s+|working\\s+|calendar\\s+)?(?:hours?|days?|weeks?|months?|years?)(?:\\s+(?:of|after|from|following)\\s+(?:the\\s+)?(?:date\\s+(?:of\\s+)?(?:(?:this|the)\\s+(?:[A-Z][\\w-]*\\s+)?\\w+|hereof|signing|signature)|(?:signing|signature|adoption)(?:\\s+of\\s+(?:this|the\\s+present)\\s+\\w+)?|today'?s?\\s+\\w+|this\\s+\\w+|receipt|the\\s+meeting))?`,
      'i',
    ),
  },
  // Notes count from the meeting: "in two weeks", "in a week or so", "in roughly 1 month's time", "after 1 month".
  {
    sort: 'exact',
    pattern: new RegExp(
      `\\b(?:in|after)\\s+(?:(?:roughly|about|around|approximately|~)\\s*)?${NUMBER}\\s+(?:days?|weeks?|months?)\\b(?:['’]s?\\s+time|\\s+time|\\s+or\\s+so)?(?!\\s+(?:of|ago|later|earlier|before|after|from|since)\\b)`,
      'i',
    ),
  },
  // "by the end of the current fiscal year", "in the next financial year".
  {
    sort: 'exact',
    pattern:
      /\b(?:by|before|in|during|within)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?(?:(?:this|next|current|following)\s+)?(?:fiscal|financial)\s+year\b/i,
  },
  // "in the latter half of December", "during the first half of March": a part of a named month.
  {
    sort: 'exact',
    pattern: new RegExp(
      String.raw`\b(?:in|by|before|during|within|over)\s+the\s+(?:first|second|latter|last|later|earlier)\s+half\s+of\s+${MONTH_FULL}\b(?!\s+\d)`,
    ),
  },
  // "the work would be carried out July/August", "in June or July": a span of two months, done by the end of the second.
  {
    sort: 'exact',
    pattern: new RegExp(String.raw`\b(?:(?:in|by|during|over|around)\s+)?${MONTH_FULL}\s*(?:\/|-|–|—|\s+or\s+)\s*${MONTH_FULL}\b(?!\s+\d)`),
  },
  // "we will be notified on the 18th": a day of the month said alone, the next such day after the text's date.
  { sort: 'exact', pattern: /\b(?:on|by|before)\s+the\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?=\s*(?:[.,;:)]|$))/ },
  // A month named alone, capitalised so "may" the verb is never read: "in March", "by June".
  {
    sort: 'exact',
    pattern: new RegExp(
      String.raw`\b(?:in|by|before|during|from|starting\s+in|this|next)\s+(?:early\s+|mid-|late\s+)?${MONTH_FULL}\b(?!\s+\d)`,
    ),
  },
  // ("senior notes due 2045" names the notes by their maturity: no deadline of the deed; "per share payable
  // July 9, 2012" is the payment's day.)
  {
    sort: 'exact',
    pattern: new RegExp(
      `\\b(?:(?<!\\b(?:notes?|debentures?|bonds?|debt|securities|loans?|facility|obligations)\\s+)due:?|payable|by|on|no\\s+later\\s+than|not\\s+later\\s+than|before|from|in|at|effective|as\\s+of|with\\s+effect\\s+from)\\s+(?:\\d{1,2}(?::\\d{2})?\\s*(?:hours|am|pm|a\\.m\\.|p\\.m\\.)\\s+(?:on\\s+)?)?(?:the\\s+)?(?:${PERIOD}|${DATE})(?:\\s+(?:meeting|session|deadline))?`,
      'gi',
    ),
    accept: yearOnlyAfterOnOrAt,
  },
  // "expected to be paid during the third quarter of fiscal 2014": a quarter the deed falls in.
  { sort: 'exact', pattern: new RegExp(`\\bduring\\s+(?:the\\s+)?(?:${PERIOD})`, 'i') },
  {
    sort: 'exact',
    pattern: new RegExp(
      `\\b(?:at|by|before|for|to)\\s+the\\s+(?:${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?)\\s+(?:meeting|session|hearing)`,
      'i',
    ),
  },
  // "launch direct flights next year", "later this month": a period said without a preposition.
  { sort: 'exact', pattern: /\b(?:later\s+)?(?:[Tt]his|[Nn]ext)\s+(?:week|month|quarter|year)\b(?!\s*(?:'s|’s))/ },
  // "will review the plugin over the weekend", "by the weekend": the coming weekend.
  { sort: 'exact', pattern: /\b(?:over|by|during|on|at|before)\s+the\s+weekend\b|\b(?:[Tt]his|[Nn]ext)\s+weekend\b/ },
  // "Will write up today", "next meeting later today": the day of the notes.
  // ("Today, 16 cities pledged …", "announced today that …": the day of the news, not a deadline.)
  {
    sort: 'exact',
    pattern:
      /(?<=\b[a-z]+\s+)(?<!\b(?:[a-z]+ed|said|says|announces|announce|pledge|pledges|commit|commits|agree|agrees|here|we|they)\s+)\b(?:today|tonight|tomorrow)\b(?!\s*(?:'s|’s|,))/i,
  },
  // "for the October meeting", "to November meeting": the month's meeting is held by the month's end (real
  // minutes are labelled so; the README's "at its meeting in <Month YYYY>").
  { sort: 'exact', pattern: new RegExp(`\\b(?:for|at|by|before|to|until|till)\\s+(?:the\\s+|its\\s+|their\\s+)?${MONTH_MEETING}`) },
  // "at maturity", "upon completion of the disengagement": occasions without a day.
  {
    sort: 'event',
    pattern:
      /\b(?:at\s+(?:maturity|expiry|expiration)|[Uu]pon\s+(?:the\s+)?(?:completion|conclusion|expiry|expiration|termination)\s+of\s+[^,;.]+)/,
  },
  // "report to the 42nd Directing Council", "for the next Steering Council": a body's numbered or next sitting.
  {
    sort: 'event',
    pattern:
      /\b(?:to|at|before|by|for|until)\s+(?:the|its|their)\s+(?:next|\d{1,3}(?:st|nd|rd|th))\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Council|Committee|Board|Congress|Assembly|Conference)\b/,
    yieldsTo: DAY_PRECISE,
  },
  // "sublease the facility upon exit", "after confirmation with the Chairman", "inventory on the date of closure":
  // a step named by its noun alone, with no day given.
  {
    sort: 'event',
    pattern:
      /\b(?:(?:[Uu]pon|[Aa]fter|[Ff]ollowing|[Oo]n)\s+(?:exit|closure|closing|completion|confirmation|ratification|approval|receipt|arrival|delivery|acceptance|signature|termination|expiry)\b(?:\s+(?:of|with|from|by)\s+[^,;.]+)?|\b(?:on|by|before|after|at)\s+the\s+date\s+of\s+(?!(?:this|the\s+present|these|signing|signature|adoption|its\s+adoption|entry|the\s+meeting|receipt)\b)(?:the\s+)?[a-z]+(?:\s+of\s+[^,;.]+)?)/,
    yieldsTo: DAY_PRECISE,
  },
  // "at our next Summit", "at its next regular meeting", "at the 13th CSC Leaders' Summit", "at the next sync";
  // the notes' own occasions: "in the next release", "during the next sprint", "until the next meeting";
  // what is brought to a coming meeting is due by it: "report to the 29th meeting", "defer … to its 17th
  // meeting", "during its 2021 Meeting", "in some future meeting".
  {
    sort: 'event',
    pattern:
      /\b(?:at|before|by|for|in|during|until|till|after|with)\s+(?:(?:its|the|their|our|a|some)\s+)?(?:next|future|upcoming|forthcoming|coming|[\w-]+(?:th|st|nd|rd)|(?:19|20)\d{2})\s+(?:[\w'’-]+\s+){0,3}?(?:sessions?|meetings?|summits?|conferences?|hearings?|sync|stand-?up|call|check-in|review|retro(?:spective)?|sprint|release|milestone|cycle|iteration|version|office\s+hours|issue|edition|newsletter|bulletin|workshop)\b/i,
  },
  {
    sort: 'event',
    pattern:
      /\bto\s+(?:its|the|their|our)\s+(?:next|upcoming|forthcoming|[\w-]+(?:th|st|nd|rd)|(?:19|20)\d{2})\s+(?:[\w'’-]+\s+){0,3}?(?:[Ss]essions?|[Mm]eetings?|[Ss]ummits?|[Cc]onferences?|[Aa]ssembly|[Hh]earings?)\b(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|and))*(?<!\s(?:of|the|and)))?/,
  },
  {
    sort: 'event',
    pattern:
      /\b(?:(?:at\s+least\s+)?(?:\d+|one|two|three|four|six|a)\s+(?:days?|weeks?|months?)\s+)?(?:before|after|once|when)\s+(?:[a-z-]+\s+){1,3}(?:begins?|starts?|ends?|opens?|closes?|resumes?|concludes?|arrives?|takes?\s+effect|is\s+(?:completed|signed|adopted|approved|ratified|formed|launched|finali[sz]ed)|are\s+(?:completed|signed|adopted|approved|held))\b|\b(?:(?:at\s+least\s+)?(?:\d+|one|two|three|four|six|a)\s+(?:days?|weeks?|months?)\s+)?(?:before|after|following|upon|once|prior\s+to)\s+(?!(?:the\s+)?(?:date|level|time|end)\b)(?:its|the|his|her|their|our|a|an|any)\s+[^,;.]+|\bat\s+(?:its|the|their)\s+(?:next|[\w-]+(?:th|st|nd|rd)|[A-Z][a-z]+)\s+(?:session|meeting|summit|conference|hearing)\b|\b(?:after|once|when)\s+(?:the\s+)?[A-Z]?[a-z]+\s+(?:has|have|is|are|confirms?|concludes?|enters?)\b[^,;.]+/,
  },
  // "(report next meeting)", "fix it next sprint": notes drop the preposition before their next occasion.
  {
    sort: 'event',
    pattern:
      /(?<=\b(?!(?:the|is|was|of|and|or|our|their|its)\b)[a-z]+\s+)next\s+(?:meeting|sprint|release|milestone|cycle|iteration|call|sync)\b/,
  },
  // A deed that waits on another: "once I have talked to Philip", "Once the raw ASL specification is merged",
  // "if and when it monetizes its remaining assets", "with the link when ready", "after survey done".
  {
    sort: 'event',
    pattern:
      /\b(?:(?<!\bat\s)once\s+(?:[\w'’-]+\s+){1,5}?(?:is|are|has|have|had|was|were|gets?|becomes?)\s+(?:been\s+)?[a-z]+\b(?:\s+(?!(?:the\s+[\w-]+|we|I|he|she|they|it)\s+(?:will|would|shall|should|can|is|are)\b)[\w'’/-]+){0,8}|if\s+and\s+when\s+[^,;.]+|when\s+(?:it\s+is\s+|they\s+are\s+)?ready\b|after\s+(?:the\s+)?(?:[a-z]+\s+){0,3}(?:done|complete|completed|finished|moved|merged|approved)\b[^,;.]*)/i,
  },
  // "before issuing any press release": a standing condition on every future act, not an event.
  { sort: 'ongoing', pattern: /\b(?:(?:before|prior\s+to|whenever)\s+[a-z]+ing\s+(?:any|each|every|all)\b[^,;.]*|whenever\s+[^,;.]+)/ },
  // "before finalising a decision", "after signing the lease": once, after or before that act.
  { sort: 'event', pattern: /\b(?:before|prior\s+to|after|upon|following)\s+[a-z]{3,}ing\s+(?:the|a|an|its|their|our|his|her)\b[^,;.]*/ },
  // "in a predictable, timely, orderly and coordinated manner": "timely" in a list of manners is no deadline;
  // "the partial early redemption of the Notes" names a kind of redemption, not its time.
  {
    sort: 'vague',
    pattern:
      /\b(?:effective\s+immediately|immediately(?!\s+(?:prior|before|after|following))|an?\s+immediate(?=\s+[a-z])|immediate(?=\s+(?:actions?|steps|measures)\b)|(?:in|during|over|by)\s+the\s+(?:fall|autumn|spring|summer)(?:\s+of\s+\d{4})?|(?:in|during|over|by|before|until|at\s+one\s+of\s+its)\s+(?:fall|autumn|spring|summer|Fall|Autumn|Spring|Summer)\s+(?:19|20)\d{2}|(?:later|earlier|early)\s+in\s+the\s+(?:year|month)|(?:(?:in|during|over|by)\s+)?this\s+(?:fall|autumn|spring|summer)|(?:with\s+)?immediate\s+effect|forthwith|at\s+once|without\s+(?:undue\s+|further\s+)?delay|(?:in|over|during|within)\s+the\s+(?:coming|next\s+few|next\s+couple\s+of)\s+(?:days|weeks|months)|(?:in|within)\s+(?:a\s+few|a\s+couple\s+of)\s+(?:days|weeks|months)|in\s+the\s+months\s+ahead|shortly|asap|a\.s\.a\.p|before\s+long|as\s+a\s+matter\s+of\s+(?:priority|urgency)|as\s+(?:early|quickly)\s+as\s+possible|in\s+an\s+expeditious\s+(?:manner|fashion)|as\s+(?:promptly|soon|quickly)\s+as\s+(?:reasonably\s+)?(?:possible|practicable)|promptly|urgently|expeditiously|at\s+the\s+earliest(?:\s+possible\s+date|\s+opportunity)?|(?:its|their|the)\s+earliest\s+possible\s+[a-z]+|in\s+the\s+near\s+future|soon|in\s+a\s+timely\s+manner|(?<!,\s)timely(?!\s*,)|at\s+an\s+early\s+date|early\s+(?!(?:redemption|repayment|retirement|extinguishment|termination)\b)\w+(?:ation|ment|ion|al)\b|in\s+due\s+course|(?:when|where|as|if)\s+(?:[a-z]+\s+)?(?:conditions|circumstances|resources)\s+(?:permit|allow)|at\s+a\s+(?:mutually\s+)?(?:convenient|agreed|acceptable|suitable)\s+(?:time|date)|in\s+the\s+(?:short|near)\s+term|in\s+the\s+coming\s+year|(?:in|over)\s+the\s+(?:medium|long)\s+term|(?:by|around)\s+mid-century)\b/i,
  },
  // "Betty will provide update as needed", "store the documents in the interim", "support the Hall
  // Committee where and when they can": a duty kept for as long as it is called on (any time phrase wins).
  {
    sort: 'ongoing',
    pattern:
      /\b(?:as\s+(?:and\s+when\s+)?(?:needed|necessary|required)\b(?!\s+by\s+law)|in\s+the\s+interim\b|(?:where|when)\s+and\s+(?:when|where)\s+(?:they|we|it|he|she|needed|necessary|possible)(?:\s+can)?\b)/i,
  },
  // Notes give a date with no preposition: "Open vote May 1", "Next meeting: 22 May 2019". Last, so any
  // phrase with its preposition wins.
  {
    sort: 'exact',
    pattern: new RegExp(
      `\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+\\d{4})?|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+\\d{4})?)\\b`,
    ),
  },
];

// "ten (10) Business Days": the numeral repeats the word, so it is hidden (offsets kept).
const REPEATED_NUMERAL = new RegExp(`(\\b${NUMBER})(\\s*\\(\\d+\\))`, 'gi');

/** Hides quote marks and repeated numerals without moving offsets, so "at an early date" inside quotes still reads. */
function unquoted(text: string): string {
  return text
    .replace(REPEATED_NUMERAL, (_m, word: string, numeral: string) => word + ' '.repeat(numeral.length))
    .replace(/["“”‘’]/g, ' ')
    .replace(/(^|\s)'|'(?=\s|$|[,.;])/g, (m) => m.replace("'", ' '));
}

export function findDeadlinePhrase(text: string): DeadlinePhrase | undefined {
  const plain = unquoted(text);
  for (const rule of RULES) {
    if (rule.yieldsTo?.test(plain)) continue;
    const m = rule.pattern.global
      ? [...plain.matchAll(rule.pattern)].find((c) => !rule.accept || rule.accept(c[0]))
      : rule.pattern.exec(plain);
    if (!m) continue;
    const start = m.index ?? 0;
    let raw = m[0].replace(/\s+(?:to|and|for|in order to)\s*$/i, '').trimEnd();
    // "from the 2026 financial year": the year's label belongs to the phrase.
    const label = /^\s+(?:financial|fiscal|calendar|budget)\s+year\b/i.exec(plain.slice(start + raw.length));
    if (label && /(?:19|20)\d{2}$/.test(raw)) raw += label[0];
    return { text: raw.replace(/\s+/g, ' ').trim(), start, end: start + raw.length, sort: rule.sort };
  }
  return undefined;
}

/**
 * Whether a phrase found in a longer span is an adverbial of that span's own clause: it opens the span
 * or follows a comma, colon, bracket or a clause's first word ("that", "and") ("For a period of twelve months …, Parent shall …"), or lies
 * in the span's last part (from `from`). A phrase inside a noun's modifier ("a governmental order
 * permanently prohibiting the Merger") belongs to that modifier, not to the promise.
 */
export function standsOnItsOwn(span: string, phrase: DeadlinePhrase, from = span.length): boolean {
  // "will immediately resume …": an adverb in the verb group, just before the deed, is the deed's own.
  if (phrase.start >= from || phrase.end >= span.trimEnd().length - 1) return true;
  return /(?:^|[,;:(]|[,;:(]\s*["“]|\b(?:that|and|but|then))\s*$/i.test(span.slice(0, phrase.start));
}

/** The first phrase in the span that stands on its own (see standsOnItsOwn); phrases inside modifiers are passed over. */
export function findGoverningPhrase(span: string, from = span.length): DeadlinePhrase | undefined {
  let masked = span;
  for (let tries = 0; tries < 4; tries++) {
    const phrase = findDeadlinePhrase(masked);
    if (!phrase || standsOnItsOwn(span, phrase, from)) return phrase;
    masked = masked.slice(0, phrase.start) + ' '.repeat(phrase.end - phrase.start) + masked.slice(phrase.end);
  }
  return undefined;
}
