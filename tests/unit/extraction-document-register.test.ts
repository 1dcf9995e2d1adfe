// The document register (issue 14, lane notes): read from layout alone, it lets the scorer learn a
// correction per register. Checked on our own small texts and on how often it agrees with real-train's
// gold genre (the genre is never an input). Only real-train is read, never a blind split.
import { describe, expect, it } from 'vitest';
import { documentRegister, withRegister } from '../../src/extraction/document-register.js';
import { scoreCandidates } from '../../src/extraction/extract-commitments.js';
import { splitSentences } from '../../src/extraction/split-sentences.js';
import { loadSplit } from '../fixtures/extraction/corpus.js';

const registerOf = (text: string) => documentRegister(text, splitSentences(text));

describe('the document register', () => {
  it('reads bulleted short lines as notes', () => {
    const text =
      '## Attendees\n- Anna\n- Myles\n## Notes\n- CI is flaky again\n- Anna to ping Myles about the release\n- [ ] update docs (@bob)\n- ACTION: Bob to file the issue';
    expect(registerOf(text)).toBe('notes');
  });

  it('reads WHEREAS and RESOLVED paragraphs, or numbered ones, as formal', () => {
    const resolution =
      'WHEREAS, the Council wishes to hear the residents on the options for the festival in the coming year;\nWHEREAS, the committee has met twice this spring and heard from many of the residents concerned;\nNOW, THEREFORE, BE IT RESOLVED by the Council that a committee be formed to report by 1 October.\nBE IT FURTHER RESOLVED that the Manager provide staff support to the committee for its work.';
    expect(registerOf(resolution)).toBe('formal');
    const numbered =
      'The Security Council,\n1. Decides to extend the mandate of the mission until 30 June 2025 under the same terms;\n2. Requests the Secretary-General to report to the Council on the situation every ninety days;\n3. Decides to remain seized of the matter and to review the mandate at the end of that period.';
    expect(registerOf(numbered)).toBe('formal');
  });

  it('reads paragraphs of full sentences as prose', () => {
    const text =
      'The company announced today that it will relocate its headquarters to Denver by the end of next year.\n\nThe move is expected to bring more than four hundred jobs to the region, the chief executive said in a statement on Monday.';
    expect(registerOf(text)).toBe('prose');
  });

  it('adds the register and a copy of each structural feature under it, none of the word features', () => {
    expect(withRegister({ list_item: 1, 'cue=will': 1, lemma_send: 1 }, 'notes')).toEqual({
      list_item: 1,
      'cue=will': 1,
      lemma_send: 1,
      'reg=notes': 1,
      'reg=notes:list_item': 1,
    });
  });

  it('does not call a few lines notes: too little layout to judge', () => {
    const text =
      'Signatories to the Pledge must agree to:\n- Measure and report emissions on a regular basis.\n- Neutralize any remaining emissions by 2040.';
    expect(registerOf(text)).toBe('prose');
  });

  it('gives every candidate its document register', () => {
    const { candidates } = scoreCandidates(
      '## Actions\n- Anna to ping Myles\n- Bob will update the docs\n- CI status: green\n- Release on Friday\n- Carol to book the room',
      { date: '2025-03-03' },
    );
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(c.features['reg=notes']).toBe(1);
  });

  it('agrees with real-train genres: engineering notes read as notes, statements and releases as prose', () => {
    const cells = new Map<string, number>();
    for (const e of loadSplit('real-train')) {
      const key = `${e.genre}>${registerOf(e.text)}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    const count = (genre: string, register?: string) =>
      [...cells].filter(([k]) => k.startsWith(`${genre}>`) && (!register || k.endsWith(`>${register}`))).reduce((s, [, n]) => s + n, 0);
    const notesRead = [...cells].filter(([k]) => k.endsWith('>notes')).reduce((s, [, n]) => s + n, 0);
    // At the lane's start: 78 of 85 notes read as notes, 78 of the 97 texts read as notes are notes (14 are
    // minutes kept as short lines); 28 of 54 resolutions read as formal; 48 of 54 joint statements and
    // 44 of 45 corporate texts read as prose.
    expect(count('engineering-notes', 'notes') / count('engineering-notes')).toBeGreaterThanOrEqual(0.9);
    expect(count('engineering-notes', 'notes') / notesRead).toBeGreaterThanOrEqual(0.75);
    expect(count('resolution', 'formal') / count('resolution')).toBeGreaterThanOrEqual(0.45);
    expect(count('corporate', 'prose') / count('corporate')).toBeGreaterThanOrEqual(0.9);
    expect(count('joint-statement', 'prose') / count('joint-statement')).toBeGreaterThanOrEqual(0.85);
  });
});
