/**
 * Whether a line opens with a bare verb, as the items of a pledge's list do ("Measure and report
 * greenhouse gas emissions …", "Implement decarbonization strategies …", "Conserve forests …").
 * compromise decides whether the first word can be a verb ("they will measure it"); nouns such as
 * "measure" or "implement" look like nouns by their suffix alone, so no suffix shortcut is taken.
 */
import { canBeInfinitive } from './tagger.js';

// "Progress reports were sent": a subject followed by its finite verb ("have" is left out: "Ensure residents have access").
const FINITE_SOON = /^\s*\S+(?:\s+\S+)?\s+(?:is|are|was|were|has|had|will|would|shall|can|could|may|must)\b/i;

export function opensWithImperative(line: string): boolean {
  const word = /^\s*([A-Z][a-z]{2,})\s+[a-z]/.exec(line)?.[1];
  if (word === undefined || /(?:ing|ed|s)$/.test(word) || FINITE_SOON.test(line)) return false;
  return canBeInfinitive(word.toLowerCase());
}
