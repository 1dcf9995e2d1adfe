/**
 * Where a pressed row is read on a message that groups its rows under headings ("Overdue (2)",
 * "Ongoing (1)"): under the heading of the group it is in now. One rule (`pressedRowMoves`) for every
 * representation of such a message (the core's Card here, Slack's blocks in
 * adapters/slack/settle-pressed-blocks.ts); each side only reads and rebuilds its own.
 *
 * - A row marked done or dropped leaves its section at once for the one that gathers closed rows
 *   ("Done (1)", made after the last section when the message has none; a list's own "Done or
 *   dropped" when it has one).
 * - A row whose group changed to another open group ("It's ongoing" on an overdue row, a date picked
 *   for one that needed a date, a row reopened) goes to the end of that group's section. When the
 *   message has no heading for that group, one is made where the whole message would show it: before
 *   the first shown section of a later group in the message's usual order (an owner's message:
 *   OWNER_GROUPS; a digest or list: GROUP_HEADING), or before the closed one, else after the last
 *   (a reopened row's "Overdue" heads the message again). It is in the words the whole message would
 *   use ("Reviews (1)", "Due within 7 days (1)") and counts the group as the other headings count
 *   theirs. Only a group the message has no words for (none today) leaves its row where it is,
 *   counted out of its section.
 * - A section that shows no row and counts none any more goes, its heading with it (neither renderer
 *   draws a divider between sections, so nothing else is left behind): nobody reads "Needs a date (0)"
 *   over nothing. A heading over no rows that still counts some (rows the message had no room for,
 *   or on another page of a long list) stays: it says where they are. Rows never leave the message,
 *   so the section the pressed row went to always remains: a message is never left with no section.
 *
 * A moved row remembers the section that counted it when its message was sent (`CardItem.section`),
 * so the counts still say where it moved from (tally.ts); back in that section it forgets it. Pure.
 */
import { groupHeading, groupRank } from './group-heading.js';
import type { Card, CardItem, CardSection } from './reply.js';
import { type CardTally, sectionCount, type TalliedRow } from './tally.js';

/** The group of the sections that hold done and dropped rows. */
export const CLOSED_SECTION = 'closed';

export function isClosedGroup(group: string | undefined): boolean {
  return group === 'done' || group === 'dropped';
}

/** The heading of a section made for rows closed by presses, naming what it holds: "Done (2)", "Dropped (1)", "Done or dropped (3)". */
export function closedHeading(groups: readonly (string | undefined)[], count = groups.length): string {
  const done = groups.filter((g) => g === 'done').length;
  const words = done === groups.length ? 'Done' : done === 0 ? 'Dropped' : 'Done or dropped';
  return `${words} (${count})`;
}

/**
 * A closed section made for rows closed by presses, whose heading names what it holds. Marked as made
 * (`made`); one made before that mark existed counted nothing when made (a built one counts at least one).
 */
export function isMadeForPresses(section: Pick<CardSection, 'group' | 'count' | 'made'>): boolean {
  return section.group === CLOSED_SECTION && (section.made === true || section.count === 0);
}

/** A row as the rule reads it: the group it is in now, and the section that counted it once a press moved it. */
export interface PlacedRow {
  group?: string;
  section?: string;
}

/** One heading's section as a message shows it: the group the heading counts (none: not a counted section), its count, its rows in order. */
export interface ShownSection<R> {
  group?: string;
  /** How many of its group the heading counted when the message was built (shown or not). */
  count?: number;
  /** Made after the message was sent, for rows presses moved there (`isMadeForPresses`). */
  made?: boolean;
  rows: readonly R[];
}

/** A section the message has no heading for, to be made for rows that go to it. */
export interface MadeSection {
  group: string;
  /** What its group held when the message was built (shown or not), as a built heading's count says. */
  count: number;
  /** Its heading's words and count now: "Reviews (1)", "Done (1)". */
  heading: string;
  /** The index of the shown section it goes just before (a later group's, or the closed one); undefined: after the last section. */
  before?: number;
}

/** A row that goes under another heading. */
export interface RowMove<R> {
  row: R;
  /** Where it is shown now: the index of its section, and its place among that section's rows. */
  from: number;
  at: number;
  /** The section it goes to the end of: a shown one's index, or `sections.length + k` for `made[k]`. */
  to: number;
  /** The section that counted it, for it to remember (undefined: it is back there). */
  section?: string;
}

/** What a message's headings and rows become: apply the moves, make the sections, drop the emptied, rename. */
export interface SettlePlan<R> {
  /** The rows that go under another heading, in the order they are shown (each to the end of its new section, in this order). */
  moves: RowMove<R>[];
  /** The sections to make, in the order they are shown: open groups in the message's usual order, then the closed one. */
  made: MadeSection[];
  /** The shown sections that go (they show no row and count none). */
  emptied: number[];
  /** Shown sections made for presses whose rows changed, with their heading now ("Done or dropped (2)"). */
  renamed: { at: number; heading: string }[];
}

/**
 * The rule: which rows go under another heading, which sections are made and which go; nothing when
 * every row is where it belongs. `tally` (the message's, when it has one) names the words of a made
 * heading and what its group held. `makeSections: false` is the plan for a message with no room for
 * another heading: rows still move between the headings it has.
 */
export function pressedRowMoves<R extends PlacedRow>(
  sections: readonly ShownSection<R>[],
  tally?: Pick<CardTally, 'words' | 'totals'>,
  { makeSections = true }: { makeSections?: boolean } = {},
): SettlePlan<R> {
  const shownAt = (group: string) => sections.findIndex((s) => s.group === group);
  const wanted: { row: R; from: number; at: number; group: string; section?: string }[] = [];
  for (const [from, { group: shownIn, rows }] of sections.entries()) {
    if (!shownIn) continue;
    for (const [at, row] of rows.entries()) {
      const group = destination(row.group, shownIn);
      if (group === undefined || shownAt(group) === from) continue;
      // With no room for one more heading (`makeSections: false`), a row whose group has none stays, counted out.
      if (shownAt(group) < 0 && (!makeSections || (group !== CLOSED_SECTION && !groupHeading(tally?.words, group)))) continue;
      const home = row.section ?? shownIn;
      wanted.push({ row, from, at, group, section: group === home ? undefined : home });
    }
  }
  // Open groups' sections in the message's own order ("Overdue" before "Reviews"), then the closed one last.
  const rank = (group: string) => (group === CLOSED_SECTION ? Number.MAX_SAFE_INTEGER : groupRank(tally?.words, group));
  const madeGroups = [...new Set(wanted.map((w) => w.group).filter((g) => shownAt(g) < 0))].sort((a, b) => rank(a) - rank(b));
  const moves = wanted.map(({ group, ...move }) => ({
    ...move,
    to: shownAt(group) >= 0 ? shownAt(group) : sections.length + madeGroups.indexOf(group),
  }));

  // The rows of every section once moved (shown ones, then made ones), to count them as the message will.
  const groups = [...sections.map((s) => s.group), ...madeGroups];
  const leaving = new Set(moves.map((m) => `${m.from}:${m.at}`));
  const placed = groups.map((_, i) => [
    ...(sections[i]?.rows ?? []).filter((_, at) => !leaving.has(`${i}:${at}`)),
    ...moves.filter((m) => m.to === i).map((m) => ({ ...m.row, section: m.section })),
  ]);
  const tallied: TalliedRow[] = placed.flatMap((rows, i) =>
    rows.map((r) => ({ section: r.section ?? groups[i], group: r.group ?? groups[i], shownIn: groups[i] })),
  );
  // A made section's count is what its group held when the message was built: the tally's, or (a list,
  // which has none) the rows that left its group's heading, as that heading counted them.
  const builtCount = (group: string) =>
    tally
      ? (tally.totals.find((t) => t.group === group)?.count ?? 0)
      : sections.flatMap((s) => s.rows).filter((r) => r.section === group).length;
  // (A shown heading with no count says none: it counts the rows it shows.)
  const counts = groups.map((group, i) => {
    if (group === undefined) return 0;
    const built = i < sections.length ? sections[i].count : builtCount(group);
    return built === undefined ? placed[i].length : sectionCount(built, group, tallied);
  });
  const wordsFor = (i: number) =>
    groups[i] === CLOSED_SECTION
      ? closedHeading(
          placed[i].map((r) => r.group),
          counts[i],
        )
      : `${groupHeading(tally?.words, groups[i]!)} (${counts[i]})`;

  // A made open section goes where the full message would have shown it: before the first shown section
  // of a later group (or the closed one); a made closed section after the last.
  const placeOf = (group: string) => {
    if (group === CLOSED_SECTION) return undefined;
    const at = sections.findIndex(
      (s) => s.group === CLOSED_SECTION || (s.group !== undefined && groupRank(tally?.words, s.group) > rank(group)),
    );
    return at >= 0 ? at : undefined;
  };
  const made = madeGroups.map((group, k) => {
    const before = placeOf(group);
    return { group, count: builtCount(group), heading: wordsFor(sections.length + k), ...(before !== undefined ? { before } : {}) };
  });
  const emptied = sections.flatMap((s, i) => (s.group !== undefined && placed[i].length === 0 && counts[i] === 0 ? [i] : []));
  const changed = (i: number) => moves.some((m) => m.from === i || m.to === i);
  const renamed = sections.flatMap((s, i) =>
    isMadeForPresses(s) && changed(i) && !emptied.includes(i) ? [{ at: i, heading: wordsFor(i) }] : [],
  );
  return { moves, made, emptied, renamed };
}

/** The group whose section a row shown under `shownIn` belongs in, or undefined when it stays. */
function destination(group: string | undefined, shownIn: string): string | undefined {
  if (isClosedGroup(group)) return shownIn === CLOSED_SECTION ? undefined : CLOSED_SECTION;
  if (group === undefined || group === shownIn || group === CLOSED_SECTION) return undefined;
  return group;
}

/** The card with each pressed row under the heading of its group now (see above); the same card when nothing changes. */
export function settlePressedRows(card: Card): Card {
  const shown = card.sections.map((s) => ({ group: s.group, count: s.count, made: isMadeForPresses(s), rows: s.items ?? [] }));
  const plan = pressedRowMoves(shown, card.tally);
  if (plan.moves.length === 0 && plan.emptied.length === 0) return card;
  const leaving = new Set(plan.moves.map((m) => `${m.from}:${m.at}`));
  const arriving = (to: number) => plan.moves.filter((m) => m.to === to).map((m) => remembering(m.row, m.section));
  const renamed = new Map(plan.renamed.map((r) => [r.at, r.heading]));
  const settled = (section: CardSection, i: number): CardSection => {
    // An emptied section loses its heading; anything else it held (none today) stays.
    if (plan.emptied.includes(i)) return { ...section, heading: undefined, items: [] };
    const came = arriving(i);
    const stayed = (section.items ?? []).filter((_, at) => !leaving.has(`${i}:${at}`));
    if (came.length === 0 && stayed.length === (section.items ?? []).length) return section;
    return { ...section, ...(renamed.has(i) ? { heading: renamed.get(i) } : {}), items: [...stayed, ...came] };
  };
  const made = plan.made.map((m, k) => {
    const section: CardSection = {
      heading: m.heading,
      group: m.group,
      count: m.count,
      made: true,
      items: arriving(card.sections.length + k),
    };
    return { before: m.before, section };
  });
  const madeBefore = (i: number | undefined) => made.filter((m) => m.before === i).map((m) => m.section);
  const sections = [...card.sections.flatMap((s, i) => [...madeBefore(i), settled(s, i)]), ...madeBefore(undefined)];
  return { ...card, sections: sections.filter((s) => s.heading || s.text || s.fields?.length || s.items?.length) };
}

/** The row remembering the section that counted it (`undefined`: it is back there, nothing to remember). */
function remembering(item: CardItem, section: string | undefined): CardItem {
  const moved = { ...item, section };
  if (section === undefined) delete moved.section;
  return moved;
}
