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

export async function ownersOf(store: Store, workspaceId: string, reply: Reply): Promise<OwnersById> {
  const ids = new Set([...itemIds(reply.card), ...commitmentIdsIn(reply.text.split('\n')[0] ?? '')]);
  const found = await Promise.all([...ids].slice(0, MAX_LOOKUPS).map((id) => store.commitments.get(workspaceId, id)));
  return new Map(found.filter((c) => c !== null).map((c) => [c.id, c.owners]));
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
  const swap = (text: string) => swaps.reduce((out, { label, mentions }) => replaceLabel(out, label, mentions), text);
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

/** Replaces `label` where the core puts an owners label: after `— ` or `· `, up to the end, a space or a bracket. */
function replaceLabel(text: string, label: string, mentions: string): string {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`([—·] )${escaped}(?=$|[\\s\\[])`, 'gm'), (_, lead: string) => `${lead}${mentions}`);
}

function itemIds(card: Card | undefined): string[] {
  return (card?.sections ?? []).flatMap((s) => (s.items ?? []).map((i) => i.id).filter((id): id is string => Boolean(id)));
}

export function isSlackUser(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}
