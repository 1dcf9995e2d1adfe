/**
 * A posted reply after a press: the same card with only the pressed items' rows replaced by how they
 * are now (a row just done moved under "Done", closed-rows.ts), and its title and headings counting the rows as they now are ("1 overdue · 1 done", not
 * the "2 overdue" it was sent with); the "✅ Sara marked C-1 done" lines go under it (`withLogLine`).
 * A digest stays that digest. Pure.
 */
import type { CardItem, Reply } from '../../src/replies/reply.js';
import { settleClosedRows } from '../../src/replies/closed-rows.js';
import { retallied } from '../../src/replies/tally.js';

/** At most this many "who did what" lines stay under a card; older ones give way. */
const MAX_LOG_LINES = 10;

export interface Patched {
  reply: Reply;
  /** False when none of the rows is on the card (it was some other message). */
  found: boolean;
}

export function patchReply(reply: Reply, rows: readonly CardItem[]): Patched {
  const card = reply.card;
  if (!card) return { reply, found: false };
  const fresh = new Map(rows.filter((r) => r.id).map((r) => [r.id!, r]));
  let found = false;
  const sections = card.sections.map((section) => ({
    ...section,
    items: section.items?.map((item) => {
      const row = item.id ? fresh.get(item.id) : undefined;
      if (!row) return item;
      found = true;
      // A row moved under "Done" still remembers the section it came from.
      return item.section ? { ...row, section: item.section } : row;
    }),
  }));
  // A row just closed leaves "Overdue" for "Done" (and comes back when reopened) before the counts are said again.
  return { reply: retallied({ ...reply, card: settleClosedRows({ ...card, sections }) }), found: found || rows.length === 0 };
}

/** The log lines a card shows after its footer, with `line` added. */
export function withLogLine(log: readonly string[], line: string | undefined): string[] {
  return line ? [...log, line].slice(-MAX_LOG_LINES) : [...log];
}
