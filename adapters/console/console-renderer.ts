/**
 * Renders a neutral reply as console text: the plain-text fallback, with instants in local time,
 * and for an owner's daily message the words that answer each item (the console has no buttons).
 */
import { DateTime } from 'luxon';
import { replaceInstants, type Reply } from '../../src/replies/reply.js';
import { answerHints } from './answer-hints.js';

export function renderForConsole(reply: Reply, timeZone: string): string {
  const text = [reply.text, ...answerHints(reply)].join('\n').replace(/<@([^>|]+)(?:\|[^>]*)?>/g, '@$1');
  // The zone is named: a channel's schedule may be in another zone than the console's.
  return replaceInstants(text, (iso) => `${DateTime.fromISO(iso, { zone: timeZone }).toFormat('d LLL HH:mm')} ${timeZone}`);
}
