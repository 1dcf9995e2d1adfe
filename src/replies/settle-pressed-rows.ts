/**
 * Where a pressed row is read on a message that groups its rows under headings ("Overdue (2)",
 * "Ongoing (1)"): under the heading of the group it is in now. One rule (`pressedRowMoves`) for every
 * representation of such a message (the core's Card here, Slack's blocks in
 * adapters/slack/settle-pressed-blocks.ts); each side only reads and rebuilds its own.
 *
 * - A row marked done or dropped leaves its section at once for the one that gathers closed rows
 *   ("Done (1)", made after the last section when the message has none; a list's own "Done or
 *   dropped" when it has one).
 * - A row whose group changed to another open group with a heading in the message ("It's ongoing" on
 *   an overdue row, a date picked for one that needed a date) goes to the end of that section.
 * - A reopened row whose group has no heading in the message goes back to the section it came from;
 *   any other row whose group has no heading stays where it is (counted out of its section).
 *
 * A moved row remembers the section that counted it when its message was sent (`CardItem.section`),
 * so the counts still say where it moved from (tally.ts); back in that section it forgets it. Pure.
 */
import type { Card, CardItem, CardSection } from './reply.js';

/** The group of the sections that hold done and dropped rows. */
export const CLOSED_SECTION = 'closed';

export function isClosedGroup(group: string | undefined): boolean {
  return group === 'done' || group === 'dropped';
}

/** The heading of a section made for rows closed by presses, naming what it holds: "Done (2)", "Dropped (1)", "Done or dropped (3)". */
export function closedHeading(groups: readonly (string | undefined)[]): string {
  const done = groups.filter((g) => g === 'done').length;
  const words = done === groups.length ? 'Done' : done === 0 ? 'Dropped' : 'Done or dropped';
  return `${words} (${groups.length})`;
}

/** A section made for rows closed by presses (a built one counts what it held: at least one). */
export function isMadeForPresses(section: Pick<CardSection, 'group' | 'count'>): boolean {
  return section.group === CLOSED_SECTION && section.count === 0;
}

/** A row as the rule reads it: the group it is in now, and the section that counted it once a press moved it. */
export interface PlacedRow {
  group?: string;
  section?: string;
}

/** One heading's section as a message shows it: the group the heading counts (none: not a counted section) and its rows in order. */
export interface ShownSection<R> {
  group?: string;
  rows: readonly R[];
}

/** A closed section the message has no heading for, to be made after its last section. */
export const MADE_SECTION = -1;

/** A row that goes under another heading. */
export interface RowMove<R> {
  row: R;
  /** Where it is shown now: the index of its section, and its place among that section's rows. */
  from: number;
  at: number;
  /** The index of the section it goes to the end of, or MADE_SECTION. */
  to: number;
  /** The section that counted it, for it to remember (undefined: it is back there). */
  section?: string;
}

/**
 * The rows that go under another heading, in the order they are shown (each goes to the end of its
 * new section, after the rows already there, in this order); none when every row is where it belongs.
 */
export function pressedRowMoves<R extends PlacedRow>(sections: readonly ShownSection<R>[]): RowMove<R>[] {
  const sectionOf = (group: string) => sections.findIndex((s) => s.group === group);
  const moves: RowMove<R>[] = [];
  for (const [from, { group: shownIn, rows }] of sections.entries()) {
    if (!shownIn) continue;
    for (const [at, row] of rows.entries()) {
      const home = row.section ?? shownIn;
      const to = destination(row.group, shownIn, home, sectionOf);
      if (to === undefined || to === from) continue;
      const group = to === MADE_SECTION ? CLOSED_SECTION : sections[to].group;
      moves.push({ row, from, at, to, section: group === home ? undefined : home });
    }
  }
  return moves;
}

/** The index of the section a row shown under `shownIn` goes to, MADE_SECTION, or undefined when it stays. */
function destination(group: string | undefined, shownIn: string, home: string, sectionOf: (group: string) => number): number | undefined {
  if (isClosedGroup(group)) {
    if (shownIn === CLOSED_SECTION) return undefined;
    const closed = sectionOf(CLOSED_SECTION);
    return closed >= 0 ? closed : MADE_SECTION;
  }
  // Another open group with a heading here: under that heading.
  if (group !== undefined && group !== shownIn && group !== CLOSED_SECTION && sectionOf(group) >= 0) return sectionOf(group);
  // Reopened, with no heading for its group now: back where it came from.
  if (shownIn === CLOSED_SECTION && home !== CLOSED_SECTION && sectionOf(home) >= 0) return sectionOf(home);
  // No heading for its group: it stays, counted out of its section (tally.ts).
  return undefined;
}

/** The card with each pressed row under the heading of its group now (see above); the same card when nothing moves. */
export function settlePressedRows(card: Card): Card {
  const moves = pressedRowMoves(card.sections.map((s) => ({ group: s.group, rows: s.items ?? [] })));
  if (moves.length === 0) return card;
  const leaving = new Set(moves.map((m) => `${m.from}:${m.at}`));
  const arriving = (to: number) => moves.filter((m) => m.to === to).map((m) => remembering(m.row, m.section));
  let sections = card.sections.map((section, i) => {
    const came = arriving(i);
    const stayed = (section.items ?? []).filter((_, at) => !leaving.has(`${i}:${at}`));
    if (came.length === 0 && stayed.length === (section.items ?? []).length) return section;
    return { ...section, items: [...stayed, ...came] };
  });
  const made = arriving(MADE_SECTION);
  if (made.length > 0) sections.push({ heading: '', group: CLOSED_SECTION, count: 0, items: made });
  // A section made for pressed rows says what it holds now, and goes once it holds nothing.
  sections = sections.flatMap((s) => {
    if (!isMadeForPresses(s)) return [s];
    const items = s.items ?? [];
    return items.length === 0 ? [] : [{ ...s, heading: closedHeading(items.map((i) => i.group)) }];
  });
  return { ...card, sections };
}

/** The row remembering the section that counted it (`undefined`: it is back there, nothing to remember). */
function remembering(item: CardItem, section: string | undefined): CardItem {
  const moved = { ...item, section };
  if (section === undefined) delete moved.section;
  return moved;
}
