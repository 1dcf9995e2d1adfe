/**
 * Reads what a channel's digest needs from the store and builds it (send time, a dry run, or a
 * press on a digest that rebuilds it). The first digest of an ISO week lists everything open.
 */
import { DateTime } from 'luxon';
import { ACTIVE_STATUSES } from '../commitments/commitment.js';
import type { Reply } from '../replies/reply.js';
import type { Store } from '../store/store.js';
import { buildDigest } from './digest.js';

const DAY_MS = 86_400_000;

export interface DigestOptions {
  /** The slot being sent (`2024-03-15T09:00`, channel-local); defaults to now. */
  slot?: string;
  /** Start of "changes since"; defaults to the last digest sent, else a day before. */
  dueAt?: Date;
  /** Force the weekly (everything open) form; by default it is the first digest sent in the slot's ISO week. */
  weekly?: boolean;
}

export async function digestFor(
  store: Store,
  workspaceId: string,
  address: string,
  now: Date,
  options: DigestOptions = {},
): Promise<Reply | null> {
  const channel = await store.channels.get(workspaceId, address);
  if (!channel) return null;
  const commitments = await store.commitments.list(workspaceId, { channel: address, statuses: ACTIVE_STATUSES });
  const proposed = await store.commitments.list(workspaceId, { channel: address, statuses: ['proposed'] });
  const last = await store.outbox.lastSent(workspaceId, address, 'digest');
  const since = last?.finishedAt ?? new Date((options.dueAt ?? now).getTime() - DAY_MS).toISOString();
  const changes = await store.reminders.changesSince(workspaceId, address, since);
  const unreachable = new Set<string>();
  for (const c of commitments) {
    for (const owner of c.owners) {
      const user = await store.users.get(c.workspaceId, owner.id);
      if (!user?.dmAddress || (await store.reminders.dmInactive(c.workspaceId, owner.id))) unreachable.add(owner.name);
    }
  }
  const thisSlot = options.slot ?? DateTime.fromJSDate(now, { zone: channel.timeZone }).toISODate()!;
  const weekly = options.weekly ?? (!last || isoWeek(last.slot) !== isoWeek(thisSlot));
  return buildDigest({
    channelName: channel.name,
    channelKind: channel.kind,
    timeZone: channel.timeZone,
    commitments,
    proposedCount: proposed.length,
    changes,
    unreachable: [...unreachable],
    weekly,
    now,
  });
}

function isoWeek(slot: string): string {
  const day = DateTime.fromISO(slot.slice(0, 10), { zone: 'utc' });
  return `${day.weekYear}-W${day.weekNumber}`;
}
