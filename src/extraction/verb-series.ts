/**
 * A list of deeds under one cue: "to seek integration, deepen the Mercosur, solidify the Community and
 * fight hunger" is four promises, and so is a gerund list after its lead ("reach neutrality by leveraging
 * new technologies, engaging with suppliers, evaluating its portfolios and offsetting carbon"). A list of
 * one deed's objects ("security, economic, development and people aspects", "for electricity, heating,
 * cooling and cooking") has no verb with words of its own after its commas, and stays one.
 */
import { isBaseVerb } from './split-coordinated.js';
import { type Term, termsOf } from './verb-pair.js';

export interface Cut {
  /** Where the joining words start, and where the next deed starts, as offsets in the span. */
  at: number;
  from: number;
}

const isBare = (t: Term) => t.tags.includes('Verb') && (t.tags.includes('Infinitive') || t.tags.includes('Imperative'));
// The tagger calls many a listed verb a noun ("and fight hunger", "sign people up"); never an adjective or a function word.
const NOT_A_VERB = ['Adjective', 'Adverb', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'ProperNoun', 'Value'];
const canBeBare = (t: Term) => isBaseVerb(t.text.toLowerCase()) && !t.tags.some((tag) => NOT_A_VERB.includes(tag));
// "…, subject to the rules", "…, and freedom of movement": a noun or a qualifier, not a deed.
const NOT_A_DEED_AFTER = /^\s+(?:of|to)\b/i;
// A gerund list follows the word that opens it ("by leveraging …", "including pursuing …", "such as
// selecting …"); a lone "-ing" after a comma is a remark on the deed ("…, noting that …", "…, bowing to …").
const OPENS_GERUNDS = /^(?:by|including|include|includes|through|via|as|like|on|in|of|for|from|without|while|about)$/i;
// "including", "according": -ing words that join, not deeds.
const JOINING_ING = /^(?:including|according|regarding|concerning|during|following|notwithstanding|pending|excluding)$/i;
const isGerund = (t: Term) => /^[a-z]{3,}ing$/i.test(t.text) && !JOINING_ING.test(t.text) && !t.tags.includes('ProperNoun');
const LEAD_ADVERB = /^(?:immediately|fully|also|further|promptly|jointly|not|to)$/i;

/** The joining words before `terms[i]` (", ", ", and ", or a list's closing " and "), or none. */
function joinBefore(span: string, terms: Term[], i: number): { at: number; comma: boolean } | undefined {
  const before = span.slice(0, terms[i].start);
  if (/,\s*$/.test(before) && !/^and$/i.test(terms[i - 1]?.text ?? '')) return { at: before.search(/\s*,\s*$/), comma: true };
  if (!/^and$/i.test(terms[i - 1]?.text ?? '')) return undefined;
  const head = span.slice(0, terms[i - 1].start);
  const comma = /,\s*$/.test(head);
  return { at: head.search(comma ? /\s*,\s*$/ : /\s*$/), comma };
}

function listCuts(
  span: string,
  terms: Term[],
  from: number,
  fits: (t: Term, comma: boolean) => boolean,
): (Cut & { comma: boolean; tagged: boolean })[] {
  const cuts: (Cut & { comma: boolean; tagged: boolean })[] = [];
  for (let i = from + 1; i < terms.length; i++) {
    const t = terms[i];
    const join = joinBefore(span, terms, i);
    if (!join || !fits(t, join.comma)) continue;
    // Each deed has words of its own: "heating, cooling and cooking" are one deed's objects.
    if (i + 1 >= terms.length || /^\s*(?:,|;|and\b|or\b)/.test(span.slice(t.end))) continue;
    const previousFrom = cuts.length ? cuts[cuts.length - 1].from : terms[from].start;
    if (span.slice(previousFrom, join.at).trim().split(/\s+/).length < 2) continue;
    cuts.push({ at: join.at, from: t.start, comma: join.comma, tagged: isBare(t) });
  }
  return cuts;
}

/** Cuts between the deeds of a list, or none when the span is no list of deeds with a comma among its joins. */
export function seriesSplits(span: string): Cut[] {
  const terms = termsOf(span).filter((t) => t.text !== '');
  const lead = terms.findIndex((t) => !LEAD_ADVERB.test(t.text));
  if (lead < 0) return [];
  if (isBare(terms[lead]) && isBaseVerb(terms[lead].text.toLowerCase())) {
    if (/^be$/i.test(terms[lead].text)) return [];
    const cuts = listCuts(span, terms, lead, (t, comma) => {
      if (/^be$/i.test(t.text)) return false;
      // Only a comma vouches for a verb the tagger does not see: "… and cash flow generation" is an object.
      if (isBare(t)) return true;
      return comma && canBeBare(t) && !NOT_A_DEED_AFTER.test(span.slice(t.end));
    });
    // Three deeds or more, or a pair whose second the tagger itself reads as a verb ("…, and speed up …");
    // a lone ", V" is no list ("declare their interests, subject to the rules").
    const pair = cuts.length === 1 && cuts[0].tagged && /\band\s*$/.test(span.slice(cuts[0].at, cuts[0].from));
    if (cuts.some((c) => c.comma) && (cuts.length >= 2 || pair)) return cuts.map(({ at, from }) => ({ at, from }));
  }
  // A gerund list opens after the lead's own words ("… by leveraging …", "including pursuing …").
  const first = terms.findIndex((t, i) => i >= lead && isGerund(t) && (i === lead || OPENS_GERUNDS.test(terms[i - 1].text)));
  if (first < 0) return [];
  const cuts = listCuts(span, terms, first, (t) => isGerund(t));
  return cuts.some((c) => c.comma) ? cuts.map(({ at, from }) => ({ at, from })) : [];
}
