/**
 * compromise, the part-of-speech tagger the extractor asks, loaded on first use from its one-file
 * CommonJS build: its ES module source is some 500 files, which cost every command a quarter of a
 * second or more at start-up. Its second level ("two": tokeniser, lexicon and tagger), not the third:
 * the extractor reads only tags and offsets, which are the same (every corpus text gives the same
 * commitments), and the third's plugins cost some 70 ms more on every `extract`. One loader and one
 * word cache for every module that asks it.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise/two';

let tagger: typeof nlpType | undefined;

export function nlp(text: string): ReturnType<typeof nlpType> {
  tagger ??= createRequire(import.meta.url)('compromise/two') as typeof nlpType;
  return tagger(text);
}

const infinitives = new Map<string, boolean>();

/** Whether `word` can be a verb's base form ("they will measure it"). Asked of the same few hundred words again and again: the answer is kept. */
export function canBeInfinitive(word: string): boolean {
  let known = infinitives.get(word);
  if (known === undefined) {
    known = nlp(`they will ${word} it`).match('will [#Infinitive]').found;
    if (infinitives.size < 20_000) infinitives.set(word, known);
  }
  return known;
}
