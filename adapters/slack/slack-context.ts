/** What every Slack listener needs: the core, who the bot is, the directory, and how to build an Invocation. */
import type { Logger } from 'pino';
import type { Core } from '../../src/core.js';
import type { ChannelKind, Invocation } from '../../src/ports/invocation.js';
import type { AppHome } from './app-home.js';
import type { CommandThread } from './command-thread.js';
import type { InFlight } from './in-flight.js';
import type { SlackDirectory } from './slack-directory.js';
import { isDirectConversation, slackAddress } from './slack-address.js';
import { commandWords } from './slack-text.js';

export interface SlackIdentity {
  /** The installation's team: the workspace key for everything this token sees (Slack Connect included). */
  teamId: string;
  teamName?: string;
  /** Set for an org-wide (Enterprise Grid) install: the organisation is then the workspace. */
  enterpriseId?: string;
  enterpriseName?: string;
  isEnterpriseInstall?: boolean;
  botUserId: string;
  botId: string;
}

export interface SlackContext {
  core: Core;
  identity: SlackIdentity;
  directory: SlackDirectory;
  logger: Logger;
  /** The App Home, refreshed after changes made through Slack. */
  home?: AppHome;
  /** Listener work still running; stop waits for it before the store closes. */
  inFlight?: InFlight;
  /** Answers lists off the main thread, when the store can be opened there too. */
  commandThread?: CommandThread;
}

export interface Incoming {
  /** The workspace the request was checked to belong to (`servedWorkspace`). */
  workspaceId: string;
  workspaceName?: string;
  channelId: string;
  channelName?: string;
  userId: string;
  userName?: string;
  rawText: string;
  /** Ask Slack whether the bot is in the channel (slash commands, which work where the bot is not). */
  checkMembership?: boolean;
}

/** Slash command, @mention and DM all end here: one Invocation, same words. */
export async function toInvocation(context: SlackContext, incoming: Incoming): Promise<Invocation> {
  const { directory, identity, core } = context;
  const { workspaceId: teamId, channelId } = incoming;
  const words = commandWords(incoming.rawText, { botUserId: identity.botUserId });
  const [user, mentions, botIsMember, asked] = await Promise.all([
    directory.user(teamId, incoming.userId, incoming.userName),
    Promise.all(words.mentions.map((m) => directory.mention(teamId, m.id, m.nameHint))),
    incoming.checkMembership ? directory.botIsMember(teamId, channelId) : Promise.resolve(undefined),
    // An @mention does not say what kind of place it came from: a group DM met first that way is asked about.
    incoming.channelName === undefined ? directory.placeKind(teamId, channelId) : Promise.resolve(undefined),
  ]);
  return {
    workspace: { id: teamId, name: incoming.workspaceName },
    channel: {
      address: slackAddress(teamId, channelId),
      name: channelNameOf(incoming.channelName),
      isDirect: isDirectConversation(channelId),
      ...kindOf(channelId, incoming.channelName, asked),
      ...(botIsMember === undefined ? {} : { botIsMember }),
    },
    user,
    text: words.text,
    mentions,
    receivedAt: core.clock.now(),
  };
}

/**
 * What kind of place, where Slack says: a DM by its id, and a slash command's `channel_name` tells a
 * group DM ("mpdm-…") from a channel. An @mention does not say, so the kind is what Slack answered
 * when asked (`asked`); when it would not answer, the core keeps what it recorded there before.
 */
function kindOf(channelId: string, channelName: string | undefined, asked?: ChannelKind): { kind?: ChannelKind } {
  if (isDirectConversation(channelId) || channelName === 'directmessage') return { kind: 'direct' };
  if (channelName === undefined) return asked ? { kind: asked } : {};
  return { kind: channelName.startsWith('mpdm-') ? 'chat' : 'channel' };
}

/**
 * A slash command's `channel_name`, when it names a channel: Slack sends "directmessage" from a DM,
 * "mpdm-alice--bob-1" from a group DM and (older payloads) "privategroup" from a private channel,
 * which a digest must not print as "#directmessage".
 */
export function channelNameOf(name: string | undefined): string | undefined {
  if (!name || name === 'directmessage' || name === 'privategroup' || name.startsWith('mpdm-')) return undefined;
  return name;
}
