/**
 * Which register a document is written in, read from its layout alone (the extractor never knows the
 * genre): `notes` (bulleted short lines, as engineering notes are kept), `formal` (numbered
 * paragraphs or ones opened by a drafting formula, as resolutions are drafted) or `prose`
 * (paragraphs of full sentences). Notes write promises ("Anna to ping Myles", "- [ ] update docs (@bob)") and false alarms
 * (topics, status lines) of their own, so the scorer learns a correction per register (Daumé 2007).
 */
import type { Features } from './candidate-model.js';
import type { Sentence } from './split-sentences.js';
import { isVectorFeature } from './word-vectors.js';

export type Register = 'notes' | 'formal' | 'prose';

const BULLET_LINE = /^\s*(?:[-*•●▪◦·+]|\[[ xX✓]?\])\s/;
// A numbered or lettered paragraph, or one opened by a drafting formula ("WHEREAS,", "BE IT FURTHER
// RESOLVED", "Decides that", "Recalling its resolution …"): how motions and resolutions are laid out.
const FORMAL_LINE =
  /^\s*(?:\(?\d{1,3}[.)]\s|\(?[a-z]\)\s|\([ivx]+\)\s|WHEREAS\b|Whereas\b|(?:NOW,?\s+THEREFORE,?\s+)?(?:BE\s+IT\s+(?:FURTHER\s+)?)?RESOLVED\b|Be\s+it\s+(?:further\s+)?resolved\b|[A-Z][a-z]+(?:s|ing)(?:\s+(?:also|further))?\s+(?:that|its|the|upon|on|all)\b)/;

const NOTES_MIN_LINES = 5;

/** Thresholds read off real-train's layouts: notes average under 10 words a sentence, prose over 15. */
export function documentRegister(text: string, sentences: readonly Sentence[]): Register {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0 || sentences.length === 0) return 'prose';
  const share = (pattern: RegExp) => lines.filter((line) => pattern.test(line)).length / lines.length;
  const meanWords = sentences.reduce((sum, s) => sum + s.text.split(/\s+/).filter(Boolean).length, 0) / sentences.length;
  // A few lines are too little layout to call notes: a pledge's frame and its two items are not minutes
  // (no real-train text under five lines is notes).
  if (lines.length >= NOTES_MIN_LINES && ((share(BULLET_LINE) >= 0.3 && meanWords < 14) || meanWords < 9)) return 'notes';
  if (share(FORMAL_LINE) >= 0.2) return 'formal';
  return 'prose';
}

/**
 * Word features (`cue=will`, `verb=send`, `lemma_…`) get no copy: seen a few times each, they are too
 * rare per register to learn a correction (copies of the structural features alone gained 0.005 F1 on
 * leave-one-source-out CV; the register with ten layout copies only, none). Nor do the word-vector
 * dimensions: a hundred dense ones per phrase are too many to copy per register.
 */
const WORD_FEATURE = /^(?:cue=|verb=|subject=|before=|lemma_)/;

/**
 * The register as a feature, and a `reg=<register>:f` copy of each structural feature: the shared
 * weight says what f means everywhere, the copy how much more or less it means in this register.
 */
export function withRegister(features: Features, register: Register): Features {
  const out: Features = { ...features, [`reg=${register}`]: 1 };
  for (const [name, value] of Object.entries(features))
    if (!WORD_FEATURE.test(name) && !isVectorFeature(name)) out[`reg=${register}:${name}`] = value;
  return out;
}
