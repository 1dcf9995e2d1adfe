/**
 * The words a message's heading gives a group, as the message itself would when built: "Due soon" on
 * an owner's daily message, "Due within 7 days" on a digest or a list (which words: the message's
 * tally; a list has none and speaks as a digest). Undefined for a group such a message never heads.
 */
import { GROUP_HEADING, LIST_GROUPS } from '../commitments/list-groups.js';
import { OWNER_GROUP_HEADING, OWNER_GROUPS } from '../reminders/owner-groups.js';
import type { TallyWords } from './tally.js';

export function groupHeading(words: TallyWords | undefined, group: string): string | undefined {
  const table: Record<string, string> = words === 'owner' ? OWNER_GROUP_HEADING : GROUP_HEADING;
  return Object.hasOwn(table, group) ? table[group] : undefined;
}

/** Where such a message shows a group among its sections (the order it is built in); -1 for one it never heads. */
export function groupRank(words: TallyWords | undefined, group: string | undefined): number {
  const order: readonly string[] = words === 'owner' ? OWNER_GROUPS : LIST_GROUPS;
  return group === undefined ? -1 : order.indexOf(group);
}
