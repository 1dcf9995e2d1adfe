// A bare body sentence for cue and feature tests: what splitSentences would give for one line of prose.
import type { Sentence } from '../../src/extraction/split-sentences.js';

export const sentenceOf = (text: string, extra: Partial<Sentence> = {}): Sentence => ({
  text,
  start: 0,
  zone: 'body',
  actionItem: false,
  decision: false,
  ...extra,
});
