/**
 * The word a reply uses for where it is read: "this channel" in a channel, "this chat" in a group
 * chat (a Teams group chat has no channel, and its people do not call it one), and "this
 * conversation" where the kind is not known yet or in a chat with the bot alone.
 */
import type { ChannelKind } from '../ports/invocation.js';

export type PlaceNoun = 'channel' | 'chat' | 'conversation';

export function placeNoun(kind: ChannelKind | undefined): PlaceNoun {
  return kind === 'channel' ? 'channel' : kind === 'chat' ? 'chat' : 'conversation';
}

/** "this channel", "this chat", "this conversation". */
export function thisPlace(kind: ChannelKind | undefined): string {
  return `this ${placeNoun(kind)}`;
}

/** "This channel", … at the start of a sentence. */
export function thisPlaceAtStart(kind: ChannelKind | undefined): string {
  return `This ${placeNoun(kind)}`;
}

/**
 * A line written for a channel, in words for `kind`: "this channel" and "the channel" become "this
 * chat" / "the chat" (help summaries are written once, for the common case, and read everywhere).
 */
export function inPlaceWords(line: string, kind: ChannelKind | undefined): string {
  const noun = placeNoun(kind);
  if (noun === 'channel') return line;
  return line.replace(/\b([Tt]his|[Tt]he) channel\b/g, `$1 ${noun}`);
}
