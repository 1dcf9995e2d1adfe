/**
 * An owner's daily message on a narrow Teams card, as a person sees its buttons: each item's answers
 * on one row ("Pick a date · It's ongoing · No date needed"), then Done and Snooze on the next, never
 * a lone answer wrapped among them. Built by the core from real commitments, rendered by the Teams
 * renderer; the widths are checked against buttons measured on Agents Playground's screenshots, and
 * `npm run e2e:playground` checks the same rows in the real client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionRows, labelWidth, ROW_WIDTH_PX } from '../../adapters/teams/action-rows.js';
import { renderAdaptiveCard } from '../../adapters/teams/adaptive-card.js';
import { ACTIVE_STATUSES } from '../../src/commitments/commitment.js';
import { reminderKindFor } from '../../src/reminders/cadence.js';
import { ownerMessage } from '../../src/reminders/owner-message.js';
import type { Reply } from '../../src/replies/reply.js';
import { createHarness, type Harness } from '../helpers/core-harness.js';

let h: Harness;
let daily: Reply;

beforeAll(async () => {
  // 1 Dec: a soft date of 30 Jan is next year, as in the Playground run that showed the wrapping.
  h = createHarness('2026-12-01T09:00:00Z');
  await h.say('add Brief the Senate committee due 2026-11-20');
  await h.say('add Appoint liaison officers immediately agreed 2026-11-01');
  await h.say('add Deploy military liaison officers at an early date');
  await h.say('add Establish a joint coordination mechanism');
  const open = await h.store.commitments.list('w1', { ownerId: 'alice', statuses: ACTIVE_STATUSES });
  const reminders = open.flatMap((commitment) => {
    const kind = reminderKindFor(commitment);
    return kind ? [{ kind, commitment }] : [];
  });
  daily = ownerMessage({ id: 'alice', name: 'alice' }, reminders, h.clock.now(), 'UTC');
});
afterAll(() => h.close());

/** Each item's button rows as their titles: one ActionSet is one row. */
function buttonRows(reply: Reply): Map<string, string[][]> {
  const rows = new Map<string, string[][]>();
  for (const element of renderAdaptiveCard(reply).body as any[]) {
    if (element.type !== 'Container' || !String(element.id).startsWith('item-')) continue;
    const sets = (element.items as any[]).filter((x) => x.type === 'ActionSet');
    rows.set(
      String(element.id).slice(5),
      sets.map((s) => s.actions.map((a: any) => a.title)),
    );
  }
  return rows;
}

describe("an owner's daily message on a narrow Teams card", () => {
  it("keeps each question's answers on one row and Done / Snooze on the next", () => {
    const rows = buttonRows(daily);
    expect(rows.get('C-1')).toEqual([['Done', 'Snooze', 'Update status']]);
    expect(rows.get('C-2')).toEqual([
      ['Pick a date', "It's ongoing"],
      ['Done', 'Snooze'],
    ]);
    // Less than a year ahead, the Keep button names the day only (the question names the year).
    expect(rows.get('C-3')).toEqual([
      ['Keep ~30 Jan', 'Pick a date', "It's ongoing"],
      ['Done', 'Snooze'],
    ]);
    expect(rows.get('C-4')).toEqual([['Pick a date', "It's ongoing", 'No date needed'], ['Done']]);
    expect(daily.text).toMatch(/C-3 Deploy military liaison officers — Promised "at an early date" \(~30 Jan 2027\)\. Confirm a date\?/);
  });

  it('estimates widths close to the buttons measured on Agents Playground', () => {
    // Widths in px of buttons in the Playground's screenshot of this message (tests/e2e/playground).
    const measured: [string, number][] = [
      ['Done', 65],
      ['Snooze', 83],
      ['Pick a date', 114],
      ["It's ongoing", 119],
      ['No date needed', 150],
      ['Keep ~30 Jan 2027', 175],
      ['Update status', 137],
    ];
    for (const [label, px] of measured) expect(Math.abs(labelWidth(label) - px), label).toBeLessThanOrEqual(8);
    // Every row laid out fits the row's room.
    for (const item of daily.card?.sections.flatMap((s) => s.items ?? []) ?? [])
      for (const row of actionRows(item.actions ?? []))
        if (row.length > 1)
          expect(
            row.reduce((w, a) => w + labelWidth(a.label) + 8, -8),
            item.id,
          ).toBeLessThanOrEqual(ROW_WIDTH_PX);
  });
});
