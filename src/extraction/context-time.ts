/**
 * The day a deed with no time of its own is due by, read from where it sits: the heading above it
 * ("### Scheduled release for April 5th, 2024" over "**Action Items:**" over "@nzakas will update the blog") or the date that
 * opens its line ("Harvest Dinner: Oct. 18, 2014. … Jon will make a gumbo."). Only a day after the
 * text's own date counts: a heading that dates the meeting itself ("## 2024-04-04") dates no deed.
 */
import type { CalendarDate } from '../commitments/deadline.js';
import { dueDateOf } from '../commitments/deadline.js';
import { interpretDeadline } from '../commitments/deadline-interpreter.js';
import type { DeadlinePhrase } from './find-deadline-phrase.js';
import { findTimeAnchor } from './find-time-anchor.js';
import type { Sentence } from './split-sentences.js';

// A heading of a few words names an occasion; a long one is prose that happens to sit alone.
const MAX_WORDS = 10;
// "Scheduled release for April 5th": a heading gives a deadline when a preposition ties the day to what
// is under it; a bare date ("## February 08") or a byline ("Posted … on August 5") heads a log entry.
const TIED = /^(?:for|by|before|on|due|until|no\s+later\s+than)\s/i;
const RECORD = /\b(?:posted|published|updated|written|recorded|held|met|minutes|notes)\b/i;
// The line opens with the day and nothing else ("Oct. 18, 2014."): what follows on the line is for that day.
const DAY_ONLY = /^[\s\w.,/-]{4,30}$/;

function dayIn(context: string, reference: CalendarDate, timeZone: string, tied: boolean): DeadlinePhrase | undefined {
  if (context.split(/\s+/).length > MAX_WORDS || RECORD.test(context)) return undefined;
  const found = findTimeAnchor(context, reference, timeZone);
  if (found?.sort !== 'exact' || (tied && !TIED.test(found.text))) return undefined;
  const due = dueDateOf(interpretDeadline(found.text, reference, timeZone));
  return due !== undefined && due > reference ? { ...found, start: 0, end: 0 } : undefined;
}

/**
 * A reader of the later day a deed's line opening or heading gives, when the deed's own words give none.
 * One reader serves one text: every deed under a heading asks about the same words, so each is read once.
 */
export function contextTimeReader(reference: CalendarDate, timeZone: string): (sentence: Sentence) => DeadlinePhrase | undefined {
  const read = new Map<string, DeadlinePhrase | undefined>();
  const day = (context: string, tied: boolean) => {
    const key = `${tied ? 'heading' : 'lead'}\u0000${context}`;
    if (!read.has(key)) read.set(key, dayIn(context, reference, timeZone, tied));
    return read.get(key);
  };
  return (sentence) => {
    const lead = sentence.lineLead && DAY_ONLY.test(sentence.lineLead) ? day(sentence.lineLead, false) : undefined;
    if (lead) return lead;
    for (const heading of [sentence.section, sentence.sectionAbove]) {
      const found = heading ? day(heading, true) : undefined;
      if (found) return found;
    }
    return undefined;
  };
}
