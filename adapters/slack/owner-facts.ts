/**
 * What the Slack rendering needs to know about the owners of the commitments a reply shows: their
 * user ids, so owners appear as real Slack mentions (`<@U…>`, shown by Slack under each person's
 * current name), and whether a Done press would be on someone else's item (which then asks first).
 */
import type { UserRef } from '../../src/commitments/commitment.js';
import { ownersLabel } from '../../src/replies/commitment-view.js';
import type { Card, Reply } from '../../src/replies/reply.js';
import type { Store } from '../../src/store/store.js';
import { commitmentIdsIn } from './app-home.js';

/** Commitment id → its owners. */
export type OwnersById = ReadonlyMap<string, readonly UserRef[]>;
/** A reply names at most a list's worth of items worth looking up. */
const MAX_LOOKUPS = 60;

/** Card items carry their owners (the core had the commitment in hand); only the rest are read from the store. */
export async function ownersOf(store: Store, workspaceId: string, reply: Reply): Promise<OwnersById> {
  const owners = new Map<string, readonly UserRef[]>();
  for (const item of (reply.card?.sections ?? []).flatMap((s) => s.items ?? []))
    if (item.id && item.owners) owners.set(item.id, item.owners);
  const ids = new Set([...itemIds(reply.card), ...commitmentIdsIn(reply.text.split('\n')[0] ?? '')].filter((id) => !owners.has(id)));
  const found = await Promise.all([...ids].slice(0, MAX_LOOKUPS).map((id) => store.commitments.get(workspaceId, id)));
  for (const c of found) if (c) owners.set(c.id, c.owners);
  return owners;
}

/**
 * The reply with each owners label (`@bob, @carol`, as the core writes it) after a `—` or `·`, or
 * as a whole field, turned into Slack mentions. Owners without a Slack id keep their name.
 */
export function withOwnerMentions(reply: Reply, owners: OwnersById): Reply {
  const swaps = [...owners.values()]
    .filter((list) => list.some((o) => isSlackUser(o.id)))
    .map((list) => ({
      label: ownersLabel({ owners: list } as Parameters<typeof ownersLabel>[0]),
      mentions: list.map((o) => (isSlackUser(o.id) ? `<@${o.id}>` : `@${o.name}`)).join(', '),
    }))
    .sort((a, b) => b.label.length - a.label.length);
  if (swaps.length === 0) return reply;
  const swap = labelSwapper(swaps);
  const card = reply.card && {
    ...reply.card,
    sections: reply.card.sections.map((section) => ({
      ...section,
      ...(section.text ? { text: swap(section.text) } : {}),
      ...(section.fields
        ? { fields: section.fields.map((f) => ({ ...f, value: swaps.find((s) => s.label === f.value)?.mentions ?? f.value })) }
        : {}),
      ...(section.items
        ? { items: section.items.map((item) => ({ ...item, ...(item.lines ? { lines: item.lines.map(swap) } : {}) })) }
        : {}),
    })),
  };
  return { ...reply, text: swap(reply.text), ...(card ? { card } : {}) };
}

/**
 * Replaces each label where the core puts an owners label: after `— ` or `· `, up to the end, a
 * space or a bracket. One pattern for all labels (longest first, so `@bob, @carol` wins over `@bob`),
 * one pass per text: a 100-item list has as many labels as lines.
 */
function labelSwapper(swaps: { label: string; mentions: string }[]): (text: string) => string {
  const byLabel = new Map<string, string>();
  for (const { label, mentions } of swaps) if (!byLabel.has(label)) byLabel.set(label, mentions);
  const alternatives = [...byLabel.keys()].map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(`([—·] )(${alternatives})(?=$|[\\s\\[])`, 'gm');
  return (text) => text.replace(pattern, (_, lead: string, label: string) => `${lead}${byLabel.get(label)}`);
}

function itemIds(card: Card | undefined): string[] {
  return (card?.sections ?? []).flatMap((s) => (s.items ?? []).map((i) => i.id).filter((id): id is string => Boolean(id)));
}

export function isSlackUser(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}
