/**
 * What a list is made of. Notes and minutes list either deeds ("- Send the draft to legal",
 * "- Ana to book the room") or topics ("- Budget", "- Roads update", "- Hiring"). One item says
 * little; its siblings say which kind of list it sits in, and so how far its own shape can be trusted.
 */
import { isBaseVerb } from './split-coordinated.js';

export type ListShape = 'deeds' | 'topics';

// "Ana to book the room", "@dana will send …", "JL: to resubmit": a named doer, then the deed.
const NAMED_DEED = /^(?:[A-Z][\w.'’-]*(?:\s+(?:and|&)\s+[A-Z][\w.'’-]*)?|@?[a-z][\w.-]{1,20})\s*:?\s+(?:to|will|shall|should|must)\s+[a-z]/;
// "Send the draft", "follow up with …": a verb leads, and something follows it ("Budget" alone is a topic).
const VERB_LED = /^([A-Za-z]+)\s+\S/;

/** Whether a list item's text reads as a deed rather than a topic. */
export function isDeedItem(text: string): boolean {
  const line = text.trim();
  if (NAMED_DEED.test(line)) return true;
  const verb = VERB_LED.exec(line)?.[1];
  return verb !== undefined && isBaseVerb(verb.toLowerCase());
}

export interface ListedLine {
  text: string;
  listItem: boolean;
  parent?: number;
  section: string;
}

// A shape is told from three items or more; it is "deeds" when half of them are, "topics" when hardly any are.
const MIN_ITEMS = 3;
const DEEDS_SHARE = 0.5;
const TOPICS_SHARE = 0.15;

/** Each list item's list shape, by line index (none for a short or mixed list): items are grouped by the line they hang under and their heading. */
export function listShapes(lines: ListedLine[]): Map<number, ListShape> {
  const groups = new Map<string, number[]>();
  lines.forEach((line, index) => {
    if (!line.listItem) return;
    const key = `${line.parent ?? '-'}|${line.section}`;
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  const shapes = new Map<number, ListShape>();
  for (const members of groups.values()) {
    if (members.length < MIN_ITEMS) continue;
    const share = members.filter((i) => isDeedItem(lines[i].text)).length / members.length;
    // (A list in between says nothing either way.)
    const shape: ListShape | undefined = share >= DEEDS_SHARE ? 'deeds' : share <= TOPICS_SHARE ? 'topics' : undefined;
    if (shape) for (const i of members) shapes.set(i, shape);
  }
  return shapes;
}
