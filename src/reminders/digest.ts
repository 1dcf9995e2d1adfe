/**
 * The channel digest (DESIGN §5), built from current state at send time: at most 15 items
 * (overdue · due soon · needs a date · waiting), "and N more", the changes since the last digest,
 * proposed items awaiting review, and owners who can only be reached here. Null means skip.
 */
import type { Commitment, LogEntry } from '../commitments/commitment.js';
import { GROUP_HEADING, groupForList, type ListGroup } from '../commitments/list-groups.js';
import { commitmentItem, commitmentLine } from '../replies/commitment-view.js';
import type { CardSection, Reply } from '../replies/reply.js';

export const DIGEST_LIMIT = 15;
const DIGEST_GROUPS: ListGroup[] = ['overdue', 'due-soon', 'needs-date', 'waiting'];

export interface DigestInput {
  channelName?: string;
  /** The channel's active commitments. */
  commitments: Commitment[];
  proposedCount: number;
  changes: LogEntry[];
  /** Owners of listed items with no working DM: the digest is where they hear about it. */
  unreachable: string[];
  now: Date;
}

export function buildDigest(input: DigestInput): Reply | null {
  const groups = groupForList(input.commitments, input.now).filter((g) => DIGEST_GROUPS.includes(g.group));
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
  if (input.proposedCount > 0) footer.push(`${input.proposedCount} proposed item${input.proposedCount === 1 ? '' : 's'} await review (\`list proposed\`).`);
  if (input.unreachable.length > 0) footer.push(`I can't reach ${input.unreachable.map((n) => `@${n}`).join(', ')} directly: please pass their items on.`);
  const title = `Commitments digest${input.channelName ? ` for #${input.channelName}` : ''}`;
  const text = [title, ...lines, ...footer].join('\n');
  return { visibility: 'channel', text, card: { title, sections, footer: footer.join('\n') || undefined, context: 'list:' } };
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
  return entry.action;
}
