/**
 * Shapes of discussion that notes write down beside their tasks: a question asked without its
 * question mark ("will there be public session", "Should we try to ask all@ …", "How to develop …")
 * and a guess about what will happen ("People will likely still believe …", "DST should probably
 * have an answer", "I think we will want …"). Neither promises a deed; the scorer reads them as the
 * question and forecast features it already weighs.
 */

// An auxiliary before its subject, or a question word that opens the line.
const INVERTED =
  /^(?:(?:will|would|should|shall|can|could|do|does|did|is|are|was|were|must)\s+(?:we|you|they|there|it|i|he|she|anyone|someone|everyone|people)\b|(?:do|does|did)\s+[A-Z]\w*(?:\s+or\s+[A-Z]\w*)?\s+\w+|(?:how|what|who|whom|which|why|where|when|whether)\s+(?:to|is|are|was|were|do|does|did|should|shall|can|could|would|will|we|they)\b)/i;

export function isQuestionShape(sentence: string): boolean {
  return /\?\s*["”’')\]]*\s*$/.test(sentence) || INVERTED.test(sentence.trim());
}

// "likely", "probably", "hopefully", "I think": the speaker guesses; nobody is bound.
const GUESS =
  /\b(?:likely|probably|hopefully|possibly|perhaps|maybe|presumably|(?:i|we)\s+(?:think|guess|suppose|expect|feel)|it\s+seems)\b/i;

/** Whether the words from the clause's start to the deed's first few words guess rather than promise. */
export function isGuess(clause: string): boolean {
  return GUESS.test(clause);
}
