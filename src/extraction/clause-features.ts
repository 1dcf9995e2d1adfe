/**
 * Clause-structure features from compromise's part-of-speech tags: what the bound party is (a
 * person, an organisation, a pronoun, "we"), what the promised action starts with (a verb, a noun,
 * a number), the tense of the words that frame the cue (a past report), hedging adverbs, money in
 * the deed (a forecast of results), and whether the sentence reads as a question or has no verb at
 * all. They are general English structure, not any text's words: the scorer learns their weights.
 */
import { nlp } from './tagger.js';

interface Term {
  text: string;
  start: number;
  end: number;
  tags: Set<string>;
}

const parsed = new Map<string, Term[]>();

/** The sentence's terms with their offsets and tags; a sentence is tagged once (several cues share it). */
function termsOf(text: string): Term[] {
  let terms = parsed.get(text);
  if (terms) return terms;
  const json = nlp(text).json({ offset: true }) as {
    terms: { text: string; tags: string[]; offset: { start: number; length: number } }[];
  }[];
  terms = json.flatMap((s) =>
    s.terms.map((t) => ({ text: t.text, start: t.offset.start, end: t.offset.start + t.offset.length, tags: new Set(t.tags) })),
  );
  if (parsed.size > 2000) parsed.clear();
  parsed.set(text, terms);
  return terms;
}

const HEDGE_ADVERBS = /\b(?:hopefully|probably|likely|maybe|perhaps|possibly|generally|potentially|ideally|eventually)\b/i;
const MONEY = /(?:[$£€¥]\s?\d|\b\d[\d,.]*\s*(?:million|billion|per\s+cent|percent|%)|\bper\s+(?:diluted\s+)?share\b)/i;
// "How to …", "Should we …", "Are there …"; not a notes line that drops its subject ("Will write up today").
const QUESTION_START =
  /^(?:how|what|why|when|where|who|which|(?:should|shall|do|does|did|is|are|can|could|would|will)\s+(?:we|you|they|i|he|she|it|there|the|this|that|these|those|our|your|their|anyone|someone)\b)/i;

// Verb lemma classes: general kinds of deed (and of non-deed), so an unseen verb of a known kind counts.
const LEMMA_CLASSES: [string, RegExp][] = [
  [
    'communicate',
    /^(?:send|inform|notify|report|share|circulate|email|e-mail|contact|write|reply|respond|tell|advise|publish|post|announce|ping|update|remind|present|forward|brief|invite|ask|request|consult)$/,
  ],
  [
    'prepare',
    /^(?:prepare|draft|produce|create|develop|design|compile|draw|put|set|establish|build|organi[sz]e|arrange|schedule|plan|propose|submit|file|complete|finali[sz]e|finish|deliver)$/,
  ],
  ['meet', /^(?:meet|convene|hold|attend|discuss|talk|visit|host|gather|resume|hold)$/],
  [
    'examine',
    /^(?:review|consider|look|check|investigate|examine|explore|assess|evaluate|study|research|investigate|monitor|follow|chase|confirm|verify|clarify|identify|find|determine|decide)$/,
  ],
  [
    'provide',
    /^(?:provide|pay|fund|give|offer|allocate|grant|contribute|donate|supply|support|help|assist|invest|purchase|buy|order|install|repair|replace|fix|clean|cut|remove|redeem|close|open|implement|adopt|apply|introduce|launch|begin|start)$/,
  ],
  [
    'change',
    /^(?:reduce|increase|cut|raise|lower|expand|extend|improve|strengthen|enhance|accelerate|promote|advance|double|triple|halve|phase|end|eliminate|achieve|reach)$/,
  ],
  [
    'state',
    /^(?:be|have|remain|become|seem|appear|need|want|like|know|believe|think|feel|hope|wish|require|mean|include|result|realize|realise|incur|record|expect)$/,
  ],
];

function lemmaClass(word: string): string | undefined {
  const w = word.toLowerCase();
  return LEMMA_CLASSES.find(([, pattern]) => pattern.test(w))?.[0];
}

/** Strips the inflection compromise does not hand back on a term: enough to find a lemma class. */
function baseForm(word: string): string {
  const w = word.toLowerCase();
  for (const [suffix, to] of [
    ['ies', 'y'],
    ['ied', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (w.length > suffix.length + 2 && w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length) + to;
      if (lemmaClass(stem)) return stem;
      if (lemmaClass(`${stem}e`)) return `${stem}e`;
    }
  }
  return w;
}

// Nouns that name someone who can act: bodies, offices, groups, roles. General English, no text's names.
const AGENT_NOUNS = new Set(
  (
    'council committee board company government minister leader member party side state team group clerk chair ' +
    'chairman chairwoman chairperson mission commission delegation city country nation union authority department ' +
    'office staff secretariat signatory organisation organization partner bank firm club school people everyone all ' +
    'both each community body panel force administration agency ministry court assembly conference summit selectman ' +
    'selectmen councillor councilor trustee director officer mayor governor president secretary secretary-general ' +
    'administrator manager owner resident volunteer maintainer contributor folk someone anyone corporation parent ' +
    'subsidiary fund foundation coalition alliance network association society institute university region province ' +
    'municipality town parish village county district we they he she i you'
  ).split(' '),
);
const isAgentNoun = (word: string) => {
  const w = word.toLowerCase();
  return (
    AGENT_NOUNS.has(w) ||
    AGENT_NOUNS.has(w.replace(/s$/, '')) ||
    AGENT_NOUNS.has(w.replace(/ies$/, 'y')) ||
    AGENT_NOUNS.has(w.replace(/es$/, ''))
  );
};
// Nominalisations and other things that cannot promise: "the recommendation will better align …".
const ABSTRACT_NOUN =
  /(?:tion|tions|sion|sions|ment|ments|ness|ity|ities|ance|ances|ence|ences|ure|ures|ism|ship|al|als|ing|cost|costs|plan|plans|target|targets|goal|goals)$/i;

/**
 * Can the subject act? A person, a body or a group promises; "the closure", "costs", "the target"
 * only happen. The head is the subject's last word before a preposition, "to" or a relative word.
 */
function agencyOf(subject: string, terms: Term[]): string {
  if (subject === '') return 'unsaid';
  const head =
    (/^(.*?)(?:\s+(?:of|to|for|in|on|at|from|with|by|under|that|which|who|whose)\b.*)?$/i.exec(subject)?.[1] ?? subject)
      .trim()
      .split(/\s+/)
      .pop()
      ?.replace(/[^A-Za-z@-]/g, '') ?? '';
  if (head === '') return 'unknown';
  if (/^(?:it|this|that|these|those|there|which|what)$/i.test(head)) return 'thing';
  if (isAgentNoun(head) || head.startsWith('@')) return 'agent';
  const tagged = (tag: string) => terms.some((t) => t.tags.has(tag) && t.text.replace(/[^A-Za-z@-]/g, '') === head);
  if (tagged('Person') || tagged('Organization') || tagged('Actor')) return 'agent';
  if (/^[A-Z]/.test(head) && subject.trim().split(/\s+/).length > 1 && !ABSTRACT_NOUN.test(head)) return 'proper';
  if (/^[A-Z]{2,}$/.test(head)) return 'proper';
  if (ABSTRACT_NOUN.test(head)) return 'abstract';
  if (/(?:ist|ists|ian|ians|eer|eers|ee|ees|ant|ants|dent|dents)$/i.test(head)) return 'agent';
  return 'thing';
}

export interface ClauseSpan {
  /** Sentence offsets: the clause carrying the cue, the cue word, and where the action begins and ends. */
  clauseStart: number;
  at: number;
  actionStart: number;
  actionEnd: number;
  subject: string;
}

export function clauseFeatures(text: string, span: ClauseSpan): string[] {
  const terms = termsOf(text);
  const names: string[] = [];
  const within = (from: number, to: number) => terms.filter((t) => t.start >= from && t.end <= to && t.text !== '');
  const action = within(span.actionStart, span.actionEnd);
  // The head of the action: the first word that is not an adverb or a negation. Its verb class
  // (an unknown verb counts as nothing either way: no hand list of verbs is complete).
  const head = action.find((t) => !t.tags.has('Adverb') && !t.tags.has('Negative') && !/^(?:to|be)$/i.test(t.text));
  const kind = head && lemmaClass(baseForm(head.text.replace(/[^A-Za-z-]/g, '')));
  if (kind) names.push(`lemma_${kind}`);
  const verbsInAction = action.filter((t) => t.tags.has('Verb') && !t.tags.has('Auxiliary')).length;
  if (verbsInAction === 0) names.push('action_no_verb');
  if (verbsInAction >= 4) names.push('action_many_verbs');
  if (action.some((t) => t.tags.has('Value') && t.tags.has('Date'))) names.push('action_date_word');

  // Who is bound: can the subject act at all?
  const subject = span.subject.trim();
  // The subject is written before the action (before the cue, or it is the cue: "Anna to ping Myles").
  const subjectTerms = subject === '' ? [] : within(0, span.actionStart);
  names.push(`agency_${agencyOf(subject, subjectTerms)}`);

  const before = within(0, span.at);
  if (before.some((t) => t.tags.has('Pronoun') && /^(?:I|we)$/i.test(t.text))) names.push('first_person_before');
  if (HEDGE_ADVERBS.test(text.slice(span.clauseStart > span.at ? 0 : span.clauseStart, span.actionEnd))) names.push('hedge_adverb');
  if (MONEY.test(text.slice(span.actionStart, span.actionEnd))) names.push('money_in_action');
  if (QUESTION_START.test(text.trim()) || /\?\s*\**\s*$/.test(text)) names.push('question_like');
  if (!terms.some((t) => t.tags.has('Verb'))) names.push('sentence_no_verb');
  return names;
}
