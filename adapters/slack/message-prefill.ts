/**
 * A Slack message → the Add form's first guess: the title from its first line (mentions as names,
 * the deadline words taken out), its mentioned people as owners, the deadline phrase if one is
 * found, and its permalink as the source. Pure; names come from `nameOf`.
 */
import { findDeadlinePhrase } from '../../src/extraction/find-deadline-phrase.js';
import { MAX_TITLE } from '../../src/commands/arguments.js';
import type { AddFormPrefill } from './add-form-view.js';
import { commandWords } from './slack-text.js';

/** "by next Friday", "within two weeks", "before the summit": the extractor misses some short chat phrasings. */
const CHAT_DEADLINE = /\b(?:by|before|within|until|till|due)\s+[^.,;!?\n]{2,60}/i;

export function prefillFromMessage(
  raw: string,
  options: { botUserId: string; nameOf: (id: string) => string; permalink?: string },
): AddFormPrefill {
  const words = commandWords(raw, { botUserId: options.botUserId });
  const firstLine = words.text.split('\n').find((l) => l.trim() !== '') ?? '';
  const named = firstLine.replace(/<@([UW][A-Z0-9]+)>/g, (_, id: string) => `@${options.nameOf(id)}`);
  const phrase = findDeadlinePhrase(named)?.text ?? CHAT_DEADLINE.exec(named)?.[0]?.trim();
  const title = (phrase ? named.replace(phrase, ' ') : named)
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:–—-]+$/, '')
    .trim();
  return {
    title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title,
    ownerIds: words.mentions.map((m) => m.id),
    duePhrase: phrase,
    sourceUrl: options.permalink,
    quote: words.text.replace(/<@([UW][A-Z0-9]+)>/g, (_, id: string) => `@${options.nameOf(id)}`).slice(0, 1000) || undefined,
  };
}
