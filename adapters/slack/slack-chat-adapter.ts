/**
 * Delivery to Slack (the ChatAdapter port): reminders and digests posted to a channel, or to a user id
 * (which Slack turns into the app's DM). Each post is tagged with the outbox key in message metadata,
 * so `findByKey` can tell whether a send that was in flight at a crash already arrived.
 */
import type { WebClient } from '@slack/web-api';
import type { ChatAdapter, Delivered, DeliverOptions } from '../../src/ports/chat-adapter.js';
import type { Reply } from '../../src/replies/reply.js';
import { renderMessages, renderSingleMessage, type SlackMessage } from './block-kit.js';
import { parseSlackAddress } from './slack-address.js';
import { toDeliveryError } from './slack-errors.js';

export const REMINDER_EVENT_TYPE = 'followthrough_reminder';
/** How far back `findByKey` looks: a resend follows its crash closely. */
const HISTORY_LOOKBACK = 50;

export class SlackChatAdapter implements ChatAdapter {
  readonly platform = 'slack';

  /**
   * `client` must have retries off: the outbox owns retrying. `render` (optional) lets the adapter
   * add what needs the store — confirmation dialogs on Done and Drop — to digests and nudges.
   */
  constructor(
    private readonly client: WebClient,
    private readonly render: (address: string, reply: Reply) => Promise<SlackMessage[]> = async (_address, reply) => renderMessages(reply),
  ) {}

  async deliver(address: string, reply: Reply, options: DeliverOptions): Promise<Delivered> {
    const { conversationId } = parseSlackAddress(address);
    const [first, ...rest] = await this.render(address, reply);
    const metadata = { event_type: REMINDER_EVENT_TYPE, event_payload: { key: options.key } };
    let ts: string | undefined;
    try {
      const posted = await this.client.chat.postMessage({ channel: conversationId, text: first.text, blocks: first.blocks, metadata });
      ts = posted.ts;
      // Follow-up pages go where the first one landed (a user id resolves to the DM channel).
      for (const page of rest)
        await this.client.chat.postMessage({ channel: posted.channel ?? conversationId, text: page.text, blocks: page.blocks });
    } catch (error) {
      // A failure after the first page still counts as delivered: resending would duplicate it.
      if (ts === undefined) throw toDeliveryError(error);
    }
    return { messageId: ts ?? '' };
  }

  async update(address: string, messageId: string, reply: Reply): Promise<void> {
    const { conversationId } = parseSlackAddress(address);
    const message = renderSingleMessage(reply);
    try {
      await this.client.chat.update({ channel: conversationId, ts: messageId, text: message.text, blocks: message.blocks });
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  /**
   * The message tagged with `key`, if it was posted recently. Undefined when not found or when the
   * bot may not read the history (no `channels:history` scope): the caller then sends again.
   */
  async findByKey(address: string, key: string): Promise<Delivered | undefined> {
    const { conversationId } = parseSlackAddress(address);
    try {
      let channel = conversationId;
      if (/^[UW]/.test(channel)) {
        const opened = await this.client.conversations.open({ users: channel, return_im: false });
        channel = opened.channel?.id ?? channel;
      }
      const history = await this.client.conversations.history({ channel, limit: HISTORY_LOOKBACK, include_all_metadata: true });
      const found = history.messages?.find((m) => {
        const meta = (m as { metadata?: { event_type?: string; event_payload?: { key?: unknown } } }).metadata;
        return meta?.event_type === REMINDER_EVENT_TYPE && meta.event_payload?.key === key;
      });
      return found?.ts ? { messageId: found.ts } : undefined;
    } catch (error) {
      const mapped = toDeliveryError(error);
      if (mapped.name === 'Permanent') return undefined;
      throw mapped;
    }
  }
}
