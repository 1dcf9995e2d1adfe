/**
 * Will/shall sentences that promise no deed: rhetoric ("will not allow a repeat"), notices ("will host
 * a conference call"), a deal's structure ("will merge with and into"), roles ("would serve as"),
 * announced schedules ("will begin at 9:15 p.m.") and an exercise's scope ("the audit will cover").
 */

const RHETORIC = /^(?:allow|tolerate|hesitate|accept|let|rest|stand|relent|waver|flinch|bow|back)$/i;
const NOTICE = /^host\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){0,2}(?:conference\s+call|webcast|earnings\s+call|investor\s+call)\b/i;
const SCHEDULE = /^(?:begin|start|commence|end|finish|conclude)\s+at\s+\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)/i;
const EXERCISE = /^(?:the\s+)?(?:audit|review|study|inquiry|investigation|survey|assessment|report|probe|evaluation)\s*$/i;

/** A quoted speaker's words: the sentence opens a quote, or closes one before "she said". */
export function isDirectSpeech(text: string): boolean {
  return /^["']/.test(text.trim()) || /[,.!?]["']\s+(?:[\w.'-]+\s+){1,4}(?:said|says|added|told|stressed)\b[^"]*$/.test(text);
}

export interface ModalUse {
  /** The words before the modal, and from the verb on. */
  before: string;
  rest: string;
  verb: string;
  adverbs: string;
}

export function isNotADeed({ before, rest, verb, adverbs }: ModalUse): boolean {
  // "We will not allow a repeat", "will not hesitate to prosecute": resolve voiced, no deed promised.
  if (/^(?:not|never)\b/i.test(adverbs.trim()) && RHETORIC.test(verb)) return true;
  if (NOTICE.test(rest) || SCHEDULE.test(rest)) return true;
  if (/^merge\s+with\s+and\s+into\b/i.test(rest)) return true;
  if (/^(?:serve|act|function)\s+as\b/i.test(rest)) return true;
  const subject = before.trim().replace(/^.*?\b(?=the\s+\w+\s*$)/i, '');
  return /^(?:cover|examine|focus|look|address|span|encompass)\b/i.test(rest) && EXERCISE.test(subject);
}
