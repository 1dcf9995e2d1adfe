/**
 * The channel digest (DESIGN §5, issue 11 items 1 and 8), built from current state at send time.
 * Its first line names the day with a one-line summary ("Tue 30 Jan — 3 overdue · 2 due within 7 days ·
 * 1 needs a date"); then at most 15 items (overdue · due soon · needs a date · waiting, and once a
 * week also later · ongoing · no deadline, so nothing open is out of sight), "and N more", the
 * changes since the last digest, proposed items awaiting review, and owners reachable only here.
 * Null means skip.
 */
import type { ChannelKind } from '../ports/invocation.js';
import { thisPlace } from '../replies/place-words.js';
import type { Commitment, LogEntry } from '../commitments/commitment.js';
import { GROUP_HEADING, groupForList, todayIn, type ListGroup } from '../commitments/list-groups.js';
import { commitmentItem, commitmentLine } from '../replies/commitment-view.js';
import { formatCalendarDate } from '../replies/format-date.js';
import type { CardSection, Reply } from '../replies/reply.js';
import { tallyTitle, type CardTally } from '../replies/tally.js';

export const DIGEST_LIMIT = 15;
const DAILY_GROUPS: ListGroup[] = ['overdue', 'due-soon', 'needs-date', 'waiting'];
/** Listed in the first digest of each week: items with nothing due soon must still be seen. */
const WEEKLY_GROUPS: ListGroup[] = ['later', 'ongoing', 'no-deadline'];

export interface DigestInput {
  channelName?: string;
  /** Channel, group chat or direct chat: the word for it when it has no name to show. */
  channelKind?: ChannelKind;
  /** The channel's zone: the digest's day is the channel's day. */
  timeZone?: string;
  /** The channel's active commitments. */
  commitments: Commitment[];
  proposedCount: number;
  changes: LogEntry[];
  /** Owners of listed items with no working DM: the digest is where they hear about it. */
  unreachable: string[];
  /** The first digest of the week: also lists later, ongoing and undated items. */
  weekly?: boolean;
  now: Date;
}

export function buildDigest(input: DigestInput): Reply | null {
  const shownGroups = input.weekly ? [...DAILY_GROUPS, ...WEEKLY_GROUPS] : DAILY_GROUPS;
  const groups = groupForList(input.commitments, input.now).filter((g) => shownGroups.includes(g.group));
  const worthIt = groups.length > 0 || input.changes.length > 0;
  if (!worthIt) return null;
  let room = DIGEST_LIMIT;
  const sections: CardSection[] = [];
  const lines: string[] = [];
  for (const { group, items } of groups) {
    const shown = items.slice(0, Math.max(room, 0));
    room -= shown.length;
    if (shown.length === 0) continue;
    sections.push({
      heading: `${GROUP_HEADING[group]} (${items.length})`,
      group,
      count: items.length,
      items: shown.map((c) => ({ ...commitmentItem(c, input.now), group })),
    });
    lines.push(`${GROUP_HEADING[group]}:`, ...shown.map((c) => `  ${commitmentLine(c, input.now)}`));
  }
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const footer: string[] = [];
  if (total > DIGEST_LIMIT) footer.push(`and ${total - DIGEST_LIMIT} more — type \`list\` to see all.`);
  if (input.changes.length > 0) footer.push(`Changes since last digest: ${describeChanges(input.changes)}.`);
  if (input.proposedCount > 0)
    footer.push(`${input.proposedCount} proposed item${input.proposedCount === 1 ? '' : 's'} await review (\`list proposed\`).`);
  if (input.unreachable.length > 0)
    footer.push(`I can't reach ${input.unreachable.map((n) => `@${n}`).join(', ')} directly: please pass their items on.`);
  const day = formatCalendarDate(todayIn(input.timeZone ?? 'UTC', input.now));
  // "Tue 30 Jan — 3 overdue · 1 needs a date": counted again from the rows after a press (tally.ts).
  const tally: CardTally = {
    words: 'digest',
    lead: day,
    totals: groups.map((g) => ({ group: g.group, count: g.items.length })),
    otherwise: `${input.changes.length} change${input.changes.length === 1 ? '' : 's'}`,
  };
  const title = tallyTitle(tally);
  // A channel by its #name; else the word for what it is: "this channel" (a Teams channel its team's
  // list could not name), "this chat" (a group chat: a topic is no #channel), "this conversation"
  // (a 1:1, or a row whose kind is not known yet).
  const named = input.channelName && input.channelKind !== 'chat' ? `#${input.channelName}` : undefined;
  const subtitle = `Commitments digest for ${named ?? thisPlace(input.channelKind)}`;
  const text = [title, subtitle, ...lines, ...footer].join('\n');
  return {
    visibility: 'channel',
    text,
    card: { title, subtitle, sections, footer: footer.join('\n') || undefined, context: 'digest:', shared: true, tally },
  };
}

/** At most this many commitment ids in the changes line; the count before it stays exact. */
const CHANGE_IDS_SHOWN = 10;

/**
 * "6 (C-1, C-2, C-3, C-4, C-5, C-6 created by coordinator)", "3 (C-7, C-8 created by coordinator,
 * C-7 accepted by coordinator, C-8 rejected by coordinator)": one phrase per kind of change and who
 * made it, in the order they first happened, so a busy day reads as what was done, not as a list.
 * When the ids do not all fit, every kind of change is still said: the smaller ones whole, the
 * biggest cut short ("C-1, …, C-7 and 3 more created by …, C-7 done by sara"), so a day of adds
 * does not hide the one item that was done behind a "…".
 */
function describeChanges(changes: LogEntry[]): string {
  const groups = new Map<string, { words: string; actor: string; ids: string[] }>();
  for (const change of changes) {
    const words = changeWords(change);
    const key = `${words}|${change.actor.name}`;
    const group = groups.get(key) ?? { words, actor: change.actor.name, ids: [] };
    if (!group.ids.includes(change.commitmentId)) group.ids.push(change.commitmentId);
    groups.set(key, group);
  }
  const said = [...groups.values()].slice(0, CHANGE_IDS_SHOWN);
  const room = idsShownPerGroup(
    said.map((g) => g.ids.length),
    CHANGE_IDS_SHOWN,
  );
  const phrases = said.map((group, i) => {
    const more = group.ids.length - room[i];
    return `${group.ids.slice(0, room[i]).join(', ')}${more > 0 ? ` and ${more} more` : ''} ${group.words} by ${group.actor}`;
  });
  const unsaid = groups.size > said.length ? ', …' : '';
  return `${changes.length} (${phrases.join(', ')}${unsaid})`;
}

/** How many ids each group shows within `budget`: at least one each, the smallest groups filled first. */
function idsShownPerGroup(sizes: readonly number[], budget: number): number[] {
  const shown = sizes.map(() => 1);
  let left = budget - sizes.length;
  for (const i of sizes.map((_, i) => i).sort((a, b) => sizes[a] - sizes[b])) {
    const extra = Math.max(0, Math.min(sizes[i] - 1, left));
    shown[i] += extra;
    left -= extra;
  }
  return shown;
}

/** A log action as words a reader of the digest understands ("status set to blocked", not "status"). */
function changeWords(entry: LogEntry): string {
  const detail = (key: string) => (typeof entry.detail?.[key] === 'string' ? (entry.detail[key] as string) : undefined);
  if (entry.action === 'status') return detail('to') ? `status set to ${detail('to')}` : 'status changed';
  if (entry.action === 'edited') return detail('field') ? `${FIELD_WORDS[detail('field')!] ?? detail('field')} changed` : 'edited';
  // The event it waited on was confirmed, which gave it its due date.
  if (entry.action === 'event-confirmed') return 'dated (its event happened)';
  if (entry.action === 'reviewed') return detail('answer') === 'not-kept' ? 'reviewed (not kept)' : 'reviewed (still kept)';
  return entry.action;
}

const FIELD_WORDS: Record<string, string> = { due: 'due date', owner: 'owners', agreed: 'agreed date' };
