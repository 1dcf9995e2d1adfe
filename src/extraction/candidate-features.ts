/**
 * Describes a candidate promise as features for the scorer: the cue that found it, the clause's
 * structure (subject, modal, verb, negation), what once were gates (a state verb, "would" outside
 * an agreement, an appeal to outsiders, a preamble …), the layout of its line and its deadline.
 */
import { MANNER_ADVERB } from './manner-adverb.js';
import type { Cue } from './detect-cues.js';
import { isGuess, isQuestionShape } from './discussion.js';
import { isResultVerb } from './result-verbs.js';
import { isBareSubject, isThingsEffect } from './agentivity.js';
import type { Features } from './candidate-model.js';
import type { DeadlinePhrase } from './find-deadline-phrase.js';
import type { Sentence } from './split-sentences.js';
import { clauseFeatures } from './clause-features.js';
import { isExtension } from './exclusions.js';
import { isBaseVerb } from './split-coordinated.js';
import { meanVectorFeatures } from './word-vectors.js';

export interface CandidateShape {
  cue: Cue;
  sentence: Sentence;
  /** The words of the promised action, as cut from the sentence. */
  action: string;
  /** The quote's words before the action: how the promise is framed. */
  frame: string;
  phrase: DeadlinePhrase | undefined;
  partIndex: number;
  /** Sentence-level judgements that once dropped the whole sentence. */
  sentenceFlags: string[];
  intentOnly: boolean;
}

const REPORTED =
  /\b(?:said|says|told|added|stated|noted|explained|stressed|argued|claimed|warned|indicated|asked|shared|suggested|mentioned|reported|wondered|felt|thought)\b/i;
const ORDINAL_HEAD =
  /\b(?:the|a|an|its|their|our)\s+(?:first|second|third|last|latest|next|only|sole|(?!(?:request|interest|protest|harvest|forest|contest|suggest|digest|invest|arrest|manifest)\b)[a-z]{3,}est)\s+(?:[\w&-]+\s+){0,3}to\s+$/i;
const CONDITION = /\b(?:if|unless|whether|provided\s+that|in\s+case)\b/i;

// Words before the deed's verb that are not it: "will not", "will further clarify", "will only provide",
// "will significantly contribute" (an -ly adverb; "apply", "supply", "rely" are verbs).
const ADVERB = String.raw`not|also|further|fully|jointly|immediately|promptly|${MANNER_ADVERB}`;
const BEFORE_VERB = new RegExp(String.raw`^(?:(?:${ADVERB})\s+)*([a-z]+)`, 'i');
// The same, past a passive's "be": "will not be circulated" is about circulating.
const BEFORE_DEED = new RegExp(String.raw`^(?:(?:${ADVERB}|be)\s+)*([a-z]+)`, 'i');

function verbShape(action: string): string {
  const first = (BEFORE_VERB.exec(action)?.[1] ?? '').toLowerCase();
  if (first === '') return 'verb_none';
  if (first === 'be') return 'verb_be';
  if (first.endsWith('ing')) return 'verb_gerund';
  if (/ed$/.test(first)) return 'verb_past';
  if (/^(?:the|a|an|its|their|our|his|her|this|that|these|all|each|any)$/.test(first)) return 'verb_determiner';
  return isBaseVerb(first) ? 'verb_base' : 'verb_other';
}

export function featuresOf(shape: CandidateShape): Features {
  const { cue, sentence, action, frame, phrase } = shape;
  const names = new Set<string>([`type_${cue.type}`, ...(cue.flags ?? []), ...shape.sentenceFlags]);
  if (cue.standing) names.add('standing');
  if (cue.passive) names.add('passive');
  if (cue.weak) names.add('weak');
  if (/^(?:not|never|no\s+longer)\b/i.test(action)) names.add('negated');
  if (shape.partIndex > 0) names.add('coordinated_part');
  if (shape.intentOnly) names.add('intent_only');
  if (sentence.zone !== 'body') names.add(`zone_${sentence.zone}`);
  if (sentence.actionItem) names.add('action_item_line');
  if (sentence.decision) names.add('decision_line');
  // A question, with its mark or without it as notes write it ("will there be public session").
  if (isQuestionShape(sentence.text)) names.add('question');
  if (sentence.heading) names.add('heading');
  if (sentence.tableHeader) names.add('table_header');
  if (sentence.listParent) names.add('list_parent');
  if (/:\s*$/.test(sentence.text)) names.add('introduces_list');
  if (sentence.listItem) names.add('list_item');
  // Notes nest: a top-level item is often a topic, the points under it what was said and agreed.
  if (sentence.listItem && sentence.depth !== undefined) names.add(`list_depth_${Math.min(sentence.depth, 2)}`);
  if (sentence.listFrame) names.add('has_list_frame');
  // Siblings tell a list of tasks from a list of topics, where one short item cannot.
  if (sentence.listShape) names.add(`list_of_${sentence.listShape}`);
  // Under a bare "Agenda" heading the lines are topics; "Agenda item 2: budget" heads a discussion.
  if (/^(?:proposed\s+|draft\s+)?agenda\s*:?$/.test(sentence.section ?? '')) names.add('section_agenda');
  // A list of who came: short lines under "Attendees", "Present", "Apologies".
  if (/\b(?:present|attendees|attendance|regrets|apologies)\b/.test(sentence.section ?? '') && sentence.text.length < 90)
    names.add('section_people');
  // Under "Action items" / "Next steps" the lines are tasks; under "Notes" / "Discussion" / "Updates" they narrate.
  if (/\b(?:actions?|action\s+items?|next\s+steps?|to-?dos?|follow[- ]?ups?|tasks?|assignments?)\b/.test(sentence.section ?? ''))
    names.add('section_actions');
  else if (/\b(?:notes|discussion|updates?|status|reports?|announcements|q&a|other\s+business|aob)\b/.test(sentence.section ?? ''))
    names.add('section_discussion');
  if (/^(?:WHEREAS|Whereas)\b/.test(sentence.text)) names.add('whereas');
  if (isExtension(action)) names.add('procedural');
  // "Decides to remain seized of the matter": the body's standing watch. Once a procedural veto; the
  // real resolutions count it (as `ongoing`), the team's texts do not, so the scorer weighs it.
  if (/\bremain\s+(?:actively\s+)?seized\b/i.test(sentence.text)) names.add('remains_seized');
  if (/^[^a-z]*$/.test(sentence.text)) names.add('all_capitals');
  // "Facilitator: eholk", "Time: 10 minutes": a label and its value.
  // ("Next meeting: 22 May 2019" is a label and its value too, but the value is the meeting's date.)
  if (/^[A-Z][\w ]{0,25}:\s*\S+(?:\s+\S+){0,2}$/.test(sentence.text) && !cue.flags?.includes('next_meeting')) names.add('label_line');
  // "there weren't plans to …", "no one has agreed to …": the cue is denied.
  // ("Neither Party shall …", "No State shall …" deny nothing: the negated subject makes a prohibition.)
  if (
    /\b(?:not|n't|no|never|neither|nor)\b[^,;]*$/i.test(sentence.text.slice(Math.max(0, cue.clauseStart), cue.at)) &&
    !/^(?:neither|no)\s+(?!one\b)[\w-]+$/i.test(cue.subject.trim())
  )
    names.add('denied_cue');
  // "the first Girl Summit to mobilise …", "The latest cities to sign on …", "The last date to file …": an
  // infinitive after an ordinal or superlative noun says what the thing is, not what anyone will do.
  if ((cue.type === 'infinitive' || cue.type === 'shorthand') && ORDINAL_HEAD.test(sentence.text.slice(0, cue.actionStart)))
    names.add('ordinal_head');
  if (CONDITION.test(frame)) names.add('conditional_frame');
  if (REPORTED.test(frame)) names.add('reported_frame');
  if (/["“”]/.test(sentence.text)) names.add('quotation_marks');
  // Whether a time is given is no evidence either way: a promise without a date is still a promise
  // (the team texts nearly always gave one; real texts often do not).
  void phrase;
  names.add(verbShape(action));
  const words = action.split(/\s+/).filter(Boolean).length;
  if (words <= 3) names.add('action_short');
  if (words > 25) names.add('action_long');
  if (/\b(?:was|were|had|has\s+been|have\s+been)\b/i.test(frame)) names.add('past_frame');
  // Lexical evidence: which cue word, which verb, which subject, which word before the cue.
  const cueWord = (/^[A-Za-z']+/.exec(sentence.text.slice(cue.at)) ?? [''])[0].toLowerCase();
  if (cueWord) names.add(`cue=${cueWord}`);
  // "Quotes to be obtained": in a note's passive task the deed is the participle, and the subject is
  // what the deed is done to, not who does it. (Read so for every passive, "will be circulated" too, it
  // cost 0.004 F1 on 5-fold CV.)
  const participle = cue.passive && cue.type === 'infinitive' ? /\bbe\s+(?:[a-z]+ly\s+)?([a-z]+)/i.exec(action) : null;
  const verb = (participle?.[1] ?? BEFORE_DEED.exec(action)?.[1] ?? '').toLowerCase();
  if (verb) names.add(`verb=${verb.replace(/(?<=\w{3})(?:es|s)$/, '')}`);
  // "will record pre-tax charges", "expects to realize savings": a result in the accounts is a forecast, whatever the cue.
  if (isResultVerb(verb)) names.add('forecast');
  // "People will likely still believe …", "I think we will want …": a guess, likewise.
  if (isGuess(sentence.text.slice(Math.max(0, cue.clauseStart), cue.actionStart + 20))) names.add('forecast');
  // "The Declaration will enable …", "An ambitious new target will galvanize …": a thing's effect, likewise.
  // "countries must embed climate action", "global emissions must be cut": a norm, like a reported "must".
  if (names.has('modal_must') && isBareSubject(cue.subject)) names.add('must_reported');
  if (
    (cue.type === 'modal' || cue.type === 'hedged') &&
    isThingsEffect(cue.subject, verb.replace(/(?<=\w{3})(?:es|s)$/, ''), /^\W*it\s*$/i.test(sentence.text.slice(0, cue.at)))
  )
    names.add('forecast');
  const subjectWords = cue.subject.trim().split(/\s+/).filter(Boolean);
  if (subjectWords.length > 0 && subjectWords.length <= 4)
    names.add(`subject=${subjectWords[subjectWords.length - 1].toLowerCase().replace(/[^a-z@]/g, '')}`);
  const before = /([A-Za-z]+)\W*$/.exec(sentence.text.slice(Math.max(0, cue.at - 30), cue.at))?.[1]?.toLowerCase();
  if (before) names.add(`before=${before}`);
  // A few conjunctions the linear model cannot form by itself.
  const subjectKind = [...names].find((n) => n.startsWith('subject_')) ?? 'subject_none';
  names.add(`type_${cue.type}&${subjectKind}`);
  // A title ("Mayors Pledge to Cut Carbon Emissions …") announces what the body says; it binds no one.
  const longWords = sentence.text.split(/\s+/).filter((w) => w.length >= 4);
  // The deed's own first word is capitalised in a title ("… Pledge to Cut …"), not in "Anna to ping Myles".
  if (
    longWords.length >= 3 &&
    longWords.filter((w) => /^[A-Z]/.test(w)).length / longWords.length >= 0.8 &&
    /^[A-Z]/.test(action.replace(/^(?:not|also|further|fully|jointly|immediately|promptly)\s+/i, ''))
  )
    names.add('title_case');
  if (sentence.actionItem) names.add(`type_${cue.type}&action_item_line`);
  // Minutes narrate promises in the past: "the Clerk would place a notice" binds a named person.
  // The named-subject prior is for a narrated "would" ("Mr Hill would put together …"); an unbound "should"
  // is advice ("Things people should know", "Disagree we should make a decision"): its own conjunction.
  if (names.has('conditional_unbound')) names.add(`conditional_unbound&${subjectKind}${names.has('modal_should') ? '&should' : ''}`);
  const actionAt = Math.max(cue.actionStart, sentence.text.indexOf(action, cue.actionStart));
  const deedAt = participle ? actionAt + (participle.index ?? 0) + participle[0].length - participle[1].length : actionAt;
  for (const name of clauseFeatures(sentence.text, {
    clauseStart: cue.clauseStart,
    at: cue.at,
    actionStart: deedAt,
    actionEnd: actionAt + action.length,
    subject: cue.subject,
  }))
    names.add(participle && name.startsWith('agency_') ? name.replace(/^agency_/, 'patient_') : name);
  const features: Features = {};
  for (const name of [...names].sort()) features[name] = 1;
  // What the deed is about and how the words just before it frame it, as meaning rather than as words.
  return Object.assign(features, meanVectorFeatures('emb_action', action), meanVectorFeatures('emb_frame', frame.slice(-80)));
}
