/**
 * Proactive delivery (the ChatAdapter port): a channel digest starts a new thread, a nudge goes to
 * the owner's 1:1 (created from the roster the first time, then remembered), `update` edits a sent
 * card. Message ids are `<conversation id>|<activity id>`, enough to edit the message later.
 */
import type { Logger } from 'pino';
import type { Store } from '../../src/store/store.js';
import { Permanent, type ChatAdapter, type Delivered, type DeliverOptions } from '../../src/ports/chat-adapter.js';
import type { Reply } from '../../src/replies/reply.js';
import { plainText, renderAdaptiveCard } from './adaptive-card.js';
import type { ChannelPlatformData, UserPlatformData } from './conversation-place.js';
import { deliveryError } from './delivery-errors.js';
import { rememberSentCard, serialisedOn, updatePlaceData } from './sent-cards.js';
import { parseTeamsAddress } from './teams-address.js';
import { teamsMessageText } from './teams-markdown.js';
import type { ConversationRef, OutboundMessage, Transport } from './transport.js';

export class TeamsChatAdapter implements ChatAdapter {
  readonly platform = 'teams';

  constructor(
    private readonly store: Store,
    private readonly transport: Transport,
    private readonly logger: Logger,
  ) {}

  async deliver(address: string, reply: Reply, options: DeliverOptions): Promise<Delivered> {
    const target = parseTeamsAddress(address);
    const delivered = await this.send(address, reply, options);
    // Kept so a press on the card can update just its row (a Teams press does not send the card back).
    const activityId = delivered.messageId.slice(delivered.messageId.lastIndexOf('|') + 1);
    const where =
      target.kind === 'user' ? { tenantId: target.tenantId, userId: target.aadObjectId } : { tenantId: target.tenantId, address };
    await rememberSentCard(this.store, where, activityId, reply).catch((err: unknown) =>
      this.logger.warn({ err }, 'could not keep the sent card'),
    );
    return delivered;
  }

  private async send(address: string, reply: Reply, _options: DeliverOptions): Promise<Delivered> {
    const message = toMessage(reply);
    const target = parseTeamsAddress(address);
    try {
      if (target.kind === 'user') return await this.nudge(target.tenantId, target.aadObjectId, message);
      const data = await this.channelData(target.tenantId, address);
      if (data.kind === 'channel' && data.teamsChannelId) {
        const { conversationId, activityId } = await this.transport.startChannelThread(data.reference, data.teamsChannelId, message);
        return { messageId: `${conversationId}|${activityId}` };
      }
      const id = await this.transport.post(data.reference, message);
      return { messageId: `${data.reference.conversation.id}|${id}` };
    } catch (error) {
      throw deliveryError(error);
    }
  }

  async update(address: string, messageId: string, reply: Reply): Promise<void> {
    const cut = messageId.lastIndexOf('|');
    const [conversationId, activityId] = [messageId.slice(0, cut), messageId.slice(cut + 1)];
    const target = parseTeamsAddress(address);
    try {
      const base =
        target.kind === 'user'
          ? ((await this.store.users.get(target.tenantId, target.aadObjectId))?.platformData as UserPlatformData | undefined)?.personal
          : (await this.channelData(target.tenantId, address)).reference;
      if (!base) throw new Permanent('no 1:1 chat with this user yet');
      const reference = { ...base, conversation: { ...base.conversation, id: conversationId } } as ConversationRef;
      await this.transport.update(reference, activityId, toMessage(reply));
    } catch (error) {
      throw deliveryError(error);
    }
    const where =
      target.kind === 'user' ? { tenantId: target.tenantId, userId: target.aadObjectId } : { tenantId: target.tenantId, address };
    await rememberSentCard(this.store, where, activityId, reply).catch((err: unknown) =>
      this.logger.warn({ err }, 'could not keep the sent card'),
    );
  }

  private async channelData(tenantId: string, address: string): Promise<ChannelPlatformData> {
    const channel = await this.store.channels.get(tenantId, address);
    const data = channel?.platformData as ChannelPlatformData | undefined;
    if (!data?.reference) throw new Permanent('no conversation reference: Followthrough was never installed in this Teams conversation');
    return data;
  }

  private async nudge(tenantId: string, aadObjectId: string, message: OutboundMessage): Promise<Delivered> {
    const user = await this.store.users.get(tenantId, aadObjectId);
    const data = (user?.platformData ?? {}) as UserPlatformData;
    if (data.personal) {
      const id = await this.transport.post(data.personal, message);
      return { messageId: `${data.personal.conversation.id}|${id}` };
    }
    const { serviceUrl, teamsId } = await this.findInRoster(tenantId, aadObjectId, data);
    const { reference, activityId } = await this.transport.createPersonalChat(serviceUrl, tenantId, teamsId, message);
    // Merged into their data as stored now (row locked): a message of theirs may have written it meanwhile, on any instance.
    const where = { tenantId, userId: aadObjectId };
    await serialisedOn([where], async () => {
      // Created first if the bot never saw them write (a no-op otherwise), so there is a row to lock.
      await this.store.users.upsert({ workspaceId: tenantId, id: aadObjectId });
      await updatePlaceData<UserPlatformData>(this.store, where, (now) => ({ ...now, teamsId, personal: reference }));
    });
    this.logger.debug({ tenantId, aadObjectId }, 'opened a 1:1 chat for nudges');
    return { messageId: `${reference.conversation.id}|${activityId}` };
  }

  /** A service URL from any conversation of the tenant, and the user's Teams id from its roster. */
  private async findInRoster(
    tenantId: string,
    aadObjectId: string,
    data: UserPlatformData,
  ): Promise<{ serviceUrl: string; teamsId: string }> {
    const channels = (await this.store.channels.list(tenantId)).filter(
      (c) => c.active && (c.platformData as ChannelPlatformData | undefined)?.reference,
    );
    if (channels.length === 0) throw new Permanent('no Teams conversation in this tenant to reach the user from');
    let lastError: unknown;
    for (const channel of channels) {
      const reference = (channel.platformData as ChannelPlatformData).reference;
      if (data.teamsId) return { serviceUrl: reference.serviceUrl, teamsId: data.teamsId };
      try {
        const member = await this.transport.rosterMember(reference, aadObjectId);
        if (member) return { serviceUrl: reference.serviceUrl, teamsId: member.id };
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError ?? new Permanent('the user is in no conversation Followthrough is part of');
  }
}

function toMessage(reply: Reply): OutboundMessage {
  if (!reply.card) return { text: teamsMessageText(plainText(reply.text)) };
  return { text: plainText(reply.text), card: renderAdaptiveCard(reply) };
}
