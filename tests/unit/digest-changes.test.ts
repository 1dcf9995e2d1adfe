/**
 * The digest's "Changes since last digest" line when more ids changed than it shows: every kind of
 * change is still said (a day of adds once hid "C-7 done" behind "…", as the Playground's digest
 * showed), the biggest kind cut short with "and N more"; the count stays exact.
 */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/reminders/digest.js';

const alex = { id: 'aad-alex', name: 'Alex Wilber' };
const entry = (commitmentId: string, action: string) => ({
  workspaceId: 'w1',
  commitmentId,
  at: '2026-12-01T10:00:00Z',
  actor: alex,
  action,
});
const changesLine = (changes: ReturnType<typeof entry>[]) =>
  buildDigest({ commitments: [], proposedCount: 0, unreachable: [], now: new Date('2026-12-02T09:00:00Z'), changes })
    ?.text.split('\n')
    .find((l) => l.startsWith('Changes since last digest'));

describe('the changes line of a busy day', () => {
  it('says the done and the accepted items whole, and cuts the adds short', () => {
    const created = Array.from({ length: 10 }, (_, i) => entry(`C-${i + 1}`, 'created'));
    const line = changesLine([...created, entry('C-7', 'done'), entry('C-9', 'accepted'), entry('C-10', 'accepted')]);
    expect(line).toBe(
      'Changes since last digest: 13 (C-1, C-2, C-3, C-4, C-5, C-6, C-7 and 3 more created by Alex Wilber, C-7 done by Alex Wilber, C-9, C-10 accepted by Alex Wilber).',
    );
  });

  it('more kinds of change than ids it may show: the first ten kinds, then "…"', () => {
    const actions = [
      'created',
      'done',
      'reopened',
      'dropped',
      'snoozed',
      'accepted',
      'rejected',
      'commented',
      'assessed',
      'noted',
      'moved',
    ];
    const line = changesLine(actions.map((a, i) => entry(`C-${i + 1}`, a)));
    expect(line).toMatch(/^Changes since last digest: 11 \(C-1 created by Alex Wilber, .*C-10 noted by Alex Wilber, …\)\.$/);
    expect(line).not.toMatch(/moved/);
  });
});
