/**
 * Where an activity happened, as the core sees it: a team channel is keyed by
 * `channelData.channel.id` (every thread has its own `conversation.id`, kept only for replying),
 * a group chat or 1:1 by its conversation id; the workspace is the tenant.
 */
import type { ChannelKind } from '../../src/ports/invocation.js';
import { conversationAddress } from './teams-address.js';
import type { ConversationRef, InboundActivity } from './transport.js';

export type PlaceKind = 'channel' | 'groupChat' | 'personal';

/** What this adapter keeps in a channel's `platformData`. */
export interface ChannelPlatformData {
  kind: PlaceKind;
  /** Reference to the channel itself (no `;messageid=`), for proactive posts. */
  reference: ConversationRef;
  teamsChannelId?: string;
  teamId?: string;
  welcomed?: boolean;
  /**
   * Made by an install (which says no one's zone) before anyone spoke there: the first person who
   * speaks sets its zone, as they would have had their message come first. Cleared once they have.
   */
  zoneFromFirstSpeaker?: boolean;
}

/** What this adapter keeps in a user's `platformData`. */
export interface UserPlatformData {
  /** The Teams user id (`29:…`), needed to open a 1:1. */
  teamsId?: string;
  /** Reference to the 1:1 chat with the bot, once there is one. */
  personal?: ConversationRef;
}

export interface Place {
  tenantId: string;
  address: string;
  kind: PlaceKind;
  name?: string;
  data: ChannelPlatformData;
}

/** The core's word for the place: a team channel, a group chat, or the 1:1 with the bot. */
export function channelKindOf(kind: PlaceKind): ChannelKind {
  return kind === 'channel' ? 'channel' : kind === 'groupChat' ? 'chat' : 'direct';
}

export function tenantOf(activity: InboundActivity): string | undefined {
  return activity.channelData?.tenant?.id ?? activity.conversation.tenantId;
}

export function placeOf(activity: InboundActivity, reference: ConversationRef): Place {
  const tenantId = tenantOf(activity) ?? 'unknown-tenant';
  const channel = activity.channelData?.channel;
  const type = activity.conversation.conversationType;
  const kind: PlaceKind = channel?.id || type === 'channel' ? 'channel' : type === 'personal' ? 'personal' : 'groupChat';
  if (kind === 'channel') {
    const channelId = channel?.id ?? activity.conversation.id.split(';')[0];
    const base = { ...reference, conversation: { ...reference.conversation, id: channelId } } as ConversationRef;
    delete (base as Record<string, unknown>).activityId;
    return {
      tenantId,
      address: conversationAddress(tenantId, channelId),
      kind,
      name: channel?.name,
      data: { kind, reference: base, teamsChannelId: channelId, teamId: activity.channelData?.team?.id },
    };
  }
  const base = { ...reference } as ConversationRef;
  delete (base as Record<string, unknown>).activityId;
  return {
    tenantId,
    address: conversationAddress(tenantId, activity.conversation.id),
    kind,
    name: activity.conversation.name,
    data: { kind, reference: base },
  };
}
