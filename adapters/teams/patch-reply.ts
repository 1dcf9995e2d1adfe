/**
 * A posted reply after a press: the same card with only the pressed items' rows replaced by how they
 * are now, each under the heading of its group now (a row just done under "Done", one made ongoing
 * under "Ongoing": settle-pressed-rows.ts), and its title and headings counting the rows as they now
 * are ("1 overdue · 1 done", not the "2 overdue" it was sent with); the "✅ Sara marked C-1 done"
 * lines go under it (`withLogLine`).
 * A digest stays that digest. Pure.
 */
import type { CardItem, Reply } from '../../src/replies/reply.js';
import { settlePressedRows } from '../../src/replies/settle-pressed-rows.js';
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
      // A row moved under another heading ("Done") still remembers the section that counted it.
      return item.section ? { ...row, section: item.section } : row;
    }),
  }));
  // A row goes under the heading of its group now ("Overdue" → "Done", and back when reopened) before the counts are said again.
  return { reply: retallied({ ...reply, card: settlePressedRows({ ...card, sections }) }), found: found || rows.length === 0 };
}

/** The log lines a card shows after its footer, with `line` added. */
export function withLogLine(log: readonly string[], line: string | undefined): string[] {
  return line ? [...log, line].slice(-MAX_LOG_LINES) : [...log];
}
