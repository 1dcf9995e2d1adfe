/** What an adapter hands the core: one typed-in command, or one button press. */

export interface InvocationUser {
  /** Platform user id (Slack `U…`, Teams AAD object id, console name). */
  id: string;
  name: string;
  /** IANA zone when the platform knows it. */
  tz?: string;
  isAdmin: boolean;
}

/**
 * What kind of place it is, as a person there would call it: a `channel` (Slack channel, Teams team
 * channel), a `chat` (Teams group chat, Slack group DM) or a `direct` chat with the bot.
 */
export type ChannelKind = 'channel' | 'chat' | 'direct';

export interface InvocationChannel {
  /** Opaque address owned by the adapter: `slack:T1:C1`, `teams:<tenant>:<channel>`, `console:local`. */
  address: string;
  name?: string;
  /** A DM / 1:1 chat with the bot: `list` means `list mine` there. */
  isDirect: boolean;
  /** Absent: `direct` when `isDirect`, else `channel` (what every place was before group chats were told apart). */
  kind?: ChannelKind;
  /** Whether the bot can post here unprompted; false asks the user to invite it (Slack). */
  botIsMember?: boolean;
}

/** A user named in the text; the adapter rewrote each mention in `text` as `<@id>`. */
export interface Mention {
  id: string;
  name: string;
  tz?: string;
}

export interface Invocation {
  workspace: { id: string; name?: string };
  channel: InvocationChannel;
  user: InvocationUser;
  /** The command words, mentions rewritten as `<@id>`, curly quotes folded. */
  text: string;
  mentions: Mention[];
  receivedAt: Date;
}

/** A button press on a card the core built. */
export interface Action {
  workspace: { id: string; name?: string };
  channel: InvocationChannel;
  user: InvocationUser;
  /** The `CardAction.id` pressed. */
  actionId: string;
  target: string;
  value?: string;
  /** The `Card.context` of the card the button was on. */
  context?: string;
  /**
   * The platform patches the pressed rows into the message it already has (a shared Slack message):
   * no card is rebuilt for it, since it would not be shown. A digest press then reads one row, not the channel.
   */
  rowsOnly?: boolean;
  receivedAt: Date;
}
