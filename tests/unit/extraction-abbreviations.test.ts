// The layout layer and the sentence splitter read abbreviations from one list (abbreviations.ts),
// so a full stop that joins a hard-wrapped line also keeps a sentence whole, and the other way round.
import { describe, expect, it } from 'vitest';
import { layoutBlocks } from '../../src/extraction/layout.js';
import { splitSentences } from '../../src/extraction/split-sentences.js';

const sentences = (text: string) => splitSentences(text).map((s) => s.text);

describe('abbreviations, one list for layout and sentences', () => {
  it.each([
    ['Messrs. Khan and Ali will report to the board by Friday.'],
    ['Acme Corp. Ltd. will close the plant by June 2025.'],
    ['The committee will meet at 7 p.m. Eastern time on Monday.'],
    ['Lt. Col. Reza will lead the liaison office.'],
    ['See pp. 4-6 for the plan.'],
  ])('keeps "%s" as one sentence', (text) => {
    expect(sentences(text)).toEqual([text]);
  });

  it('still ends a sentence at "etc." before a new one', () => {
    expect(sentences('We discussed fees, dates, etc. The clerk will write to the county.')).toEqual([
      'We discussed fees, dates, etc.',
      'The clerk will write to the county.',
    ]);
  });

  it('joins a line hard-wrapped after an abbreviation the splitter knows ("Corp.", "Ltd.")', () => {
    for (const abbreviation of ['Corp.', 'Ltd.', 'Inc.']) {
      const blocks = layoutBlocks(`as soon as the firm of Smith ${abbreviation}\nhas signed the contract, the Council\nwill meet again.`);
      expect(blocks.length, abbreviation).toBe(1);
    }
  });
});
