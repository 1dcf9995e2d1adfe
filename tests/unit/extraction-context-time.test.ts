// A deed with no time of its own, dated by where it sits (context-time.ts): the heading above it, the
// heading above an "Action items" heading, or a day that opens its line. Our own texts, shaped like the
// real notes and minutes that were missed; read on every candidate, so the weights do not matter.
import { describe, expect, it } from 'vitest';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

const deadlineOf = (text: string, date: string, actionStart: string) =>
  extractEveryCandidate(text, { date }).find((c) => c.action.includes(actionStart))?.deadline;

describe('a day from the heading or the line a deed sits in', () => {
  it('dates the action items under a heading that schedules a release', () => {
    const notes = [
      '### Scheduled release for May 9th, 2025',
      '',
      '**Action Items:**',
      '',
      '- @dana will update the changelog',
      '- @lee will tag the release',
    ].join('\n');
    expect(deadlineOf(notes, '2025-05-06', 'update the changelog')).toMatchObject({ kind: 'exact', due: '2025-05-09' });
    expect(deadlineOf(notes, '2025-05-06', 'tag the release')).toMatchObject({ kind: 'exact', due: '2025-05-09' });
  });

  it('dates the promises on a line that opens with the day they are for', () => {
    const minutes = 'Spring Fair: Apr. 12, 2025. There will be stalls. Jon will bring the urn. Mia will bake scones.';
    expect(deadlineOf(minutes, '2025-03-03', 'bring the urn')).toMatchObject({ kind: 'exact', due: '2025-04-12' });
    expect(deadlineOf(minutes, '2025-03-03', 'bake scones')).toMatchObject({ kind: 'exact', due: '2025-04-12' });
  });

  it('leaves undated a deed under a heading that dates a meeting, or a day already past', () => {
    const log = ['## February 10', '', 'The council will ask the authors to write a PEP.'].join('\n');
    expect(deadlineOf(log, '2025-02-03', 'ask the authors')).toMatchObject({ kind: 'none' });
    const past = ['### Release for May 2nd, 2025', '', '- @dana will update the changelog'].join('\n');
    expect(deadlineOf(past, '2025-05-06', 'update the changelog')).toMatchObject({ kind: 'none' });
    const byline = ['Posted by the clerk on August 5, 2025', '', 'The clerk will write to the county.'].join('\n');
    expect(deadlineOf(byline, '2025-08-01', 'write to the county')).toMatchObject({ kind: 'none' });
  });

  it('keeps the time the deed says itself over its heading', () => {
    const notes = ['### Scheduled release for May 9th, 2025', '', '- @dana will update the changelog by Wednesday'].join('\n');
    expect(deadlineOf(notes, '2025-05-05', 'update the changelog')).toMatchObject({ kind: 'exact', due: '2025-05-07' });
  });
});
