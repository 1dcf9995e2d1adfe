/**
 * Decides when two event names mean the same thing ("the formation of the new government" and
 * "new government formed"), by comparing their content words reduced to rough stems.
 */

const STOPWORDS = new Set(
  'a an the of in on at to for by and or following after before upon once when with from its their his her our this that is are was be been being has have had new'.split(
    ' ',
  ),
);

// Rough English suffix stripping: enough to meet "formation"/"formed"/"forming", not a full stemmer.
const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ions', 'ion', 'ies', 'ed', 'es', 's'];

function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix))
      return suffix === 'ies' ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length);
  }
  return word;
}

/** The set of content-word stems of a name, sorted and joined: equal keys are the same event. */
export function eventMatchKey(name: string): string {
  return [...stemsOf(name)].sort().join(' ');
}

function stemsOf(name: string): Set<string> {
  const words = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOPWORDS.has(w));
  // "new" is a stopword only when other words carry the meaning.
  const stems = new Set(words.map(stem));
  return stems.size > 0 ? stems : new Set(name.toLowerCase().split(/\s+/).filter(Boolean));
}

/** How alike two names are, 0..1 (shared stems over the smaller set, so a longer wording still meets a shorter). */
export function eventSimilarity(a: string, b: string): number {
  const sa = stemsOf(a);
  const sb = stemsOf(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  return shared / Math.min(sa.size, sb.size);
}

/** At or above this, an event deadline joins an existing event instead of creating one. */
export const JOIN_THRESHOLD = 0.75;
/** At or above this (but below joining), the existing event is offered as a possible match. */
export const OFFER_THRESHOLD = 0.5;
