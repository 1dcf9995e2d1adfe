/**
 * Turns core text into Slack mrkdwn: escapes what Slack needs escaped and shows instants in the
 * viewer's zone. Core text is never trusted to ping: user mentions (`<@U…>`) and links survive,
 * but every `<!…>` broadcast is shown as the characters typed, and bare `@here`/`@channel`/
 * `@everyone` words are kept from Slack's automatic parsing.
 */
import { replaceInstants } from '../../src/replies/reply.js';
import { slackDate } from './slack-date.js';

/** Slack tokens that may pass: user mentions, channel links, links, and our instant markers. */
const KEPT_TOKEN = /<(?:@[UW][A-Z0-9]+|#[CG][A-Z0-9]+|(?:https?|mailto):[^>\s]+|t:[0-9TZ:.+-]+)(?:\|[^<>]*)?>/g;
/** A word Slack could read as a broadcast; a word joiner after `@` keeps it a word. */
const BROADCAST_WORD = /@(here|channel|everyone|group)\b/gi;
const WORD_JOINER = '\u2060';
/** Text with none of these comes out of every function here unchanged: most labels and titles, skipped cheaply. */
const MRKDWN_SPECIAL = /[&<>@]/;
const PLAIN_SPECIAL = /[<@]/;

/** Escapes `&`, `<`, `>` as Slack asks, except inside the tokens Slack should still interpret. */
export function escapeMrkdwn(text: string): string {
  if (!MRKDWN_SPECIAL.test(text)) return text;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(KEPT_TOKEN)) {
    out += escapePlain(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

function escapePlain(text: string): string {
  return defuseBroadcastWords(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** `@here` → `@⁠here`: reads the same, notifies nobody. */
export function defuseBroadcastWords(text: string): string {
  return text.replace(BROADCAST_WORD, (_, word: string) => `@${WORD_JOINER}${word}`);
}

/** Core text → mrkdwn: escaped, instants as `<!date^…>`. */
export function toMrkdwn(text: string): string {
  if (!MRKDWN_SPECIAL.test(text)) return text;
  return replaceInstants(escapeMrkdwn(text), slackDate);
}

/** Core text → plain_text fields (headers, button labels): no escaping, instants as UTC fallback. */
export function toPlain(text: string): string {
  if (!PLAIN_SPECIAL.test(text)) return text;
  return defuseBroadcastWords(
    replaceInstants(text, (iso) => slackDate(iso).replace(/^.*\|(.*)>$/, '$1')).replace(/<@([^>|]+)(?:\|[^>]*)?>/g, '@$1'),
  );
}
