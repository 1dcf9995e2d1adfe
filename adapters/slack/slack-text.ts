/**
 * Slack message text → command words: the bot's own mention removed, user mentions as `<@U…>`
 * (with or without Slack's `|name`), links unwrapped, Slack's `&lt;` escapes undone, curly quotes folded.
 * Broadcasts (`<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`) become plain words: a
 * commitment's title or note is never a ping, whoever later reads it back.
 */
import { foldQuotes } from '../../src/commands/tokenize.js';

const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;
const LINK = /<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g;
/** Slack's special commands: `<!here>`, `<!channel|channel>`, `<!subteam^S1|@team>`, `<!date^…|fallback>`. */
const SPECIAL = /<!([a-z]+)(?:\^([^|>]*))?(?:\|([^>]*))?>/g;

export interface SlackText {
  text: string;
  /** Mentioned users in order of appearance, with the name Slack put in the token when it did. */
  mentions: { id: string; nameHint?: string }[];
}

export function commandWords(raw: string, options: { botUserId?: string } = {}): SlackText {
  const mentions: SlackText['mentions'] = [];
  const withoutBot = options.botUserId ? raw.replace(new RegExp(`<@${options.botUserId}(?:\\|[^>]*)?>`, 'g'), ' ') : raw;
  const rewritten = withoutBot.replace(USER_MENTION, (_, id: string, name: string | undefined) => {
    if (!mentions.some((m) => m.id === id)) mentions.push({ id, nameHint: name || undefined });
    return `<@${id}>`;
  });
  const text = foldQuotes(unescapeSlack(plainSpecials(rewritten).replace(LINK, '$1')))
    .replace(/[ \t]+/g, ' ')
    .trim();
  return { text, mentions };
}

/** `<!here>` → `@here`, `<!subteam^S1|@legal>` → `@legal`, `<!date^…|Fri 15 Mar>` → `Fri 15 Mar`. */
export function plainSpecials(text: string): string {
  return text.replace(SPECIAL, (_, command: string, _arg: string | undefined, label: string | undefined) => {
    if (command === 'date') return label ?? '';
    if (command === 'subteam') return label ? (label.startsWith('@') ? label : `@${label}`) : '@group';
    return `@${command}`;
  });
}

/** Slack escapes exactly these three in message text. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
