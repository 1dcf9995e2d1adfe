/**
 * Shapes of discussion that notes write down beside their tasks: a question asked without its
 * question mark ("will there be public session", "Should we try to ask all@ …", "How to develop …")
 * and a guess about what will happen ("People will likely still believe …", "DST should probably
 * have an answer", "I think we will want …"). Neither promises a deed; the scorer reads them as the
 * question and forecast features it already weighs.
 */

import { isBaseVerb } from './split-coordinated.js';

// An auxiliary before its subject, or a question word that opens the line.
const INVERTED =
  /^(?:(?:will|would|should|shall|can|could|do|does|did|is|are|was|were|must)\s+(?:we|you|they|there|it|i|he|she|anyone|someone|everyone|people)\b|(?:do|does|did)\s+[A-Z]\w*(?:\s+or\s+[A-Z]\w*)?\s+\w+|(?:how|what|who|whom|which|why|where|when|whether)\s+(?:to|is|are|was|were|do|does|did|should|shall|can|could|would|will|we|they)\b)/i;

// "Will teams serve as a motivator …", "Should docs move to the wiki": an auxiliary, a noun, then the
// verb. ("Will remove lock on Wed" has no subject between: a promise whose subject the notes dropped.)
const AUXILIARY_NOUN_VERB = /^(?:will|would|should|shall|can|could|do|does|did|must)\s+([a-z]+)\s+([a-z]+)\b/i;
const NOT_A_SUBJECT = /^(?:also|now|then|not|never|still|just|only|soon|first|further|probably|likely|need|have|try|be)$/i;

export function isQuestionShape(sentence: string): boolean {
  const text = sentence.trim();
  if (/\?\s*["”’')\]]*\s*$/.test(sentence) || INVERTED.test(text)) return true;
  const m = AUXILIARY_NOUN_VERB.exec(text);
  return m !== null && !NOT_A_SUBJECT.test(m[1]) && !isBaseVerb(m[1].toLowerCase()) && isBaseVerb(m[2].toLowerCase());
}

// "likely", "probably", "hopefully", "I think": the speaker guesses; nobody is bound.
const GUESS =
  /\b(?:likely|probably|hopefully|possibly|perhaps|maybe|presumably|(?:i|we)\s+(?:think|guess|suppose|expect|feel)|it\s+seems)\b/i;

/** Whether the words from the clause's start to the deed's first few words guess rather than promise. */
export function isGuess(clause: string): boolean {
  return GUESS.test(clause);
}
