/**
 * A company's scheduled payment said with a noun, as filings and announcements say it: "notifies the
 * Holders of the Notes of a redemption of the Notes …: Redemption Date: December 6, 2019", "has given
 * notice today of a partial redemption on September 2, 2010 of US$613 million", "its quarterly cash
 * dividend … per share payable July 9, 2012". The noun phrase is the deed; the cue is the notice of it
 * or the date it is payable on. The scorer weighs these like any other cue.
 */
import { MONTH_NAME } from '../commitments/month-names.js';

const MONTH = `${MONTH_NAME}\\.?`;
// "notice (today) of a partial redemption", "notifies the Holders of the Notes of a redemption".
const NOTICE_OF =
  /\b(?:notice|notifies|notified|notify)\b[^.;:]{0,60}?\bof\s+(?=(?:a|the|its)\s+(?:partial\s+|full\s+|optional\s+|early\s+)?(?:redemption|repayment|prepayment)\b)/gi;
// "… dividend (payment) … payable July 9, 2012": the dividend's noun phrase up to "payable <date>" ("will be
// payable on …" is a modal's own cue).
const PAYABLE = new RegExp(
  `\\b(?:its|the|a|an)\\s+(?:[\\w$().,-]+\\s+){0,4}?(?:dividends?|distributions?)\\b(?:[^.;:]|\\.(?=\\d)){0,80}?(?<!\\bbe\\s)\\bpayable\\s+(?:on\\s+)?(?=${MONTH}\\s+\\d|\\d{1,2}\\s+${MONTH})`,
  'gi',
);

export interface NounCue {
  /** Where the cue words start. */
  at: number;
  /** Where the deed's noun phrase starts. */
  actionStart: number;
}

export function scheduledPayments(text: string): NounCue[] {
  const out: NounCue[] = [];
  for (const m of text.matchAll(NOTICE_OF)) {
    const at = m.index ?? 0;
    out.push({ at, actionStart: at + m[0].length });
  }
  for (const m of text.matchAll(PAYABLE)) {
    const at = m.index ?? 0;
    out.push({ at, actionStart: at });
  }
  return out;
}
