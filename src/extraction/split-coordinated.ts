/**
 * Splits one cue's clause into its coordinated promises: "agreed to reopen the crossing within
 * 30 days and to set up a surveillance team" is two items, each with its own words and deadline.
 */

export interface Part {
  /** Offsets in the sentence. */
  start: number;
  end: number;
}

const COORDINATION = /,?\s+and\s+(?:further\s+|also\s+)?(?=(?:not\s+)?to\s+(?!(?:the|a|an|its|their|all|each|this|that|his|her|our)\b)[a-z])/g;

export function splitCoordinated(sentence: string, actionStart: number, end: number): Part[] {
  const span = sentence.slice(actionStart, end);
  const parts: Part[] = [];
  let from = 0;
  for (const m of span.matchAll(COORDINATION)) {
    const at = m.index ?? 0;
    parts.push({ start: actionStart + from, end: actionStart + at });
    from = at + m[0].length;
  }
  parts.push({ start: actionStart + from, end });
  return parts.filter((p) => p.end > p.start);
}
