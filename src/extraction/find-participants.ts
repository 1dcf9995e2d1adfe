/**
 * Finds who the text is about — "Pakistan and Iran agreed …", "between the Government of X and Y",
 * "We, the ministers of …" — so "the two sides" and passive promises can be given their parties.
 */
import type { Sentence } from './split-sentences.js';

const NAME = "(?:the\\s+)?[A-Z][\\w'’.-]*(?:\\s+(?:of\\s+the\\s+|of\\s+|for\\s+)?[A-Z][\\w'’().-]*)*";
const BETWEEN = new RegExp(`\\b(?:between|among)\\s+(${NAME})\\s+and\\s+(${NAME})`);
const PAIR = new RegExp(
  `(${NAME}),?\\s+and\\s+(${NAME})\\s+(?:on\\s+\\w+\\s+|have\\s+|had\\s+|today\\s+)?(?:agreed|agree|decided|met|signed|pledged|committed|reached|held|resolved)\\b`,
);

function clean(name: string): string {
  return name
    .replace(/^the\s+/i, '')
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/[’']s$/, '')
    .trim();
}

export function findParticipants(sentences: Sentence[]): string[] {
  for (const sentence of sentences) {
    if (sentence.zone === 'headline') continue;
    const m = BETWEEN.exec(sentence.text) ?? PAIR.exec(sentence.text);
    if (m) return [clean(m[1]), clean(m[2])];
  }
  for (const sentence of sentences) {
    const we = /^We,\s+(?:the\s+)?([^,]+)/.exec(sentence.text);
    if (we) return [we[1].trim()];
  }
  return [];
}
