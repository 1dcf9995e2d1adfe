/**
 * Whether "V1 its object and V2 its object" under one cue is two deeds ("chase the report and request
 * an estimate", "contact them and provide a list"), read from the tagger in context: the word after
 * "and" must be a verb there, not an adjective or noun that a bare lexicon would also let pass
 * ("active and practical efforts", "nuclear and conventional CBMs").
 */
import { nlp } from './tagger.js';

export interface Term {
  start: number;
  end: number;
  text: string;
  tags: string[];
}

export function termsOf(span: string): Term[] {
  const doc = nlp(span).json({ offset: true, terms: { offset: true } }) as {
    terms: { offset: { start: number; length: number }; tags: string[] }[];
  }[];
  return doc.flatMap((s) =>
    s.terms.map((t) => {
      const [start, end] = [t.offset.start, t.offset.start + t.offset.length];
      return { start, end, text: span.slice(start, end).replace(/[^\w'’-]/g, ''), tags: t.tags };
    }),
  );
}

const isBareVerb = (t: Term | undefined) =>
  t?.tags.includes('Verb') === true && (t.tags.includes('Infinitive') || t.tags.includes('Imperative')) && !t.tags.includes('Gerund');
const LEAD_ADVERB = /^(?:immediately|fully|also|further|promptly|jointly|not|more)$/i;
// "follow up and report back", "help out and support …": a verb with only its particle has no object of its own.
const PARTICLE = /^(?:up|out|in|on|off|back|down|over|along|ahead|forward)$/i;
// "check with the bank and see …", "look at the issue and let us know": the second verb finishes the errand.
const PREPOSITION = /^(?:with|at|over|to|for|into|about|on|through|after)$/i;
const SUBORDINATOR = /^(?:if|which|who|whom|that|when|where|so|because|while|as|until|once|unless)$/i;
const BACK_REFERENCE = /^(?:it|this|that|these|those|them)$/i;
const AUXILIARY = /^(?:be|been|being|is|are|was|were|has|have|had|get|got)$/i;

/**
 * A finite verb ("is", "will", "opened"), not a participle after an auxiliary ("to be headed"); a present
 * tense is left out, since the tagger gives it to nouns too ("their forms").
 */
function isFiniteVerb(t: Term, previous: Term | undefined): boolean {
  const finite = (t.tags.includes('Copula') && !t.tags.includes('Infinitive')) || t.tags.includes('Modal') || t.tags.includes('PastTense');
  return finite && !AUXILIARY.test(previous?.text ?? '');
}

/**
 * A reader for one span: `(andAt, second)` says whether the verb at offset `second`, after the "and"
 * at `andAt`, starts a deed of its own. The tagger runs once per span, and only when asked.
 */
export function verbPairReader(span: string): (andAt: number, second: number) => boolean {
  let terms: Term[] | undefined;
  return (andAt, second) => {
    terms ??= termsOf(span);
    const all = terms;
    // "completely stop …": the tagger's adverbs lead as the listed ones do.
    const lead = all.find((t) => t.text !== '' && !LEAD_ADVERB.test(t.text) && !t.tags.includes('Adverb'));
    if (!lead || !isBareVerb(lead) || !isBareVerb(all.find((t) => t.start <= second && second < t.end))) return false;
    const first = all.filter((t) => t.start > lead.start && t.end <= andAt && t.text !== '');
    if (first.length === 0 || first.every((t) => PARTICLE.test(t.text)) || PREPOSITION.test(first[0].text)) return false;
    // "meet weekly and report monthly": the first verb needs an object of its own, a noun or pronoun.
    if (!first.some((t) => t.tags.includes('Noun') || t.tags.includes('Pronoun'))) return false;
    // "conduct a speed study and report back": reporting on the deed is part of it.
    if (/^report$/i.test(all.find((t) => t.start <= second && second < t.end)?.text ?? '')) return false;
    // "create healthier communities, improve air quality … and protect …": a list, not a pair.
    if (span.slice(lead.end, andAt).includes(',')) return false;
    // "invite Mr Whitmarsh to inspect Leigh Street and see if …": "see" joins the nested infinitive.
    if (first.some((t, i) => /^to$/i.test(t.text) && isBareVerb(first[i + 1]))) return false;
    // "write up the postmortem and share it": the second verb's object is the first one's, one deed.
    const rest = all.filter((t) => t.start > second);
    if (BACK_REFERENCE.test(rest[0]?.text ?? '')) return false;
    // "sign on to the declaration are home to … and join …", "increase their grants and loosen
    // restrictions … is welcome news": a finite verb in either conjunct puts the "and" inside a larger
    // clause. The second conjunct's core ends at a subordinator or a comma (", according to a report released …").
    const until = rest.findIndex((t) => SUBORDINATOR.test(t.text) || /,\s*$/.test(span.slice(Math.max(0, t.start - 3), t.start)));
    const checked = [...first, ...(until < 0 ? rest : rest.slice(0, until))];
    return !checked.some((t) => isFiniteVerb(t, all[all.indexOf(t) - 1]));
  };
}
