/**
 * Where a pressed row is read on a message that groups its rows: a row marked done or dropped leaves
 * its section ("Overdue") at once for one that gathers closed rows ("Done (1)"; a list's own "Done or
 * dropped" when it has one), and goes back to the section it came from when it is reopened. The row
 * remembers that section (`CardItem.section`) so the counts still say where it moved from (tally.ts).
 * Pure.
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

/** The card with each closed row under the closed section and each reopened one back in its own; the same card when nothing moves. */
export function settleClosedRows(card: Card): Card {
  const leaving: CardItem[] = [];
  const returning: CardItem[] = [];
  const homes = new Set(card.sections.flatMap((s) => (s.group ? [s.group] : [])));
  const kept = card.sections.map((section) => {
    const shownIn = section.group;
    if (!shownIn || !section.items) return section;
    const items = section.items.filter((item) => {
      const home = item.section ?? shownIn;
      if (shownIn !== CLOSED_SECTION && isClosedGroup(item.group)) {
        leaving.push({ ...item, section: home });
        return false;
      }
      if (shownIn === CLOSED_SECTION && home !== CLOSED_SECTION && !isClosedGroup(item.group) && homes.has(home)) {
        returning.push(item);
        return false;
      }
      return true;
    });
    return items.length === section.items.length ? section : { ...section, items };
  });
  if (leaving.length === 0 && returning.length === 0) return card;
  let sections = kept.map((section) => {
    const back = returning.filter((item) => item.section === section.group && section.group !== CLOSED_SECTION);
    if (back.length === 0) return section;
    return { ...section, items: [...(section.items ?? []), ...back.map(atHome)] };
  });
  if (leaving.length > 0) {
    const at = sections.findIndex((s) => s.group === CLOSED_SECTION);
    const closed: CardSection = at >= 0 ? sections[at] : { heading: '', group: CLOSED_SECTION, count: 0, items: [] };
    const gathered = { ...closed, items: [...(closed.items ?? []), ...leaving] };
    sections = at >= 0 ? sections.map((s, i) => (i === at ? gathered : s)) : [...sections, gathered];
  }
  // A section made for pressed rows says what it holds now, and goes once it holds nothing.
  sections = sections.flatMap((s) => {
    if (!isMadeForPresses(s)) return [s];
    const items = s.items ?? [];
    return items.length === 0 ? [] : [{ ...s, heading: closedHeading(items.map((i) => i.group)) }];
  });
  return { ...card, sections };
}

/** A row back in the section that counted it: nothing left to remember. */
function atHome(item: CardItem): CardItem {
  const home = { ...item };
  delete home.section;
  return home;
}
