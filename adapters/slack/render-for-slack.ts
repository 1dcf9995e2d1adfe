/**
 * A reply as the Slack adapter posts it: owners as real mentions (interactive answers only — a
 * scheduled digest names owners without pinging each of them every day), Block Kit pages, and
 * confirmation dialogs on Drop and on Done for someone else's item.
 */
import type { Reply } from '../../src/replies/reply.js';
import type { Store } from '../../src/store/store.js';
import { renderMessages, type SlackMessage } from './block-kit.js';
import { withConfirms } from './confirm-objects.js';
import { ownersOf, withOwnerMentions } from './owner-facts.js';

export interface RenderOptions {
  /** Who alone will see it (ephemeral, DM, App Home); undefined for a message the channel sees. */
  viewerId?: string;
  /** Owners as `<@U…>` mentions. */
  mentions?: boolean;
  maxMessages?: number;
}

export async function renderForSlack(
  store: Store,
  workspaceId: string,
  reply: Reply,
  options: RenderOptions = {},
): Promise<SlackMessage[]> {
  const owners = await ownersOf(store, workspaceId, reply);
  const shown = options.mentions ? withOwnerMentions(reply, owners) : reply;
  return renderMessages(shown, { maxMessages: options.maxMessages }).map((page) => ({
    ...page,
    blocks: withConfirms(page.blocks, owners, options.viewerId),
  }));
}
