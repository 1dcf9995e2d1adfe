// The real-text corpus (tests/fixtures/extraction/real-*): every gold file is well formed, so the
// scorer's figures mean what they say. This never runs the extractor, and never prints blind text.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentWords, overlapCount } from '../../src/extraction/content-words.js';
import { BLIND_SPLITS } from '../fixtures/extraction/corpus.js';

const corpus = join(import.meta.dirname, '../fixtures/extraction');
const splits = ['real-train', ...BLIND_SPLITS];
const genres = ['joint-statement', 'resolution', 'corporate', 'minutes', 'engineering-notes', 'pledge'];
const kinds = ['exact', 'vague', 'event', 'ongoing', 'none'];
// Quotes may span a hard line wrap; compare with runs of whitespace folded.
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

function texts(split: string): string[] {
  const dir = join(corpus, split);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
}

/** A gold file as the scorer needs it: date, genre, source, kinds with dues, verbatim quotes whose words carry the action. */
function expectWellFormed(file: string, rawText: string, gold: Gold): void {
  const text = fold(rawText);
  expect(gold.date, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(genres, file).toContain(gold.genre);
  expect(gold.source.url, file).toMatch(/^https?:\/\//);
  gold.commitments.forEach((c, i) => {
    const where = `${file} commitment ${i + 1}`;
    expect(kinds, where).toContain(c.kind);
    expect(text.includes(fold(c.quote)), `${where}: quote not in the text`).toBe(true);
    // The scorer matches on the gold action's content words, so they must all be in the quote:
    // otherwise a prediction that quotes the commitment exactly could still count as a miss.
    const target = contentWords(c.action);
    expect(overlapCount(contentWords(c.quote), target), `${where}: action words not in the quote`).toBe(target.size);
    if (c.kind === 'exact' || c.kind === 'vague') expect(c.due ?? '', where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (c.kind === 'event' || c.kind === 'ongoing' || c.kind === 'none') expect(c.due, where).toBeNull();
  });
  gold.not_commitments.forEach((s, i) => expect(text.includes(fold(s)), `${file} not_commitment ${i + 1}: not in the text`).toBe(true));
}

interface Gold {
  date: string;
  genre: string;
  source: { url: string };
  commitments: { action: string; kind: string; due: string | null; quote: string }[];
  not_commitments: string[];
}
const readGold = (path: string): Gold => JSON.parse(readFileSync(path, 'utf8'));

describe('the real-text corpus', () => {
  for (const split of splits) {
    it(`${split}: each text has a gold file with date, genre, source and verbatim quotes`, () => {
      for (const file of texts(split)) {
        expectWellFormed(
          file,
          readFileSync(join(corpus, split, file), 'utf8'),
          readGold(join(corpus, split, file.replace(/\.txt$/, '.gold.json'))),
        );
      }
    });
  }

  // A second reader's labels of a sample (agreement.ts): the same checks, against the split's own text,
  // and the same date, so that both readers reckon deadlines from one day.
  const agreement = join(corpus, 'agreement');
  for (const split of existsSync(agreement) ? readdirSync(agreement) : []) {
    it(`agreement/${split}: each second reading is of a text of ${split}, well formed, with the same date`, () => {
      const files = readdirSync(join(agreement, split)).filter((f) => f.endsWith('.gold.json'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const textFile = join(corpus, split, file.replace(/\.gold\.json$/, '.txt'));
        expect(existsSync(textFile), `${file}: no such text in ${split}`).toBe(true);
        const second = readGold(join(agreement, split, file));
        expectWellFormed(`agreement/${split}/${file}`, readFileSync(textFile, 'utf8'), second);
        expect(second.date, file).toBe(readGold(textFile.replace(/\.txt$/, '.gold.json')).date);
      }
    });
  }

  it('spreads every genre over both splits once the blind split exists', () => {
    const genresIn = (split: string) =>
      new Set(texts(split).map((f) => JSON.parse(readFileSync(join(corpus, split, f.replace(/\.txt$/, '.gold.json')), 'utf8')).genre));
    expect([...genresIn('real-train')].sort()).toEqual([...genres].sort());
    for (const blind of BLIND_SPLITS) {
      if (texts(blind).length > 0) expect([...genresIn(blind)].sort()).toEqual([...genres].sort());
    }
  });

  // A held-out split is only held out if the evaluator and trainer know it: every real-blind*
  // folder must be in BLIND_SPLITS (default eval skips those, train refuses them), and the
  // weights the extractor loads must have been fitted on none of them.
  it('registers every real-blind* folder as blind, and the learnt weights saw none of them', () => {
    const folders = readdirSync(corpus).filter((f) => f.startsWith('real-blind') && statSync(join(corpus, f)).isDirectory());
    expect(folders.sort()).toEqual([...BLIND_SPLITS].sort());
    const weights = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/extraction/candidate-weights.json'), 'utf8'));
    for (const blind of BLIND_SPLITS) expect(weights.trainedOn, blind).not.toContain(blind);
  });
});
