/**
 * The replies behind the last cards the bot posted in a conversation, by activity id. A Teams card
 * press (`Action.Execute`) does not send the card back, so to update only the pressed row of a
 * digest — and leave the rest of it as it was — the bot keeps what it sent, in the conversation's
 * (or, for a 1:1 nudge, the user's) adapter-owned `platformData`. Only the last few are kept; an
 * older card is still pressable, it just cannot be patched (the press is then answered privately).
 *
 * Several instances may share the database, so every change of a place's data is made with the
 * store's `updatePlatformData` (the row locked while it is read and rewritten): two presses on one
 * card reaching two instances each patch the card as the other left it, and a card remembered on one
 * instance survives a write of the same place on another. Within one process the writes also take
 * turns in a queue per place (`serialisedOn`), so they do not wait on each other's row locks.
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

/** One queue for every write of this adapter's `platformData` in this process (cards, references): see KeyedQueue. */
const platformDataWrites = new KeyedQueue();

export function whereKey(where: SentWhere): string {
  return 'address' in where ? `${where.tenantId}|${where.address}` : `${where.tenantId}|user:${where.userId}`;
}

/** Runs `work` as this process's only writer of these places' `platformData` until it is done. */
export function serialisedOn<T>(places: readonly SentWhere[], work: () => Promise<T>): Promise<T> {
  return platformDataWrites.runAll(places.map(whereKey), work);
}

/**
 * Changes a place's `platformData` atomically, across processes (see Store `updatePlatformData`);
 * `change` must be pure. Resolves false when the place is not stored (nothing written).
 */
export async function updatePlaceData<T extends object>(store: Store, where: SentWhere, change: (current: T) => T): Promise<boolean> {
  const apply = (current: unknown) => change((current ?? {}) as T);
  const written =
    'address' in where
      ? await store.channels.updatePlatformData(where.tenantId, where.address, apply)
      : await store.users.updatePlatformData(where.tenantId, where.userId, apply);
  return written !== null;
}

/** Keeps a posted card (in turn with every other write of that place's `platformData` in this process). */
export function rememberSentCard(store: Store, where: SentWhere, activityId: string, reply: Reply, log?: string[]): Promise<void> {
  return serialisedOn([where], () => keepSentCard(store, where, activityId, reply, log));
}

/** Keeps a posted card, replacing what was kept under its id; the caller already holds `where` (inside `serialisedOn`). */
export async function keepSentCard(store: Store, where: SentWhere, activityId: string, reply: Reply, log?: string[]): Promise<void> {
  if (!reply.card || !activityId) return;
  await updatePlaceData<SentCardsData>(store, where, (data) => withCard(data, { activityId, reply, ...(log?.length ? { log } : {}) }));
}

/**
 * Patches a kept card as it is stored now, under its place's lock: `patch` gets the card (a press
 * on another instance may have patched another row of it since it was read) and returns it changed,
 * or undefined to leave it. Resolves with the card as kept, or undefined when nothing was patched.
 * The caller holds `where` (inside `serialisedOn`).
 */
export async function patchSentCard(
  store: Store,
  where: SentWhere,
  activityId: string,
  patch: (sent: SentCard) => Omit<SentCard, 'activityId'> | undefined,
): Promise<SentCard | undefined> {
  let kept: SentCard | undefined;
  await updatePlaceData<SentCardsData>(store, where, (data) => {
    // Set on every run: PostgreSQL may run a transaction (and so this) again after a deadlock.
    kept = undefined;
    const sent = data.sentCards?.find((s) => s.activityId === activityId);
    const patched = sent && patch(sent);
    if (!patched) return data;
    kept = { activityId, reply: patched.reply, ...(patched.log?.length ? { log: patched.log } : {}) };
    return withCard(data, kept);
  });
  return kept;
}

/**
 * Shows a patched card to everyone (`show`: the message update), then reads it again: a press on
 * another instance may have patched it after us and had its update reach Teams before ours, leaving
 * our older card on screen. Then the card as kept now is shown again, until what everyone sees is
 * what is kept (each round means another press landed meanwhile, so a few rounds are plenty).
 * Resolves with what `show` returned for the card last shown.
 */
export async function showUntilCurrent<T>(
  store: Store,
  where: SentWhere,
  sent: SentCard,
  show: (sent: SentCard) => Promise<T>,
): Promise<T> {
  let shown = await show(sent);
  for (let round = 0; round < 5; round++) {
    const now = (await sentCard(store, [where], sent.activityId))?.sent;
    if (!now || sameCard(now, sent)) break;
    sent = now;
    shown = await show(sent);
  }
  return shown;
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

/** The data with `card` as the newest kept card (replacing an older copy of it), the oldest dropped past the limit. */
function withCard(data: SentCardsData, card: SentCard): SentCardsData {
  const others = (data.sentCards ?? []).filter((s) => s.activityId !== card.activityId);
  return { ...data, sentCards: [...others, card].slice(-SENT_CARDS_KEPT) };
}

function sameCard(a: SentCard, b: SentCard): boolean {
  return JSON.stringify([a.reply, a.log ?? []]) === JSON.stringify([b.reply, b.log ?? []]);
}
