/**
 * Who is who on Slack: users from `users.info` cached in the store's users table (name, zone, admin,
 * DM address), and whether the bot is in a channel (from the bot's channel listing, see
 * BotMemberships; `conversations.info` only when the listing fails, cached briefly in memory), and
 * what kind of place a group DM reached by an @mention is.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Clock } from '../../src/ports/clock.js';
import type { ChannelKind, InvocationUser, Mention } from '../../src/ports/invocation.js';
import type { Store, UserRecord } from '../../src/store/store.js';
import { isDirectConversation, slackAddress } from './slack-address.js';
import { BotMemberships } from './bot-memberships.js';

/** A profile is refreshed after a day: names and zones change rarely, and lookups cost a Web API call. */
const USER_TTL_MS = 24 * 60 * 60 * 1000;
/** Membership changes when someone invites or removes the bot; a minute is stale enough. */
const MEMBERSHIP_TTL_MS = 60 * 1000;
/** A conversation whose kind Slack would not say is asked about again after this long. */
const KIND_RETRY_MS = 10 * 60 * 1000;

interface SlackUserData {
  slackFetchedAt?: string;
}

export interface DirectoryOptions {
  client: WebClient;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** SLACK_ADMIN_USER_IDS: admins in Followthrough whatever their Slack role. */
  adminIds: readonly string[];
}

export class SlackDirectory {
  private readonly membership = new Map<string, { member: boolean; at: number }>();
  /** A conversation's kind never changes: asked once per run. */
  private readonly kinds = new Map<string, ChannelKind>();
  /** When Slack last would not say a conversation's kind. */
  private readonly kindRefused = new Map<string, number>();
  private readonly memberships: BotMemberships;

  constructor(private readonly options: DirectoryOptions) {
    this.memberships = new BotMemberships({ client: options.client, clock: options.clock, logger: options.logger });
  }

  /** The bot was invited to a channel (member_joined_channel for the bot). */
  botJoined(teamId: string, channelId: string): void {
    this.memberships.joined(teamId, channelId);
    this.membership.set(`${teamId}:${channelId}`, { member: true, at: this.options.clock.now().getTime() });
  }

  /** The asking user, refreshed from Slack when the cache is old; `fallbackName` when Slack cannot say. */
  async user(teamId: string, userId: string, fallbackName?: string): Promise<InvocationUser> {
    const record = await this.lookup(teamId, userId, fallbackName);
    return { id: userId, name: record.name, tz: record.timeZone, isAdmin: record.isAdmin };
  }

  async mention(teamId: string, userId: string, nameHint?: string): Promise<Mention> {
    const record = await this.lookup(teamId, userId, nameHint);
    return { id: userId, name: record.name, tz: record.timeZone };
  }

  /** Whether the bot can post in the channel unprompted; undefined for DMs and when Slack will not say. */
  async botIsMember(teamId: string, channelId: string): Promise<boolean | undefined> {
    if (isDirectConversation(channelId)) return undefined;
    // No Web API call per command: the bot's channel listing answers for every channel at once.
    const listed = await this.memberships.isMember(teamId, channelId);
    if (listed !== undefined) return listed;
    const key = `${teamId}:${channelId}`;
    const now = this.options.clock.now().getTime();
    const cached = this.membership.get(key);
    if (cached && now - cached.at < MEMBERSHIP_TTL_MS) return cached.member;
    try {
      const result = await this.options.client.conversations.info({ channel: channelId });
      const member = Boolean(result.channel?.is_member);
      this.membership.set(key, { member, at: now });
      return member;
    } catch (error) {
      // A private channel the bot is not in is invisible to it: Slack answers channel_not_found.
      if (slackErrorCode(error) === 'channel_not_found') {
        this.membership.set(key, { member: false, at: now });
        return false;
      }
      this.options.logger.warn({ err: error, channel: channelId }, 'conversations.info failed; membership unknown');
      return undefined;
    }
  }

  /**
   * What kind of place a conversation is, for events that do not say (an @mention): a group DM
   * (`is_mpim`) is a chat, a DM direct, anything else a channel. Only `G…` ids are asked about (group
   * DMs have them; `C…` ids are always channels), once per conversation per run; undefined when Slack
   * will not say (a missing `mpim:read` on an older install), and the core keeps what it knew.
   */
  async placeKind(teamId: string, channelId: string): Promise<ChannelKind | undefined> {
    if (isDirectConversation(channelId)) return 'direct';
    if (!channelId.startsWith('G')) return 'channel';
    const key = `${teamId}:${channelId}`;
    const known = this.kinds.get(key);
    if (known) return known;
    const now = this.options.clock.now().getTime();
    // Slack would not say (an install without mpim:read): not asked again on every mention.
    if (now - (this.kindRefused.get(key) ?? Number.NEGATIVE_INFINITY) < KIND_RETRY_MS) return undefined;
    try {
      const { channel } = await this.options.client.conversations.info({ channel: channelId });
      if (!channel) return undefined;
      const kind: ChannelKind = channel.is_im ? 'direct' : channel.is_mpim ? 'chat' : 'channel';
      this.kinds.set(key, kind);
      return kind;
    } catch (error) {
      this.kindRefused.set(key, now);
      this.options.logger.warn({ err: error, channel: channelId }, 'conversations.info failed; kind of place unknown');
      return undefined;
    }
  }

  private async lookup(teamId: string, userId: string, fallbackName?: string): Promise<UserRecord> {
    const { store, clock } = this.options;
    const known = await store.users.get(teamId, userId);
    const fetchedAt = (known?.platformData as SlackUserData | undefined)?.slackFetchedAt;
    const fresh = fetchedAt !== undefined && clock.now().getTime() - Date.parse(fetchedAt) < USER_TTL_MS;
    if (known && fresh) return known;
    const dmAddress = slackAddress(teamId, userId);
    const admin = this.options.adminIds.includes(userId);
    try {
      const { user } = await this.options.client.users.info({ user: userId });
      const name = user?.profile?.display_name || user?.real_name || user?.name || fallbackName || userId;
      const saved = await store.users.upsert({
        workspaceId: teamId,
        id: userId,
        name,
        timeZone: user?.tz || undefined,
        isAdmin: admin || Boolean(user?.is_admin || user?.is_owner),
        dmAddress,
      });
      // Stamped in one atomic change of the row's data as stored now (row locked), not a copy read
      // before the Web API call: a write another request or instance made meanwhile stays.
      const fetchedAt = clock.now().toISOString();
      const stamped = await store.users.updatePlatformData(teamId, userId, (current) => ({
        ...((current as SlackUserData | undefined) ?? {}),
        slackFetchedAt: fetchedAt,
      }));
      return stamped ?? saved;
    } catch (error) {
      this.options.logger.warn({ err: error, user: userId }, 'users.info failed; using what the payload said');
      if (known) return known;
      return store.users.upsert({ workspaceId: teamId, id: userId, name: fallbackName || userId, isAdmin: admin, dmAddress });
    }
  }
}

/** The `error` code of a Slack Web API platform error (`channel_not_found`), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
