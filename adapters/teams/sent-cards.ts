/**
 * The replies behind the last cards the bot posted in a conversation, by activity id. A Teams card
 * press (`Action.Execute`) does not send the card back, so to update only the pressed row of a
 * digest — and leave the rest of it as it was — the bot keeps what it sent, in the conversation's
 * (or, for a 1:1 nudge, the user's) adapter-owned `platformData`. Only the last few are kept; an
 * older card is still pressable, it just cannot be patched (the press is then answered privately).
 * Every write of a place's `platformData` goes through one queue per place (`serialisedOn`): two
 * presses on one card arriving together patch one after the other, and both rows stay patched.
 */
import type { Reply } from '../../src/replies/reply.js';
import type { Store } from '../../src/store/store.js';
import { KeyedQueue } from './keyed-queue.js';

/** Cards remembered per conversation: a digest a day plus the answers around it. */
export const SENT_CARDS_KEPT = 12;

export interface SentCard {
  activityId: string;
  reply: Reply;
  /** "✅ Sara marked C-1 done" lines shown under the card, oldest first. */
  log?: string[];
}

export interface SentCardsData {
  sentCards?: SentCard[];
}

/** Where a card was posted: a channel or chat by its address, or a user's 1:1 by their AAD id. */
export type SentWhere = { tenantId: string; address: string } | { tenantId: string; userId: string };

/** One queue for every write of this adapter's `platformData` (cards, references): see KeyedQueue. */
const platformDataWrites = new KeyedQueue();

export function whereKey(where: SentWhere): string {
  return 'address' in where ? `${where.tenantId}|${where.address}` : `${where.tenantId}|user:${where.userId}`;
}

/** Runs `work` as the only writer of these places' `platformData` until it is done. */
export function serialisedOn<T>(places: readonly SentWhere[], work: () => Promise<T>): Promise<T> {
  return platformDataWrites.runAll(places.map(whereKey), work);
}

/** Keeps a posted card (in turn with every other write of that place's `platformData`). */
export function rememberSentCard(store: Store, where: SentWhere, activityId: string, reply: Reply, log?: string[]): Promise<void> {
  return serialisedOn([where], () => keepSentCard(store, where, activityId, reply, log));
}

/** Keeps a posted card; the caller already holds `where` (inside `serialisedOn`). */
export async function keepSentCard(store: Store, where: SentWhere, activityId: string, reply: Reply, log?: string[]): Promise<void> {
  if (!reply.card || !activityId) return;
  const keep = (data: SentCardsData | undefined): SentCard[] =>
    [...(data?.sentCards ?? []).filter((s) => s.activityId !== activityId), { activityId, reply, ...(log?.length ? { log } : {}) }].slice(
      -SENT_CARDS_KEPT,
    );
  if ('address' in where) {
    const channel = await store.channels.get(where.tenantId, where.address);
    if (!channel) return;
    const data = (channel.platformData ?? {}) as SentCardsData;
    await store.channels.upsert({ workspaceId: where.tenantId, address: where.address, platformData: { ...data, sentCards: keep(data) } });
    return;
  }
  const user = await store.users.get(where.tenantId, where.userId);
  if (!user) return;
  const data = (user.platformData ?? {}) as SentCardsData;
  await store.users.upsert({ workspaceId: where.tenantId, id: where.userId, platformData: { ...data, sentCards: keep(data) } });
}

/** The reply behind a posted card (and its log), looked up where it may have been kept, and where it was. */
export async function sentCard(
  store: Store,
  places: SentWhere[],
  activityId: string,
): Promise<{ sent: SentCard; where: SentWhere } | undefined> {
  for (const where of places) {
    const record =
      'address' in where ? await store.channels.get(where.tenantId, where.address) : await store.users.get(where.tenantId, where.userId);
    const sent = ((record?.platformData ?? {}) as SentCardsData).sentCards?.find((s) => s.activityId === activityId);
    if (sent) return { sent, where };
  }
  return undefined;
}
