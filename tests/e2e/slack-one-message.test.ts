/**
 * Why a press never needs to recount headings on another page of a digest or an owner's message:
 * neither is ever split over several Slack messages. A digest holds at most 15 items and an owner's
 * message 10, each item two or three blocks (its text, one actions block per target), so the
 * largest of each — every group, the longest titles, "and N more", every footer line — stays under
 * Slack's 50 blocks with room for the "✅ who did what" block a press adds (40 and 33 blocks today).
 * If a limit is raised past that, this fails, and a press would then have to read and update the
 * other pages too, as it does for the one shared message that can come in parts: a long list answered
 * in the app's DM (tests/e2e/slack-dm-list-parts.test.ts; a channel's history cannot be read).
 */
import { describe, expect, it } from 'vitest';
import { renderMessages } from '../../adapters/slack/block-kit.js';
import type { Commitment, LogEntry } from '../../src/commitments/commitment.js';
import type { ReminderKind } from '../../src/reminders/cadence.js';
import { DIGEST_LIMIT, buildDigest } from '../../src/reminders/digest.js';
import { OWNER_MESSAGE_LIMIT, ownerMessage } from '../../src/reminders/owner-message.js';
import {
  afterTheElections,
  exactDeadline,
  immediately,
  noDeadline,
  policyCommitment,
  tillEradication,
} from '../helpers/policy-fixtures.js';

const now = new Date('2024-02-20T09:00:00Z');
const owners = ['alice', 'bob', 'carol', 'dana', 'emre'].map((name, i) => ({ id: `U${i}`, name }));
/** The longest title `add` takes (200 characters). */
const longTitle = (n: number) => `Item ${n} `.padEnd(200, 'x');

const DEADLINES = [
  exactDeadline('2024-02-01'), // overdue
  exactDeadline('2024-02-23'), // due within 7 days
  immediately, // needs a date (its soft date has passed)
  afterTheElections, // waiting on an event
  tillEradication, // ongoing
  exactDeadline('2024-06-30'), // later
  noDeadline, // no deadline
];

/** `counts[g]` commitments in the group of `DEADLINES[g]`, each with the longest title and five owners. */
function inGroups(counts: number[]): Commitment[] {
  let n = 0;
  return counts.flatMap((count, g) =>
    Array.from({ length: count }, () => {
      n++;
      return policyCommitment(DEADLINES[g], { id: `C-${n}`, title: longTitle(n), owners });
    }),
  );
}

/** Blocks a press adds to a message: the "who did what" line. */
const PRESS_LOG_BLOCKS = 1;

describe('digests and owner messages are one Slack message each', () => {
  it(`the largest digest (${DIGEST_LIMIT} items, every group and footer line) fits one message with room for the press log`, () => {
    const changes: LogEntry[] = Array.from({ length: 40 }, (_, i) => ({
      workspaceId: 'W1',
      commitmentId: `C-${i + 1}`,
      at: '2024-02-19T10:00:00Z',
      actor: owners[i % owners.length],
      action: 'created',
    }));
    const digest = buildDigest({
      channelName: 'general',
      // The most headings the limit allows: 15 items spread over all seven groups, and one more than fits.
      commitments: inGroups([3, 2, 2, 2, 2, 2, 3]),
      proposedCount: 12,
      changes,
      unreachable: owners.map((o) => o.name),
      weekly: true,
      now,
      timeZone: 'UTC',
    })!;
    expect(digest.text).toMatch(/and 1 more/);
    expect(digest.card?.sections).toHaveLength(7);
    const pages = renderMessages(digest);
    expect(pages).toHaveLength(1);
    expect(pages[0].blocks.length + PRESS_LOG_BLOCKS).toBeLessThanOrEqual(50);
  });

  it(`the largest owner message (${OWNER_MESSAGE_LIMIT} items, the three-block "has it happened?" ones) fits one message with room for the press log`, () => {
    // The most blocks the limit allows: every shown item a "has it happened?" question, whose answers
    // have two targets (the event, the item) and so two actions blocks; and more than fit.
    const reminders = inGroups([0, 0, 0, 14]).map((commitment) => ({ kind: 'event-check' as ReminderKind, commitment }));
    const message = ownerMessage({ id: 'U0', name: 'alice' }, reminders, now, 'UTC');
    expect(message.text).toMatch(/and 4 more/);
    const pages = renderMessages(message);
    expect(pages).toHaveLength(1);
    expect(pages[0].blocks.length + PRESS_LOG_BLOCKS).toBeLessThanOrEqual(50);
  });
});
