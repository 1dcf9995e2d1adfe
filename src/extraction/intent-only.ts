/**
 * Statements of intent and forward guidance that read like promises but promise no deed:
 * "will carefully assess incoming data", "is strongly committed to supporting …", "seeks to
 * achieve …", and decisions the text itself performs ("decided to lower the target range …").
 */
import type { DeadlinePhrase } from './find-deadline-phrase.js';

// Watching is not doing: without a time or cadence, "will monitor / assess / weigh …" is guidance.
const WATCHING =
  /^(?:(?:carefully|closely|continue\s+to|also|further)\s+)*(?:assess|monitor|watch|weigh|follow(?!\s+up)|evaluate|take\s+into\s+account|pay\s+(?:close\s+)?attention)\b/i;
// A goal pursued, not a deed owed: "seeks to achieve maximum employment".
const GOAL_VERB = /^(?:achieve|attain|foster|promote|pursue|realize|realise)\b/i;
// A level set by this very decision: "decided to lower the target range … by 1/4 percentage point".
const LEVEL_SET =
  /^(?:lower|raise|cut|increase|reduce|hike|leave|keep|hold|maintain|set)\s+(?:the\s+)?(?:target\s+range|(?:key\s+|policy\s+|benchmark\s+|interest\s+|bank\s+|deposit\s+)*rates?|target)\b/i;

export interface IntentCheck {
  /** The words before the action in the quote: how the promise is framed. */
  frame: string;
  action: string;
  phrase: DeadlinePhrase | undefined;
}

export function isIntentOnly({ frame, action, phrase }: IntentCheck): boolean {
  if (phrase) return false;
  const deed = action.trim();
  if (/\b(?:will|shall|would)\s+(?:(?:carefully|closely|continue\s+to|also|further)\s+)*$/i.test(frame) && WATCHING.test(deed)) return true;
  if (WATCHING.test(deed) && /\bcontinue\s+to\s*$/i.test(frame)) return true;
  // "is strongly committed to supporting …": a standing value with no time is not a commitment to track.
  if (/\b(?:is|are|remains?)\s+(?:strongly|deeply|firmly|fully)\s+committed\s+to\s*$/i.test(frame)) return true;
  if (/\bseeks?\s+to\s*$/i.test(frame) && GOAL_VERB.test(deed)) return true;
  if (/\b(?:decided|decides)\s+(?:today\s+)?to\s*$/i.test(frame) && LEVEL_SET.test(deed)) return true;
  return false;
}
