/** Turns core text into Slack mrkdwn: escapes what Slack needs escaped and shows instants in the viewer's zone. */
import { replaceInstants } from '../../src/replies/reply.js';
import { slackDate } from './slack-date.js';

/** Slack's own tokens (mentions, channel links, `<!date…>`, links) and our instant markers survive escaping. */
const KEPT_TOKEN = /<(?:@[UW][A-Z0-9]+|#[CG][A-Z0-9]+|![a-z^][^>]*|(?:https?|mailto):[^>\s]+|t:[0-9TZ:.+-]+)(?:\|[^<>]*)?>/g;

/** Escapes `&`, `<`, `>` as Slack asks, except inside the tokens Slack should still interpret. */
export function escapeMrkdwn(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(KEPT_TOKEN)) {
    out += escapePlain(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

function escapePlain(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Core text → mrkdwn: escaped, instants as `<!date^…>`. */
export function toMrkdwn(text: string): string {
  return replaceInstants(escapeMrkdwn(text), slackDate);
}

/** Core text → plain_text fields (headers, button labels): no escaping, instants as UTC fallback. */
export function toPlain(text: string): string {
  return replaceInstants(text, (iso) => slackDate(iso).replace(/^.*\|(.*)>$/, '$1')).replace(/<@([^>|]+)(?:\|[^>]*)?>/g, '@$1');
}
