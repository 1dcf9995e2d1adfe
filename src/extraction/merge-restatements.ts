/**
 * Merges restatements of one promise — a news text repeats it in the headline, the lede and the
 * body — into one item, keeping the most specific quote. Headline items only ever support others.
 */
import { contentWords, overlapCount } from './content-words.js';
import type { ProposedCommitment } from './proposed-commitment.js';
import type { Zone } from './split-sentences.js';

export interface Candidate {
  item: ProposedCommitment;
  zone: Zone;
  /** Position in the text, so merged output keeps the text's order. */
  order: number;
  /** From "calls upon X to …": kept only when X is bound by the text. */
  appeal?: boolean;
  /** Where its sentence starts, and whether a relative clause named who acts ("a commission, which
   * will meet …"): that item and the one naming the actor are two deeds, never a restatement. */
  sentenceStart?: number;
  relative?: boolean;
  /** From a speaker's quoted words: the narrated sentence is preferred when both say it. */
  quoted?: boolean;
  speaker?: string;
}

const KIND_SPECIFICITY = { exact: 4, event: 3, vague: 3, ongoing: 2, none: 0 } as const;

function specificity(candidate: Candidate): number {
  const zoneWeight = candidate.zone === 'body' ? 1 : 0;
  const narrated = candidate.quoted ? 0 : 1;
  return KIND_SPECIFICITY[candidate.item.deadline.kind] * 10 + narrated * 6 + zoneWeight * 5 + contentWords(candidate.item.quote).size / 10;
}

function wordsOf(candidate: Candidate): Set<string> {
  return contentWords(candidate.item.action);
}

const numbersOf = (text: string) => new Set(text.match(/\d[\d,.]*\d|\d/g) ?? []);

/**
 * Two promises with their own figures ("redeem $116.25M of notes" / "redeem $342M of notes") are two
 * deeds however many words they share: a restatement repeats the figures or leaves them out. (Due
 * dates are no such sign: a quote's "by the end of June" restates "by June 2026".)
 */
function distinctFigures(a: Candidate, b: Candidate): boolean {
  const [na, nb] = [numbersOf(a.item.action), numbersOf(b.item.action)];
  return na.size > 0 && nb.size > 0 && ![...na].some((n) => nb.has(n));
}

/** Two items restate one promise when they share most of the smaller one's words. */
function restates(a: Candidate, b: Candidate): boolean {
  if ((a.relative || b.relative) && a.sentenceStart === b.sentenceStart) return false;
  if (distinctFigures(a, b)) return false;
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  const shared = overlapCount(wa, wb);
  const smaller = Math.min(wa.size, wb.size) || 1;
  const summary = a.zone !== 'body' || b.zone !== 'body';
  if (summary) return shared >= 2 && shared / smaller >= 0.3;
  // In the body, "the Committee will reduce its holdings of bonds" and "directs the Desk to reinvest
  // … its holdings of bonds" are two deeds: different named parties are different promises.
  return shared >= 3 && shared / smaller >= 0.6 && !differentParties(a.item.parties, b.item.parties);
}

function differentParties(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const key = (p: string) => p.toLowerCase().replace(/^the\s+/, '');
  return !a.some((p) => b.some((q) => key(p) === key(q) || key(p).includes(key(q)) || key(q).includes(key(p))));
}

export function mergeRestatements(candidates: Candidate[]): ProposedCommitment[] {
  const order = (c: Candidate) => (c.zone === 'body' ? 0 : c.zone === 'lede' ? 1 : 2);
  const sorted = [...candidates].sort((a, b) => order(a) - order(b));
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    let best = -1;
    let bestShared = 0;
    kept.forEach((other, index) => {
      if (!restates(candidate, other)) return;
      const shared = overlapCount(wordsOf(candidate), wordsOf(other));
      if (shared > bestShared) {
        best = index;
        bestShared = shared;
      }
    });
    if (best >= 0) {
      // A headline only supports: it never replaces the body's words.
      if (candidate.zone !== 'headline' && specificity(candidate) > specificity(kept[best]))
        kept[best] = { ...candidate, zone: kept[best].zone, order: kept[best].order };
      continue;
    }
    if (candidate.zone !== 'headline') kept.push(candidate);
  }
  return kept.sort((a, b) => a.order - b.order).map((c) => c.item);
}
