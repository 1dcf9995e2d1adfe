/**
 * Reads what heads a short clause, with compromise's tagger: a base verb with no subject (an
 * imperative: "Share links to the folder"), a modal or "need to" whose subject the notes dropped
 * ("Will remove lock on Wed", "Need to document …"), a gerund ("Working on sponsors"), or a noun
 * phrase ("Open vote May 1"). Meeting notes write most tasks in these shapes; a sentence reader
 * that waits for a subject and a modal misses them.
 */
import { nlp } from './tagger.js';

export type ClauseHead = 'imperative' | 'modal' | 'need' | 'gerund' | 'noun' | 'other';

export interface ClauseShape {
  head: ClauseHead;
  /** Where the deed's words begin (after a dropped-subject modal), in the clause. */
  actionStart: number;
  /** The head word, lower-cased ("will", "share", "working"). */
  word: string;
  /** Whether a finite verb appears anywhere in the clause (a noun phrase line has none). */
  hasVerb: boolean;
}

// The subject the notes leave out: "Will …", "We'll …", "Should …", "Need to …", "Let's …".
const DROPPED_SUBJECT_MODAL =
  /^(?:(?:we|i)\s+(?:also\s+)?)?(will|'ll|shall|should|must|going\s+to|want\s+to|wants\s+to|would\s+like\s+to|plan\s+to|plans\s+to|let'?s|let\s+us)\s+(?:also\s+|then\s+|probably\s+)?(?=[a-z])/i;
const NEED = /^(?:(?:we|i)\s+)?(?:also\s+|still\s+)?(needs?|have\s+to|has\s+to)\s+(?:to\s+)?(?=[a-z])/i;

interface Term {
  text: string;
  tags: string[];
}

function termsOf(text: string): Term[] {
  const json = nlp(text).json() as { terms: { text: string; tags: string[] }[] }[];
  return json.flatMap((s) => s.terms.map((t) => ({ text: t.text, tags: t.tags })));
}

/** The shape of a clause's head; `other` when it has a subject of its own or reads as nothing here. */
export function clauseShape(clause: string): ClauseShape {
  const text = clause.replace(/[’‘]/g, "'");
  // The cheap shapes first: the tagger is asked only when no modal or "need" heads the line.
  const modal = DROPPED_SUBJECT_MODAL.exec(text);
  if (modal) return { head: 'modal', actionStart: modal[0].length, word: modal[1].toLowerCase().replace(/\s+/g, ' '), hasVerb: true };
  const need = NEED.exec(text);
  if (need) return { head: 'need', actionStart: need[0].length, word: 'need', hasVerb: true };
  // The head and whether a verb follows are in the first words: a short slice keeps the tagger quick.
  const terms = termsOf(text.slice(0, 80));
  const hasVerb = terms.slice(1).some((t) => t.tags.includes('Verb') && !t.tags.includes('Gerund'));
  const first = terms[0];
  if (!first) return { head: 'other', actionStart: 0, word: '', hasVerb };
  const word = first.text.toLowerCase();
  const isVerb = first.tags.includes('Verb');
  if (isVerb && first.tags.includes('Gerund')) return { head: 'gerund', actionStart: 0, word, hasVerb };
  if (isVerb && (first.tags.includes('Imperative') || first.tags.includes('Infinitive')) && !first.tags.includes('PastTense'))
    return { head: 'imperative', actionStart: 0, word, hasVerb: true };
  if (first.tags.includes('Noun') || first.tags.includes('Adjective') || first.tags.includes('Determiner'))
    return { head: 'noun', actionStart: 0, word, hasVerb };
  return { head: 'other', actionStart: 0, word, hasVerb };
}
