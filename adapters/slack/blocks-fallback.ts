/**
 * A message's `text` said again from its blocks, for a `chat.update` after a press. With blocks,
 * Slack shows `text` only where blocks are not shown — "When attachments or blocks are included,
 * text will be used as fallback text for notifications only" (chat.update), and mobile
 * notifications, screen readers and some previews read it — so it must say what the blocks now
 * say (the recounted header and headings, the pressed row as it is, who did it), not the counts
 * the message was sent with. Buttons are left out: they are not something to read. Pure.
 */
import type { types } from '@slack/bolt';
import { BLOCK_LIMITS } from './block-kit.js';
import { escapeMrkdwn } from './mrkdwn.js';

type TextObject = { type: string; text: string };

export function fallbackFromBlocks(blocks: readonly types.KnownBlock[]): string {
  const lines = blocks.flatMap((block): string[] => {
    if (block.type === 'header') return [asMrkdwn(block.text)];
    if (block.type === 'section') return [...(block.text ? [asMrkdwn(block.text)] : []), ...(block.fields ?? []).map(asMrkdwn)];
    if (block.type === 'context')
      return block.elements.flatMap((e) => ('text' in e && typeof e.text === 'string' ? [asMrkdwn(e as TextObject)] : []));
    return [];
  });
  const text = lines.filter(Boolean).join('\n');
  return text.length <= BLOCK_LIMITS.fallbackText ? text : `${text.slice(0, BLOCK_LIMITS.fallbackText)}… (the full list is in the message)`;
}

/** A plain_text object's words are shown as typed; in `text` (mrkdwn) `&`, `<` and `>` must be escaped. */
function asMrkdwn(object: TextObject): string {
  return object.type === 'plain_text' ? escapeMrkdwn(object.text) : object.text;
}
