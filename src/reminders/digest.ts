/**
 * The channel digest (DESIGN §5, issue 11 items 1 and 8), built from current state at send time.
 * Its first line names the day with a one-line summary ("Tue 30 Jan — 3 overdue · 2 due this week ·
 * 1 needs a date"); then at most 15 items (overdue · due soon · needs a date · waiting, and once a
 * week also later · ongoing · no deadline, so nothing open is out of sight), "and N more", the
 * changes since the last digest, proposed items awaiting review, and owners reachable only here.
 * Null means skip.
 */
import type { Commitment, LogEntry } from '../commitments/commitment.js';
import { GROUP_HEADING, groupForList, todayIn, type ListGroup } from '../commitments/list-groups.js';
import { commitmentItem, commitmentLine } from '../replies/commitment-view.js';
import { formatCalendarDate } from '../replies/format-date.js';
import type { CardSection, Reply } from '../replies/reply.js';

export const DIGEST_LIMIT = 15;
const DAILY_GROUPS: ListGroup[] = ['overdue', 'due-soon', 'needs-date', 'waiting'];
/** Listed in the first digest of each week: items with nothing due soon must still be seen. */
const WEEKLY_GROUPS: ListGroup[] = ['later', 'ongoing', 'no-deadline'];

const SUMMARY_WORDS: Partial<Record<ListGroup, (n: number) => string>> = {
  overdue: (n) => `${n} overdue`,
  'due-soon': (n) => `${n} due this week`,
  'needs-date': (n) => `${n} need${n === 1 ? 's' : ''} a date`,
  waiting: (n) => `${n} waiting on an event`,
  later: (n) => `${n} later`,
  ongoing: (n) => `${n} ongoing`,
  'no-deadline': (n) => `${n} with no deadline`,
};

export interface DigestInput {
  channelName?: string;
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
    sections.push({ heading: `${GROUP_HEADING[group]} (${items.length})`, items: shown.map((c) => commitmentItem(c, input.now)) });
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
  const summary =
    groups
      .map((g) => SUMMARY_WORDS[g.group]?.(g.items.length))
      .filter(Boolean)
      .join(' · ') || `${input.changes.length} change${input.changes.length === 1 ? '' : 's'}`;
  const title = `${day} — ${summary}`;
  // A channel whose name the platform never told us (a Teams channel list that could not be read).
  const subtitle = `Commitments digest for ${input.channelName ? `#${input.channelName}` : 'this channel'}`;
  const text = [title, subtitle, ...lines, ...footer].join('\n');
  return {
    visibility: 'channel',
    text,
    card: { title, subtitle, sections, footer: footer.join('\n') || undefined, context: 'digest:', shared: true },
  };
}

/** "3 (C-1 done by alice, C-2 snoozed by bob, C-4 created by carol)". */
function describeChanges(changes: LogEntry[]): string {
  const shown = changes.slice(-5).map((c) => `${c.commitmentId} ${changeWords(c)} by ${c.actor.name}`);
  return `${changes.length} (${shown.join(', ')}${changes.length > shown.length ? ', …' : ''})`;
}

/** A log action as words a reader of the digest understands ("status set to blocked", not "status"). */
function changeWords(entry: LogEntry): string {
  const detail = (key: string) => (typeof entry.detail?.[key] === 'string' ? (entry.detail[key] as string) : undefined);
  if (entry.action === 'status') return detail('to') ? `status set to ${detail('to')}` : 'status changed';
  if (entry.action === 'edited') return detail('field') ? `edited (${detail('field')})` : 'edited';
  if (entry.action === 'event-confirmed') return 'dated by an event';
  if (entry.action === 'reviewed') return detail('answer') === 'not-kept' ? 'reviewed: not kept' : 'reviewed: still kept';
  return entry.action;
}
