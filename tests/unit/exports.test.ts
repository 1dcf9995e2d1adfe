// Exports: CSV that spreadsheets read back, ICS with all-day events on calendar dates; chat export and its limit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitmentsCsv } from '../../src/exports/commitments-csv.js';
import { commitmentsIcs, fold } from '../../src/exports/commitments-ics.js';
import { createHarness, type Harness } from '../helpers/core-harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness('2024-01-29T09:00:00Z', 'Asia/Karachi');
});
afterEach(async () => {
  await h.close();
});

describe('exports', () => {
  it('CSV quotes commas, quotes and newlines, one row a commitment', async () => {
    await h.say('add Appoint officers, then "brief" them @bob due 2024-02-05 tag:border');
    await h.say('add Open markets at an early date agreed 2024-01-29');
    const csv = commitmentsCsv(await h.store.commitments.list('w1'));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,title,status,at_risk,deadline_kind,deadline_text,due,approximate,owners,parties,tags,channel,agreed_on,source_url,created_at,updated_at',
    );
    expect(lines[1]).toMatch(/^C-1,"Appoint officers, then ""brief"" them",open,no,exact,2024-02-05,2024-02-05,no,bob,,border,/);
    expect(lines[2]).toMatch(/^C-2,Open markets,open,no,vague,at an early date,2024-03-29,yes,alice,,,test:general,2024-01-29,/);
    expect(lines).toHaveLength(4);
  });

  it('ICS has an all-day event on each due date, none for undated items, and folds long lines', async () => {
    await h.say(`add ${'Very long title '.repeat(8).trim()} due 2024-02-05`);
    await h.say('add Ongoing duty until peace');
    const ics = commitmentsIcs(await h.store.commitments.list('w1'), h.clock.now());
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART;VALUE=DATE:20240205\r\nDTEND;VALUE=DATE:20240206');
    expect(ics).toContain('UID:C-1@w1.followthrough');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('export in chat answers privately with the file, and names the CLI when it is too long', async () => {
    await h.say('add Appoint officers due 2024-02-05');
    const small = await h.say('export csv');
    expect(small.visibility).toBe('private');
    expect(small.text).toMatch(/^CSV of 1 commitment:\n```\nid,title/);
    for (let i = 0; i < 40; i++) await h.say(`add Item number ${i} with a reasonably long title to fill the export due 2024-03-01`);
    expect((await h.say('export csv')).text).toMatch(
      /too long for a chat message.*\n`npx followthrough export csv --workspace w1 --channel test:general --out commitments.csv`/,
    );
    expect((await h.say('export xls')).text).toMatch(/Say which format/);
  });
});

describe('ICS line folding (RFC 5545 §3.1)', () => {
  it.each([
    ['emoji across the cut', `SUMMARY:${'x'.repeat(66)}😀😀😀😀`],
    ['every character an emoji', `SUMMARY:${'🇵🇰'.repeat(30)}`],
    ['two-byte letters', `SUMMARY:${'ü'.repeat(100)}`],
    ['ASCII', `SUMMARY:${'a'.repeat(200)}`],
  ])('%s: lines of at most 75 octets, no broken character, unfolds to the original', (_name, line) => {
    const folded = fold(line);
    const lines = folded.split('\r\n');
    for (const part of lines) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      // A lone surrogate would show as U+FFFD once encoded: none may appear.
      expect(Buffer.from(part).toString('utf8')).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
