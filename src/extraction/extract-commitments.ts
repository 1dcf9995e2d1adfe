/**
 * Turns a statement or minutes into proposed commitments: lay out the text and split it into
 * sentences, find promise cues, split coordinated promises, score every candidate with the learnt
 * model (what once were gates are its features), read deadlines through the core's interpreter,
 * name parties, and merge restatements. Deterministic: the same text always gives the same items.
 */
import type { CalendarDate, Deadline } from '../commitments/deadline.js';
import { dueDateOf } from '../commitments/deadline.js';
import { featuresOf } from './candidate-features.js';
import { candidateModel, probability, type CandidateModel, type Features } from './candidate-model.js';
import { detectCues, STANDING_VERBS, type Cue } from './detect-cues.js';
import { isDefinition, isPastReport, isPreamble, isProcedural } from './exclusions.js';
import { findDeadlinePhrase, findGoverningPhrase, standsOnItsOwn, type DeadlinePhrase } from './find-deadline-phrase.js';
import { findParticipants } from './find-participants.js';
import { findTimeAnchor } from './find-time-anchor.js';
import { contextTimeReader } from './context-time.js';
import { ownerOf } from './note-line.js';
import { nlp } from './tagger.js';
import { isIntentOnly } from './intent-only.js';
import { isDirectSpeech } from './not-a-deed.js';
import { mergeRestatements, type Candidate } from './merge-restatements.js';
import type { ProposedCommitment } from './proposed-commitment.js';
import { readDeadline } from './read-deadline.js';
import { datedFromText } from './event-date-in-text.js';
import { documentRegister, withRegister, type Register } from './document-register.js';
import { resolveParties } from './resolve-parties.js';
import { splitCoordinated } from './split-coordinated.js';
import type { Sentence } from './split-sentences.js';
import { splitSentences } from './split-sentences.js';
import { isStandingDuty, standingFeatures } from './standing-duty.js';

export interface ExtractOptions {
  /** The date the statement was made: every deadline is read from it. */
  date: CalendarDate;
  timeZone?: string;
  /** For training and ablation only: another model, or rules switched off by name. */
  model?: CandidateModel;
  rulesOff?: ReadonlySet<string>;
  /** Rules removed by ablation, switched back on to measure them again. */
  rulesOn?: ReadonlySet<string>;
}

/** A candidate with what the scorer saw and said. */
export interface ScoredCandidate extends Candidate {
  features: Features;
  probability: number;
  /** With no time phrase found: what the standing-duty model reads to choose `ongoing` or `none`. */
  kindFeatures?: Features;
}
// ", the statement said." / ", officials said after talks …" / ", according to …": not the promise.
const ATTRIBUTION =
  /,["”’']?\s+(?:(?:the\s+)?[\w'’ -]{2,60}?\s+(?:said|says|told\s+[\w ]+|added|announced)\b[^,]{0,50}|according\s+to\s+[^,]+)[.;]?$/i;
// ", Yusuf said, adding that …": the promise ends where the attribution begins.
const MID_ATTRIBUTION = /,\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}(?:said|says|added|told\s+reporters),\s+(?:adding|noting|saying)\b.*$/i;
// The action's own clause: a subordinate clause or a new clause with its own subject ends it, and a
// relative clause inside it is not part of it ("… reduce Scope 3 emissions, which account for 85% of
// its footprint, by 30% by 2030": 2030 is the deadline; "…, which opened in March": March is not).
const CLAUSE_END =
  /(?:,\s+(?:while|whereas|since|because|although|though|but|so\s+that)\b|;\s|\s+but\s|,\s+and\s+(?:the|it|they|we|he|she|this|that|these)\s+[a-z]+(?:s|ed)\b)/i;
const RELATIVE = /,\s+(?:which|who|whose|whom|where)\b[^,]*(?:,|$)/gi;
const SCHEDULING_RELATIVE = /^,\s+which\s+(?:is|are)\s+(?:expected|scheduled|planned|due|set|anticipated|slated)\b/i;

/** The words a time phrase must be in to be this promise's deadline (other words masked, offsets kept). */
export function ownClause(action: string): string {
  const end = action.search(CLAUSE_END);
  const clause = end > 0 ? action.slice(0, end) : action;
  // "expand home delivery, which is expected to be at over 200 locations by the end of the year": a relative
  // clause that schedules the deed says when it is due.
  return clause.replace(RELATIVE, (m) => (SCHEDULING_RELATIVE.test(m) ? m : ' '.repeat(m.length)));
}

const WEEKDAY_ONLY = /^on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i;

function withoutAttribution(text: string): string {
  return text.replace(MID_ATTRIBUTION, '').replace(ATTRIBUTION, '');
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:"“”'‘’(]/.test(text[s])) s++;
  const kept = withoutAttribution(text.slice(s, e));
  e = s + kept.length;
  while (e > s && /[\s,;:]/.test(text[e - 1])) e--;
  // "… the emergency funds and had [asked …]": a dangling conjunction belongs to the next promise.
  const dangling = /,?\s+(?:(?:and|or|but)(?:\s+(?:had|has|have|was|were|will|would|also))?|which|who)$/i.exec(text.slice(s, e));
  if (dangling) e -= dangling[0].length;
  return [s, e];
}

function actionText(actionWords: string, phrase: DeadlinePhrase | undefined, cue: Cue): string {
  let words = actionWords.replace(/["“”]/g, '');
  if (phrase && /^early\s+\w+(?:ation|ment|ion|al)$/i.test(phrase.text)) words = words.replace(/\bearly\s+/i, '');
  // "resume regular consultations": the recurrence is the thing done, so it stays in the action.
  else if (phrase && !/^regular\s/i.test(phrase.text))
    words = words.replace(new RegExp(`\\s*,?\\s*${phrase.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}`, 'i'), '');
  // "… unit sales by no later than the end of 2030": the phrase is read from "no later than"; its "by" goes too.
  if (phrase && /^(?:no|not)\s+later\s+than\b/i.test(phrase.text)) words = words.replace(/\s+by(?=[\s,;:.]*$)/i, '');
  words = words
    .replace(/\s+/g, ' ')
    .replace(/(?:[\s,;:.|]|\s+(?:Due|Deadline)\b|,?\s+to\s+be\s+(?:done|completed|finished|delivered))+$/, '')
    .trim();
  // "Update the wiki (Priya)": the owner is the party, not part of the deed.
  if (cue.flags?.includes('trailing_owner')) words = words.replace(/\s*[([][^()[\]]{1,60}[)\]]\s*\.?$/, '');
  if (cue.actor) words = `${cue.actor} to ${words}`;
  else if (cue.passive && cue.subject && !words.startsWith(cue.subject))
    words = `${cue.subject} ${/^be\s/.test(words) ? 'to ' : ''}${words}`;
  return words;
}

function namedAtStart(sentence: Sentence): string | undefined {
  const m = /^(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+[a-z]/.exec(sentence.text);
  return m && !/^(?:The|A|An|This|That|It|He|She|They|We)\b/.test(m[1]) ? m[1] : undefined;
}

function sentenceFlagsOf(text: string): string[] {
  return [
    ...(isPreamble(text) ? ['preamble'] : []),
    ...(isProcedural(text) ? ['procedural'] : []),
    ...(isPastReport(text) ? ['past_report'] : []),
    ...(isDefinition(text) ? ['definition'] : []),
    ...(isDirectSpeech(text) ? ['direct_speech'] : []),
  ];
}

/**
 * The owner a line's label names, when it surely names a person: a known name, one of the text's participants,
 * a handle or initials ("Budget: review the fees" is a topic, "Magnus: update the guide" a task of Magnus's).
 */
function labelledOwner(label: string, participants: string[]): string | undefined {
  const owner = ownerOf(label);
  if (owner === undefined) return undefined;
  const known = /^@/.test(owner) || /^[A-Z]{2,3}$/.test(owner) || participants.some((p) => p === owner || p.split(/\s+/).includes(owner));
  return known || nlp(owner).has('#Person') ? owner : undefined;
}

function candidatesOf(
  sentence: Sentence,
  participants: string[],
  lastNamed: string,
  register: Register,
  options: ExtractOptions,
  contextTime: ReturnType<typeof contextTimeReader>,
): ScoredCandidate[] {
  const timeZone = options.timeZone ?? 'UTC';
  const text = sentence.text;
  const cues = detectCues(sentence);
  const sentenceFlags = sentenceFlagsOf(text);
  const model = options.model ?? candidateModel();
  const out: ScoredCandidate[] = [];
  cues.forEach((cue, index) => {
    const next = cues[index + 1];
    const end = next ? (next.clauseStart > cue.actionStart ? next.clauseStart : next.at) : text.length;
    const parts = splitCoordinated(text, cue.actionStart, end);
    parts.forEach((part, partIndex) => {
      const quoteStart = partIndex > 0 ? part.start : index === 0 ? 0 : Math.min(cue.clauseStart, cue.at);
      const [qs, qe] = trimSpan(text, quoteStart, part.end);
      const [as, ae] = trimSpan(text, part.start, part.end);
      if (qe <= qs || ae <= as) return;
      const actionWords = text.slice(as, ae);
      // A bounded standing duty ("For a period of twelve months …, Parent shall …") can sit before the cue.
      const whole = findDeadlinePhrase(text.slice(quoteStart, ae));
      const wholeGoverns = whole?.sort === 'ongoing' && standsOnItsOwn(text.slice(quoteStart, ae), whole, as - quoteStart);
      let phrase = wholeGoverns ? whole : findDeadlinePhrase(ownClause(actionWords));
      const sharer = part.sharesDeadlineOf === undefined ? undefined : parts[part.sharesDeadlineOf];
      if (!phrase && sharer) {
        const trailing = findDeadlinePhrase(text.slice(sharer.start, sharer.end));
        if (trailing && trailing.end >= sharer.end - sharer.start - 1) phrase = trailing;
      }
      // The words before the deed, in the promise's own clause only ("… could meet in February; Daniel said he
      // would discuss …"), for a phrase that governs it. A phrase inside the previous promise ("will exchange
      // researchers on an annual basis and will share logistics") is that promise's, not a preamble to this one.
      const clauseFrom = Math.max(quoteStart, text.slice(0, as).lastIndexOf('; ') + 1);
      const wordsBefore = text.slice(clauseFrom, as);
      const ownBefore = (found: DeadlinePhrase | undefined): DeadlinePhrase | undefined =>
        found && !(index > 0 && clauseFrom + found.start >= cues[index - 1].actionStart)
          ? { ...found, start: found.start + clauseFrom - quoteStart, end: found.end + clauseFrom - quoteStart }
          : undefined;
      if (!phrase && partIndex === 0) {
        const found = findGoverningPhrase(wordsBefore);
        // "SPRINGFIELD, Mo., Feb. 28 /PRNewswire/ -- …": a news dateline dates the release, not the deed.
        const dateline = found !== undefined && /^\s*(?:\/|--|—)/.test(text.slice(clauseFrom + found.end));
        if (found && !WEEKDAY_ONLY.test(found.text) && !dateline) phrase = ownBefore(found);
      }
      // No listed phrase: a date or a time anchor read by its shape, in the deed's own clause, else one that
      // opens the words before the deed ("When fully operational, the facility is expected to …").
      if (!phrase) phrase = findTimeAnchor(ownClause(actionWords), options.date, timeZone);
      if (!phrase && partIndex === 0) {
        const found = findTimeAnchor(wordsBefore, options.date, timeZone, false);
        if (found && standsOnItsOwn(wordsBefore, found)) phrase = ownBefore(found);
      }
      // "… and not to take certain actions": a prohibition even when the first part was not.
      const partStanding = partIndex > 0 && STANDING_VERBS.test(actionWords.replace(/^(?:fully|also|further|jointly)\s+/i, ''));
      // "directs X, effective 18 September, to …": a start date opens a standing duty; it is not a deadline.
      // "will no longer accept …, effective immediately": the same holds for a prohibition that starts now;
      // elsewhere "effective immediately" is read as the urgency it says.
      const startsDuty =
        phrase !== undefined &&
        /^effective\b/i.test(phrase.text) &&
        (!/immediately$/i.test(phrase.text) || cue.standing || /^(?:no\s+longer|not|never)\s/i.test(actionWords));
      if (startsDuty) phrase = undefined;
      const intentOnly = isIntentOnly({ frame: text.slice(0, cue.actionStart), action: actionWords, phrase });
      // The deed says no time: its heading or its line's opening may ("### Scheduled release for April 5th").
      // It dates the deed only; the scorer and the standing-duty model still read the deed's own words.
      const placeTime = phrase || startsDuty ? undefined : contextTime(sentence);
      const reading = readDeadline(
        phrase ?? placeTime,
        startsDuty || cue.standing || partStanding || /^not\s/i.test(actionWords),
        options.date,
        timeZone,
      );
      const resolved = resolveParties(cue, participants, lastNamed);
      // "<mdz> I'll send the draft": in a chat log the speaker is the one who says "I".
      // "ACTION Magnus: Update the guide", "Joe: Open office hours": the label cut from the line names the owner.
      const labelOwner = resolved.parties.length === 0 && sentence.label ? labelledOwner(sentence.label, participants) : undefined;
      const { parties, inferred } =
        sentence.speaker && /^I$/.test(cue.subject.trim())
          ? { parties: [sentence.speaker], inferred: false }
          : labelOwner
            ? { parties: [labelOwner], inferred: false }
            : resolved;
      let action = actionText(actionWords, phrase, cue);
      // "Negotiations on Phase Two shall begin no later than …": the activity is the subject.
      if (action.split(/\s+/).length < 2 && cue.subject && !cue.passive && !/^(?:we|they|he|she|it|the parties)$/i.test(cue.subject))
        action = `${cue.subject} ${action}`;
      // "The Parties shall meet annually": a one-word deed of a named group is still its promise.
      else if (action.split(/\s+/).length < 2 && /^the\s+parties$/i.test(cue.subject)) action = `${cue.subject} ${action}`;
      // "Review once a month" on a notes line: with its time taken out one word is left, so the time stays.
      else if (action.split(/\s+/).length < 2 && cue.type === 'line') action = actionWords.trim();
      if (action.split(/\s+/).length < 2) return;
      const shapeFeatures = featuresOf({
        cue,
        sentence,
        action: actionWords,
        frame: text.slice(qs, as),
        phrase,
        partIndex,
        sentenceFlags,
        intentOnly,
      });
      // "Dr. Patel agreed to do so": the promise is the request just made, already taken. ("if you have not
      // yet notified … of your representative, please do so ASAP": the deed is named in the sentence's own
      // not-yet clause, so it is this promise's, not a restatement.)
      if (
        /^(?:do|doing)\s+(?:so|that|this|it)$/i.test(action) &&
        !/\b(?:not\s+yet|yet\s+to|(?:have|has)n['’]t|(?:have|has)\s+not)\b/i.test(text.slice(0, as))
      )
        shapeFeatures.anaphoric_action = 1;
      if (inferred) shapeFeatures.parties_inferred = 1;
      const features = withRegister(shapeFeatures, register);
      const p = probability(features, model);
      const item: ProposedCommitment = {
        action,
        parties,
        partiesInferred: inferred,
        deadline: { kind: reading.kind, text: reading.text, due: dueDateOf(reading) ?? null },
        reading,
        quote: (sentence.raw ?? text).slice(qs, qe),
        confidence: Math.round(p * 100) / 100,
        weak: cue.weak || cue.type === 'hedged',
      };
      out.push({
        item,
        features,
        probability: p,
        zone: sentence.zone,
        order: sentence.start + qs,
        sentenceStart: sentence.start,
        quoted: isDirectSpeech(text),
        relative: cue.actor !== undefined,
        ...(cue.type === 'appeal' ? { appeal: true, speaker: cue.speaker } : {}),
        // A start date ("effective 18 September") opens a standing duty by what it says: no model is asked.
        ...(phrase === undefined && !startsDuty && !placeTime
          ? { kindFeatures: standingFeatures({ cue, action: actionWords, frame: text.slice(0, as), partStanding, startsDuty }) }
          : {}),
      });
    });
  });
  return out;
}

/** Every candidate in the text, scored but not yet filtered: what the trainer learns from. */
export function scoreCandidates(
  text: string,
  options: ExtractOptions,
): { candidates: ScoredCandidate[]; participants: string[]; sentences: Sentence[] } {
  const sentences = splitSentences(text);
  const participants = findParticipants(sentences);
  const register = documentRegister(text, sentences);
  const contextTime = contextTimeReader(options.date, options.timeZone ?? 'UTC');
  const candidates: ScoredCandidate[] = [];
  let lastNamed = '';
  for (const sentence of sentences) {
    candidates.push(...candidatesOf(sentence, participants, lastNamed, register, options, contextTime));
    lastNamed = namedAtStart(sentence) ?? lastNamed;
  }
  return { candidates, participants, sentences };
}

export function extractCommitments(text: string, options: ExtractOptions): ProposedCommitment[] {
  return selectCommitments(scoreCandidates(text, options), options);
}

/**
 * The scored candidates the model keeps, bound, merged and dated. With `options.model`, candidates
 * scored by another model are scored again (the trainer scores each text's candidates once).
 */
export function selectCommitments(scored: ReturnType<typeof scoreCandidates>, options: ExtractOptions): ProposedCommitment[] {
  const { candidates, participants, sentences } = scored;
  const model = options.model ?? candidateModel();
  const off = options.rulesOff ?? new Set<string>();
  const on = options.rulesOn ?? new Set<string>();
  const kept = candidates
    .map((c) => (options.model ? { ...c, probability: probability(c.features, model) } : c))
    .map((c) => withStandingKind(c, model))
    .filter((c) => c.probability >= model.threshold)
    .map((c) => (options.model ? { ...c, item: { ...c.item, confidence: Math.round(c.probability * 100) / 100 } } : c));
  // Appeals ("calls upon X to …") are weighed by the scorer like any candidate. The former rule that kept
  // only appeals to parties the text binds, or made by them, cost 0.019 F1 on real-train (real texts
  // count "calls on all States to refrain …"); it is kept only to be measured again (rulesOn).
  const bound = on.has('bound-appeals') ? keepBoundAppeals(kept, participants) : kept;
  const merged = off.has('merge-restatements') ? bound.map((c) => c.item) : mergeRestatements(bound);
  const texts = sentences.map((s) => s.text);
  return merged.map((item) => {
    const reading = datedFromText(item.reading, texts, item.quote, options.timeZone ?? 'UTC');
    return reading === item.reading
      ? item
      : { ...item, reading, deadline: { kind: reading.kind, text: reading.text, due: dueDateOf(reading) ?? null } };
  });
}

/** A promise with no time phrase: the standing-duty model says `ongoing` or `none`. */
function withStandingKind(c: ScoredCandidate, model: CandidateModel): ScoredCandidate {
  if (!c.kindFeatures) return c;
  const kind = isStandingDuty(c.kindFeatures, model.kind) ? 'ongoing' : 'none';
  if (kind === c.item.deadline.kind) return c;
  const reading: Deadline = { kind, text: '', reference: c.item.reading.reference };
  return { ...c, item: { ...c.item, reading, deadline: { kind, text: '', due: null } } };
}

const OWN_VOICE =
  /^(?:we|the (?:two|both) (?:sides|leaders|ministers|governments|countries)|both (?:sides|leaders|ministers|governments|countries)|the (?:leaders|ministers|council|assembly|conference|meeting|summit))$/i;
const ALL_PARTIES = /\b(?:all|the|both|each|either)\s+(?:parties|party|sides|signatories)\b/i;

/**
 * Removed by ablation (see selectCommitments), kept to be measured again: "Calls upon the Government
 * and the NLF to …" binds when they are parties the text binds elsewhere (or "all parties");
 * "calls upon Member States / donors / the African Union" does not.
 */
export function keepBoundAppeals<C extends Candidate>(candidates: C[], participants: string[]): C[] {
  const key = (name: string) =>
    name
      .toLowerCase()
      .replace(/^(?:the|all)\s+/, '')
      .trim();
  const bound = new Set(
    [...participants, ...candidates.filter((c) => !c.appeal).flatMap((c) => c.item.parties)].map(key).filter((k) => k.length > 1),
  );
  const isBound = (name: string) =>
    [...bound].some((b) => b === key(name) || key(name).startsWith(`${b} `) || b.startsWith(`${key(name)} `));
  return candidates.filter((c) => {
    if (!c.appeal) return true;
    // A third party's appeal to the parties ("The OSCE chair urged both parties to …") binds nobody.
    if (c.speaker && !OWN_VOICE.test(c.speaker) && !ALL_PARTIES.test(c.speaker) && !isBound(c.speaker)) return false;
    const addressees = c.item.parties;
    return addressees.length > 0 && (addressees.some((a) => ALL_PARTIES.test(a)) || addressees.every(isBound));
  });
}
