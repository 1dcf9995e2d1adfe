/**
 * The counts a card says in its title and headings ("Your commitments, Tue 1 Dec — 2 overdue · 1
 * review", "Overdue (2)"), kept as data on the card so that, after a press has changed some rows in
 * place, they can be said again from the rows the message now shows. A press reads only its own rows
 * (never the channel or the owner's other items), so the counts are worked out from how each shown
 * row moved: out of the group its section counts, into the group it is in now. Pure.
 */
import { cardText } from './card-text.js';
import type { Card, CardSection, Reply } from './reply.js';

/** Whose words the title counts in: an owner's message says "due soon", a digest "due within 7 days". */
export type TallyWords = 'owner' | 'digest';

export interface CardTally {
  words: TallyWords;
  /** The title before the counts: "Your commitments, Tue 1 Dec", "Tue 1 Dec". */
  lead: string;
  /** Every group the message counted when it was built, in its order, with how many it held (shown or not). */
  totals: { group: string; count: number }[];
  /** The title's second half when nothing is counted (a digest of changes only): "3 changes". */
  otherwise?: string;
}

/**
 * One row of a message: the group its section counts, the group it is in now (the same, until a
 * press moves it), and the group of the heading it is shown under when that is another (a done row
 * moved under "Done").
 */
export interface TalliedRow {
  section?: string;
  group?: string;
  shownIn?: string;
}

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Each group's words, in the order titles list them; closed rows ("1 done") come last. */
const COUNT_WORDS: Record<TallyWords | 'closed', Record<string, (count: number) => string>> = {
  owner: {
    overdue: (c) => `${c} overdue`,
    'due-soon': (c) => `${c} due soon`,
    'needs-date': (c) => n(c, 'needs a date', 'need a date'),
    waiting: (c) => `${c} waiting on an event`,
    reviews: (c) => n(c, 'review', 'reviews'),
    'coming-up': (c) => `${c} coming up`,
  },
  digest: {
    overdue: (c) => `${c} overdue`,
    // The group is "due within 7 days": on a Saturday that is mostly next week, not "this week".
    'due-soon': (c) => `${c} due within 7 days`,
    'needs-date': (c) => n(c, 'needs a date', 'need a date'),
    waiting: (c) => `${c} waiting on an event`,
    ongoing: (c) => `${c} ongoing`,
    later: (c) => `${c} later`,
    'no-deadline': (c) => `${c} with no deadline`,
  },
  closed: { done: (c) => `${c} done`, dropped: (c) => `${c} dropped` },
};

/** A row is still in its section's group; a list's "Done or dropped" section holds done and dropped rows alike. */
function stillIn(section: string, group: string | undefined): boolean {
  return group === undefined || group === section || (section === 'closed' && (group === 'done' || group === 'dropped'));
}

/** How many each group holds now: what it held, less the shown rows that left it, plus those that came into it. */
function countsNow(tally: Pick<CardTally, 'totals'>, rows: readonly TalliedRow[]): Map<string, number> {
  const counts = new Map(tally.totals.map((t) => [t.group, t.count]));
  for (const { section, group } of rows) {
    if (!section || !group || stillIn(section, group)) continue;
    counts.set(section, (counts.get(section) ?? 0) - 1);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return counts;
}

/** "Your commitments, Tue 1 Dec — 1 overdue · 5 need a date · 1 done", from the rows as shown. */
export function tallyTitle(tally: CardTally, rows: readonly TalliedRow[] = []): string {
  const counts = countsNow(tally, rows);
  const words = { ...COUNT_WORDS[tally.words], ...COUNT_WORDS.closed };
  const said = Object.entries(words).flatMap(([group, say]) => {
    const count = counts.get(group) ?? 0;
    return count > 0 ? [say(count)] : [];
  });
  const counted = said.join(' · ') || tally.otherwise;
  return counted ? `${tally.lead} — ${counted}` : tally.lead;
}

/**
 * How many of a section's group are in it now: its count when built, less its rows that moved out,
 * plus the rows shown under it that moved in (a done row moved under "Done").
 */
export function sectionCount(count: number, group: string, rows: readonly TalliedRow[]): number {
  const left = rows.filter((r) => r.section === group && !stillIn(group, r.group)).length;
  const arrived = rows.filter((r) => r.shownIn === group && r.section !== group && stillIn(group, r.group)).length;
  return count - left + arrived;
}

/** A heading's count said again: "Overdue (2)" → "Overdue (1)"; a heading with no count stays as it is. */
export function recountHeading(heading: string, count: number): string {
  return heading.replace(/\(\d+\)(\**)$/, `(${count})$1`);
}

/** The rows of a card with the group each section counts and each row is in now. */
function rowsOf(sections: readonly CardSection[]): TalliedRow[] {
  return sections.flatMap((s) =>
    (s.items ?? []).map((item) => ({ section: item.section ?? s.group, group: item.group ?? s.group, shownIn: s.group })),
  );
}

/**
 * A card (and its plain text, said again from the card) whose rows a press has patched, with its
 * title and headings counting those rows as they are now. A card built without a tally keeps its title; headings recount wherever
 * their section knows its group and count.
 */
export function retallied(reply: Reply): Reply {
  const card = reply.card;
  if (!card) return reply;
  const rows = rowsOf(card.sections);
  const sections = card.sections.map((s) =>
    s.group && s.count !== undefined && s.heading ? { ...s, heading: recountHeading(s.heading, sectionCount(s.count, s.group, rows)) } : s,
  );
  const title = card.tally ? tallyTitle(card.tally, rows) : card.title;
  const patched: Card = { ...card, title, sections };
  // The plain text (notifications, previews, screen readers) says what the card now shows: the
  // counts and the patched rows, not the lines the message was sent with.
  return { ...reply, text: cardText(patched), card: patched };
}
