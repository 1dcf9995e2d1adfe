/**
 * Splits one cue's clause into its coordinated promises: "agreed to reopen the crossing within
 * 30 days and to set up a surveillance team" is two items, each with its own words and deadline;
 * so are verb pairs under one cue ("immediately cease hostilities and fully respect …", "will be
 * frozen on 30 April and released on 14 May", "tripling … and doubling … by 2030").
 */
import { findDeadlinePhrase } from './find-deadline-phrase.js';
import { isParticiple } from './participle.js';
import { canBeInfinitive } from './tagger.js';
import { verbPairReader } from './verb-pair.js';
import { seriesSplits } from './verb-series.js';
import { MANNER_ADVERB } from './manner-adverb.js';

export interface Part {
  /** Offsets in the sentence. */
  start: number;
  end: number;
  /** A gerund pair, or a pair of deeds, shares one trailing deadline ("tripling X and doubling Y by 2030"). */
  sharesDeadlineOf?: number;
}

// "and to …", "and not to …", "and, subject to certain exceptions, not to …".
const COORDINATION =
  /,?\s+and(?:\s*,\s*[^,;]{1,60},)?\s+(?:further\s+|also\s+)?(?=(?:not\s+)?to\s+(?!(?:the|a|an|its|their|all|each|this|that|his|her|our)\b)[a-z])/g;
// "to bring an end to …, to usher in …, to propagate …": a series of infinitives, one deed each.
const INFINITIVE_SERIES = /,\s+(?:and\s+)?(?=to\s+([a-z]+)\b)/g;
// "Unlink SonarCloud, relink SonarCloud to ASWF", "Start reviewing ideas, propose an action and request
// feedback": notes list their deeds as bare verbs after commas.
const IMPERATIVE_SERIES = /,\s+(?:and\s+)?(?=([a-z]+)\s+[a-zA-Z@`"“(])/g;
// "reduce … by 2025; track and publicly report emissions; and incorporate …": clauses of one list.
const SEMICOLON_SERIES = /;\s+(?:and\s+)?(?=([a-z]+)\b)/g;
// "will engage in negotiations, and shall make every effort to conclude …": a second modal starts a second deed.
const MODAL_RESTART = /,?\s+and\s+(?:(?:also|further|then)\s+)?(?:shall|will|would|should|must)\s+(?:also\s+)?(?=[a-z])/g;
const VERB_AND = /,?\s+and\s+(?:(?:immediately|fully|also|further|then|promptly|subsequently|thereafter|jointly|regularly)\s+)?([a-z]+)\b/g;
const NOUN_SUFFIX = /(?:ment|tion|sion|ity|ness|ance|ence|ship|ism|ure|ies|ics|age|ty)$/;

/** A base verb: not shaped like a noun, a participle or an adverb, and one the tagger can read as a verb. */
export function isBaseVerb(word: string): boolean {
  if (NOUN_SUFFIX.test(word) || /(?:ing|ed|ly|s)$/.test(word)) return false;
  return canBeInfinitive(word);
}

// "commence", "ensure", "address", "discuss": verbs shaped like nouns, trusted in a pair only where the
// tagger reads them as verbs in context (verb-pair.ts checks both verbs' tags).
const NOUN_SHAPED_VERB = /(?:ence|ure|ss)$/;
const pairVerb = (word: string) => isBaseVerb(word) || (NOUN_SHAPED_VERB.test(word) && canBeInfinitive(word));
// "completely stop …", "more actively promote …": a manner word before the first verb; "apply", "rely" are verbs.
const LEAD_MANNER = new RegExp(
  String.raw`^(?:(?:immediately|fully|also|further|promptly|jointly|not|more|${MANNER_ADVERB})\s+)*(be\s+)?([a-z]+)`,
  'i',
);

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** Where a verb pair splits the span: the second verb's offset in the span, or none. */
function verbPairSplits(span: string): { at: number; from: number; shares: boolean }[] {
  const lead = LEAD_MANNER.exec(span);
  if (!lead) return [];
  const first = lead[2].toLowerCase();
  const kind = lead[1] ? (isParticiple(first) ? 'participle' : '') : first.endsWith('ing') ? 'gerund' : pairVerb(first) ? 'base' : '';
  if (kind === '') return [];
  const splits: { at: number; from: number; shares: boolean }[] = [];
  const pairReader = verbPairReader(span);
  for (const m of span.matchAll(VERB_AND)) {
    const word = m[1];
    const at = m.index ?? 0;
    const before = span.slice(splits.length ? splits[splits.length - 1].from : 0, at);
    const after = span.slice(at + m[0].length - word.length);
    const same = kind === 'gerund' ? word.endsWith('ing') && word.length > 5 : kind === 'participle' ? isParticiple(word) : pairVerb(word);
    if (!same || wordCount(before) < 2 || wordCount(after) < 3) continue;
    // "oversee and steer progress" is one deed; two verbs are two promises when each has its own
    // time ("meet weekly and report … within 48 hours") or its own manner ("cease … and fully respect").
    const ownManner = /\sand\s+(?:immediately|fully|also|further|then|promptly|subsequently|thereafter|jointly|regularly)\s/.test(m[0]);
    const [timeBefore, timeAfter] = [findDeadlinePhrase(before), findDeadlinePhrase(after)];
    // "meet weekly and report monthly" is one standing routine.
    const twoTimes = timeBefore && timeAfter && !(timeBefore.sort === 'recurrence' && timeAfter.sort === 'recurrence');
    // Splitting every "V1 its object and V2 …" pair cost 0.024 genre-CV F1 (session 4); a pair the tagger
    // reads as two verbs, each with its own object, outside a list or a nested infinitive, is split (verb-pair.ts).
    const ownObjects = kind === 'base' && pairReader(at, at + m[0].length - word.length);
    if (kind !== 'gerund' && !ownManner && !twoTimes && !ownObjects) continue;
    // "Jun to set up the form and announce the period by 30 April": a pair of deeds shares a trailing time.
    const shares = kind === 'gerund' || (ownObjects && !ownManner && !timeBefore);
    // The second verb keeps its own manner: "and immediately cease …" is due immediately.
    const and = /\band\s+/.exec(m[0]);
    splits.push({ at, from: and ? at + and.index + and[0].length : at + m[0].length - word.length, shares });
  }
  return splits;
}

// "an interim report no later than 15 August and a final report no later than 1 February".
const OBJECT_AND = /,?\s+and\s+(?=(?:an?|the)\s+)/g;

/** Where two objects of one verb, each with its own deadline, split the span. */
function objectPairSplits(span: string): { at: number; from: number }[] {
  const splits: { at: number; from: number }[] = [];
  for (const m of span.matchAll(OBJECT_AND)) {
    const at = m.index ?? 0;
    const before = span.slice(splits.length ? splits[splits.length - 1].from : 0, at);
    const after = span.slice(at + m[0].length);
    const [timeBefore, timeAfter] = [findDeadlinePhrase(before), findDeadlinePhrase(after)];
    // The first object's time must close it ("… no later than X and a …"), and the second carry its own.
    if (!timeBefore || !timeAfter || timeBefore.end < before.trimEnd().length - 1 || timeAfter.sort !== 'exact') continue;
    splits.push({ at, from: at + m[0].length });
  }
  return splits;
}

// "(1) … (2) … (3) …", "(a) …; (b) …": an enumeration inside one sentence is one promise per item.
const ENUMERATION = /(?:^|(?<=[\s,;:]))\(?((?:[a-h])|(?:i{1,3}|iv|v|vi{1,3})|(?:\d{1,2}))\)\s+/g;
const FIRST_MARKS = new Set(['a', 'i', '1']);

function enumerated(span: string, offset: number): Part[] | undefined {
  const marks = [...span.matchAll(ENUMERATION)];
  if (marks.length < 2 || !FIRST_MARKS.has(marks[0][1])) return undefined;
  return marks
    .map((m, i) => ({
      start: offset + (m.index ?? 0) + m[0].length,
      end: offset + (i + 1 < marks.length ? (marks[i + 1].index ?? 0) : span.length),
    }))
    .map((p) => {
      // "…; and (2)": the joining words belong to neither item.
      const text = span.slice(p.start - offset, p.end - offset);
      const trimmed = text.replace(/[\s,;]*(?:and|or)?\s*$/, '');
      return { start: p.start, end: p.start + trimmed.length };
    })
    .filter((p) => p.end > p.start);
}

export function splitCoordinated(sentence: string, actionStart: number, end: number): Part[] {
  const span = sentence.slice(actionStart, end);
  const items = enumerated(span, actionStart);
  if (items) return items;
  const parts: Part[] = [];
  let from = 0;
  const cuts: { at: number; length: number }[] = [...span.matchAll(COORDINATION)].map((m) => ({ at: m.index ?? 0, length: m[0].length }));
  const verbAhead = (m: RegExpMatchArray) => m[1] !== 'be' && isBaseVerb(m[1]);
  // A series splits only a span that is itself a verb phrase ("bring an end …, to usher in …").
  const lead = /^(?:(?:not|also|further|fully)\s+)?([a-z]+)/.exec(span);
  if (lead && isBaseVerb(lead[1]))
    for (const m of span.matchAll(INFINITIVE_SERIES)) if (verbAhead(m)) cuts.push({ at: m.index ?? 0, length: m[0].length });
  const imperative = /^([A-Z][a-z]+)\s/.exec(span)?.[1].toLowerCase();
  if (imperative && isBaseVerb(imperative) && span.length <= 200)
    for (const m of span.matchAll(IMPERATIVE_SERIES)) if (verbAhead(m)) cuts.push({ at: m.index ?? 0, length: m[0].length });
  for (const m of span.matchAll(SEMICOLON_SERIES)) if (verbAhead(m)) cuts.push({ at: m.index ?? 0, length: m[0].length });
  for (const m of span.matchAll(MODAL_RESTART)) cuts.push({ at: m.index ?? 0, length: m[0].length });
  cuts.sort((a, b) => a.at - b.at);
  for (const cut of cuts) {
    if (cut.at < from) continue;
    parts.push({ start: actionStart + from, end: actionStart + cut.at });
    from = cut.at + cut.length;
  }
  parts.push({ start: actionStart + from, end });
  // "…, and to hold talks": the part's deed is "hold talks"; the "to" only joined it to the series.
  for (const part of parts.slice(1)) {
    const to = /^to\s+/.exec(sentence.slice(part.start, part.end));
    if (to) part.start += to[0].length;
  }
  const result: Part[] = [];
  for (const part of parts.filter((p) => p.end > p.start)) {
    const span = sentence.slice(part.start, part.end);
    // A list of three deeds or more ("seek …, deepen …, and fight …") before a pair of two.
    const listPieces = seriesSplits(span).map((p) => ({ ...p, shares: false }));
    const verbPieces = listPieces.length > 0 ? listPieces : verbPairSplits(span);
    const pieces = verbPieces.length > 0 ? verbPieces : objectPairSplits(span).map((p) => ({ ...p, shares: false }));
    let start = part.start;
    const firstIndex = result.length;
    for (const piece of pieces) {
      result.push({ start, end: part.start + piece.at });
      start = part.start + piece.from;
    }
    result.push({ start, end: part.end });
    if (pieces.some((p) => p.shares)) {
      const last = result.length - 1;
      for (let i = firstIndex; i < last; i++) result[i].sharesDeadlineOf = last;
    }
  }
  return result;
}
