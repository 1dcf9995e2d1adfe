/**
 * A channel marked inactive after a failed post (Slack `not_in_channel`, a removed Teams bot) comes
 * back when the bot is invited again (the adapter calls `reactivateChannel`) or a command succeeds
 * there where the bot can post; its next digest is scheduled again (issue 11 item 8).
 */
import type { ChannelKind } from '../ports/invocation.js';
import { thisPlace } from '../replies/place-words.js';
import type { Store } from '../store/store.js';

/**
 * Reactivates every inactive channel record with this address, and a person's DM marked
 * unreachable there (their owner messages resume); returns how many came back.
 */
export async function reactivateChannel(store: Store, address: string): Promise<number> {
  let count = await store.users.reactivateDm(address);
  for (const channel of await store.channels.findByAddress(address)) {
    if (channel.active) continue;
    // Upserting `active` recomputes the next digest time in the store.
    await store.channels.upsert({ workspaceId: channel.workspaceId, address: channel.address, active: true });
    count++;
  }
  return count;
}

/** The line added to the first command's answer there: "this chat’s digests" in a group chat. */
export function reactivatedLine(kind: ChannelKind | undefined): string {
  return `I can post here again: ${thisPlace(kind)}’s digests resume.`;
}
