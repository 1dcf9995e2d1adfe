/**
 * Turns the HTML Teams sends as message text into command words: `<at>` mentions of people become
 * `<@aadObjectId>` (the bot's own mention is removed before this runs), entities are decoded,
 * other tags are stripped and curly quotes folded, so `add “Review” @Ann` reads like the console.
 */
import { decodeHTML } from 'entities';

/** A mention as Teams lists it in `activity.entities`: `text` is the exact `<at>…</at>` markup. */
export interface TeamsMentionEntity {
  text: string;
  /** The mentioned person's AAD object id, once resolved from the roster. */
  aadObjectId: string;
}

export function commandText(html: string, mentions: readonly TeamsMentionEntity[] = []): string {
  let text = html;
  for (const mention of mentions) text = text.split(mention.text).join(` <@${mention.aadObjectId}> `);
  // Keep our `<@id>` markers while stripping every other tag; line breaks become spaces.
  text = text.replace(/<br\s*\/?>|<\/p>|<\/div>/gi, ' ');
  text = text.replace(/<(?!@)[^>]*>/g, '');
  text = decodeHTML(text);
  text = text.replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"').replace(/[\u2018\u2019\u201A]/g, "'");
  return text
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
