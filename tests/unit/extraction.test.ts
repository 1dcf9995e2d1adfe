// Extraction rules: the seed-like report, exclusions, splitting, merging, parties, verbatim quotes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCommitments } from '../../src/extraction/extract-commitments.js';

const corpus = join(import.meta.dirname, '../fixtures/extraction');
const extract = (text: string, date = '2024-05-14') => extractCommitments(text, { date });

describe('the seed-like bilateral report (our own paraphrase)', () => {
  const text = readFileSync(join(corpus, 'dev/bilateral-border-security.txt'), 'utf8');
  const items = extract(text, '2024-01-29');

  it('gives exactly its six commitments with the right kinds', () => {
    expect(items.map((i) => i.deadline.kind)).toEqual(['vague', 'ongoing', 'vague', 'vague', 'none', 'event']);
    expect(items[0].action).toMatch(/appoint liaison officers in Turbat and Zahedan/);
    expect(items[0].deadline).toMatchObject({ text: 'immediately', due: '2024-02-05' });
    expect(items[1].deadline.text).toMatch(/^till the complete eradication/);
    expect(items[2].deadline).toMatchObject({ text: 'at an early date', due: '2024-03-29' });
    expect(items[5].deadline.text).toMatch(/^after the formation of the new government/);
  });

  it('names the participants for "the two sides" and passive promises, flagged inferred', () => {
    expect(items[4].parties).toEqual(['Pakistan', 'Iran']);
    expect(items[2]).toMatchObject({ parties: ['Pakistan', 'Iran'], partiesInferred: true });
  });
});

describe('exclusions', () => {
  it.each([
    'The ministers welcomed the progress made on the corridor and noted that traffic had doubled.',
    'Calls upon Member States to strengthen regional cooperation on border security;',
    '"Our border shall become a border of trade and development," the minister told reporters.',
    'The army chief stressed the need to make better use of existing communication channels.',
    'The minutes of the meeting of 15 May 2024 were approved as a true record.',
    'Decides to remain actively seized of the matter.',
    'This Agreement shall enter into force upon signature.',
  ])('takes nothing from: %s', (sentence) => {
    expect(extract(sentence)).toEqual([]);
  });
});

describe('splitting, merging, parties, hedges', () => {
  it('splits "agreed to A and to B" into two items with their own deadlines', () => {
    const items = extract('Kenya and Ethiopia agreed to reopen the Moyale crossing within 30 days and to set up a joint surveillance team at an early date.');
    expect(items.map((i) => [i.deadline.kind, i.deadline.due])).toEqual([['exact', '2024-06-13'], ['vague', '2024-07-13']]);
    expect(items.every((i) => i.parties.join() === 'Kenya,Ethiopia')).toBe(true);
  });

  it('merges a headline and lede restatement into the body item, keeping the specific quote', () => {
    const text = [
      '• Kenya, Ethiopia agree to reopen Moyale crossing',
      'NAIROBI: Kenya and Ethiopia agreed on Tuesday to reopen the Moyale crossing, officials said.',
      'The two ministers agreed to reopen the Moyale cargo crossing to heavy goods vehicles within 30 days.',
    ].join('\n');
    const items = extract(text);
    expect(items).toHaveLength(1);
    expect(items[0].quote).toMatch(/within 30 days/);
  });

  it('reads minutes shorthand: the name before "to" is the party', () => {
    const items = extract('ACTION: Marco to fix the three failing payment tests by 2025-02-13.\n- [ ] Lena to open tickets\n- [x] Rotate the credentials', '2025-02-11');
    expect(items.map((i) => i.parties)).toEqual([['Marco'], ['Lena']]);
    expect(items[0].deadline).toMatchObject({ kind: 'exact', due: '2025-02-13' });
  });

  it('keeps hedged promises, marked weak', () => {
    const [item] = extract('The company expects to complete the acquisition of Snabbt AB, subject to regulatory approval.');
    expect(item.weak).toBe(true);
  });

  it('makes standing duties and prohibitions ongoing without a time phrase', () => {
    const items = extract('The Parties shall not recruit new combatants. The City will continue to post monthly reports.');
    expect(items.map((i) => i.deadline.kind)).toEqual(['ongoing', 'ongoing']);
  });
});

describe('quotes', () => {
  it('are verbatim spans of the input for every text in the corpus', () => {
    for (const split of ['dev', 'test']) {
      for (const file of readdirSync(join(corpus, split)).filter((f) => f.endsWith('.txt'))) {
        const text = readFileSync(join(corpus, split, file), 'utf8');
        const { date } = JSON.parse(readFileSync(join(corpus, split, file.replace(/\.txt$/, '.gold.json')), 'utf8'));
        for (const item of extract(text, date)) expect(text.includes(item.quote), `${file}: ${item.quote}`).toBe(true);
      }
    }
  });
});

describe('second pass: general rules for unseen texts', () => {
  it('keeps an appeal to the parties the text binds, drops appeals to third parties and by third parties', () => {
    const items = extract(
      'Demands that the Government of Kelvaria and the NLF fully respect the ceasefire;\n' +
        'Calls upon the Government of Kelvaria and the NLF to release all detained children without delay;\n' +
        'Calls upon Member States to contribute generously to the appeal;\n' +
        'The OSCE chair urged both parties to show restraint.',
    );
    expect(items.map((i) => i.quote)).toEqual([
      'Demands that the Government of Kelvaria and the NLF fully respect the ceasefire',
      'Calls upon the Government of Kelvaria and the NLF to release all detained children without delay',
    ]);
    expect(items[1].deadline).toMatchObject({ kind: 'vague', due: '2024-05-21' });
  });

  it('drops forecasts but keeps hedged deeds', () => {
    const items = extract('Growth is expected to slow next year.\nThe merger is expected to close in the first quarter of 2025.\nRavi expects to finish the comparison by the end of the month.');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ parties: ['Ravi'], weak: true, deadline: { kind: 'exact', due: '2024-05-31' } });
  });

  it('reads directives in base form, "tasked X with", and counts anchored on the signing as exact', () => {
    const items = extract(
      'MOTION by Councilmember Lindqvist, seconded by Councilmember Patel, to direct staff to install two radar signs within 30 days and to return with a design by the January 21, 2025 meeting. Motion carried 5-1.\n' +
        'He also tasked the Federal Board of Revenue with recovering Rs50 billion in unpaid tax.\n' +
        'A Joint Committee shall be established within 10 days of the signing of this Agreement.',
    );
    expect(items.map((i) => [i.action, i.deadline.kind, i.deadline.due])).toEqual([
      ['install two radar signs', 'exact', '2024-06-13'],
      ['return with a design', 'exact', '2025-01-21'],
      ['recovering Rs50 billion in unpaid tax', 'none', null],
      ['A Joint Committee to be established', 'exact', '2024-05-24'],
    ]);
    expect(items[0].parties).toEqual(['staff']);
  });

  it('makes both inviter and invitee parties to an invitation', () => {
    const [item] = extract('The President of Ghana invited the President of Viet Nam to pay an official visit to Ghana at a mutually convenient time.');
    expect(item.parties).toEqual(['President of Ghana', 'President of Viet Nam']);
    expect(item.deadline).toMatchObject({ kind: 'vague' });
  });

  it('reads recurrences, quantities per period and prohibitions as ongoing', () => {
    const items = extract(
      'The task force will report to the two ministers every six months.\nViet Nam will provide 200 scholarships a year to Ghanaian students.\nNeither Party shall move forces into the areas listed in Annex 1.\nThe Company has also agreed not to solicit alternative acquisition proposals.',
    );
    expect(items.map((i) => i.deadline.kind)).toEqual(['ongoing', 'ongoing', 'ongoing', 'ongoing']);
    expect(items[0].reading).toMatchObject({ kind: 'ongoing', cadence: 'half-yearly' });
  });
});
