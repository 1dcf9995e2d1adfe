/**
 * Which channels the bot is in, per workspace, without a Web API call per command: one
 * `users.conversations` listing (paged, 1,000 a page) kept for ten minutes, updated at once when the
 * bot joins a channel (member_joined_channel). Slack rate-limits `conversations.info` at the rates a
 * busy workspace sends commands; one listing per workspace every ten minutes stays far inside its tier.
 * When the listing fails (a missing scope, a 429), callers fall back to asking about one channel.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Clock } from '../../src/ports/clock.js';

/** A bot is invited or removed by a person; ten minutes of staleness is the price of no per-command call. */
export const MEMBERSHIP_LIST_TTL_MS = 10 * 60 * 1000;
/** After a failed listing, wait this long before listing again (and ask per channel meanwhile). */
const RETRY_LISTING_MS = 60 * 1000;

interface Listing {
  channels?: Set<string>;
  at: number;
  loading?: Promise<Set<string> | undefined>;
}

export class BotMemberships {
  private readonly listings = new Map<string, Listing>();

  constructor(private readonly options: { client: WebClient; clock: Clock; logger: Logger; ttlMs?: number }) {}

  /** True or false from the listing; undefined when no listing could be had. */
  async isMember(teamId: string, channelId: string): Promise<boolean | undefined> {
    const channels = await this.listing(teamId);
    return channels ? channels.has(channelId) : undefined;
  }

  /** The bot joined (an event said so): known at once, without waiting for the next listing. */
  joined(teamId: string, channelId: string): void {
    this.listings.get(teamId)?.channels?.add(channelId);
  }

  private async listing(teamId: string): Promise<Set<string> | undefined> {
    const now = this.options.clock.now().getTime();
    const current = this.listings.get(teamId);
    if (current?.loading) return current.loading;
    const ttl = current?.channels ? (this.options.ttlMs ?? MEMBERSHIP_LIST_TTL_MS) : RETRY_LISTING_MS;
    if (current && now - current.at < ttl) return current.channels;
    const entry: Listing = { channels: current?.channels, at: now };
    entry.loading = this.load()
      .then((channels) => {
        entry.channels = channels;
        return channels;
      })
      .catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'users.conversations failed; asking Slack about each channel for a minute');
        entry.channels = undefined;
        return undefined;
      })
      .finally(() => {
        entry.at = this.options.clock.now().getTime();
        entry.loading = undefined;
      });
    this.listings.set(teamId, entry);
    return entry.loading;
  }

  private async load(): Promise<Set<string>> {
    const channels = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.options.client.users.conversations({
        types: 'public_channel,private_channel',
        exclude_archived: true,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      for (const channel of page.channels ?? []) if (channel.id) channels.add(channel.id);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return channels;
  }
}
