// A mandate said as a that-clause with the bare verb (detect-cues.ts, thatClauseCues): a modal later in
// the object's own relative clause leaves it a mandate, and an operative paragraph may open with "That".
// Our own sentences, shaped like the real resolutions that were missed; read on every candidate.
import { describe, expect, it } from 'vitest';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

const actions = (text: string) => extractEveryCandidate(text, { date: '2025-03-01' }).map((c) => c.action);

describe('that-clauses that mandate a deed', () => {
  it('keeps a mandate whose object has a modal of its own', () => {
    expect(
      actions('4. Requests that the Secretariat propose options, in consultation with Parties, that would simplify reporting;'),
    ).toContain('propose options, in consultation with Parties, that would simplify reporting');
  });

  it('leaves a that-clause with its own modal to the modal', () => {
    const found = actions('The board agreed that the clerk will write to the county.');
    expect(found).toContain('write to the county');
    expect(found).toHaveLength(1);
  });

  it('reads an operative paragraph that opens with the that-clause', () => {
    expect(actions('RESOLVED: That the Senate transmit this resolution to the Provost.')).toContain(
      'transmit this resolution to the Provost',
    );
    expect(actions('That all branches implement a recruitment plan.')).toContain('implement a recruitment plan');
  });

  it('does not read a demonstrative "That" as a clause', () => {
    expect(actions('That is why the meeting was short.')).toEqual([]);
    expect(actions('That was the last item.')).toEqual([]);
  });
});
