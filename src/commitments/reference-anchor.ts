/**
 * Reads counts anchored on the day the text itself was made — "within 14 days of the signing of
 * this Agreement", "within ten Business Days after the date hereof", "within 90 days of the adoption
 * of this resolution" — as plain counts from the reference date: that day *is* the reference date,
 * so it is not an event to wait for. A signing not yet made ("of the signing") stays an event.
 */
import { readCalendarDeadline } from './calendar-reader.js';
import type { ExactDeadline, VagueDeadline } from './deadline.js';
import type { PhraseInput } from './phrase-input.js';

const INSTRUMENT =
  '(?:[a-z-]+ )?(?:agreement|resolution|decision|declaration|memorandum(?: of understanding)?|statement|communiqu[eé]|protocol|arrangement|accord|treaty|instrument|plan|contract|letter|order|directive|minutes)';
// What the count is anchored on, when that is the text's own making.
const ANCHOR = new RegExp(
  '\\s+(?:of|after|from|following|since)\\s+(?:' +
    [
      'signing',
      'signature',
      '(?:the )?date hereof',
      'hereof',
      'today',
      "today'?s? (?:meeting|statement|decision|session|announcement)",
      `(?:the )?date of (?:signing|signature|adoption)(?: of (?:this|the present|the) ${INSTRUMENT})?`,
      `(?:the )?date of (?:this|the present|the) ${INSTRUMENT}`,
      `(?:the )?(?:signing|signature|adoption|conclusion|issuance|approval) of (?:this|the present) ${INSTRUMENT}`,
      `(?:this|the present) ${INSTRUMENT}`,
    ].join('|') +
    ')$',
);
const LEADING = /^(?:in any (?:event|case)|in all cases|at the latest),?\s+/;

export function readAnchoredDeadline(input: PhraseInput): ExactDeadline | VagueDeadline | undefined {
  const anchor = ANCHOR.exec(input.lower);
  if (!anchor) return undefined;
  const lead = LEADING.exec(input.lower)?.[0].length ?? 0;
  const lower = input.lower.slice(lead, anchor.index);
  const count = readCalendarDeadline({ ...input, lower, plain: input.plain.slice(lead, anchor.index) });
  return count ? { ...count, text: input.text } : undefined;
}
