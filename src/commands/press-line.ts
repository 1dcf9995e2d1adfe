/** The one line a shared message gains when someone presses one of its buttons ("✅ Sara marked C-1 done"). */
import { formatCalendarDate } from '../replies/format-date.js';
import type { ButtonAction } from './button-action.js';

const STATE_WORDS: Record<string, string> = { 'in-progress': 'in progress', blocked: 'blocked', 'at-risk': 'at risk', ok: 'on track' };
const REVIEW_WORDS: Record<string, string> = { kept: 'is still kept', ended: 'has ended', 'not-kept': 'is not kept' };
const isDate = (v: string | undefined): v is string => v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v);
const when = (v: string | undefined) => (isDate(v) ? formatCalendarDate(v) : v);

/**
 * Says who did what to which item. A done press keeps the command's own announcement (it says how
 * early or late: "✅ Sara marked C-1 done: … (done Tue 30 Jan, 3 days early)").
 */
export function pressLine(action: ButtonAction, who: string, answer: string): string {
  const { kind, target, value } = action;
  switch (kind) {
    case 'done':
      return answer.startsWith('✅') ? answer : `✅ ${who} marked ${target} done`;
    case 'reopen':
      return `↩️ ${who} reopened ${target}`;
    case 'snooze':
      return `💤 ${who} snoozed ${target} ${isDate(value) ? `until ${when(value)}` : `for ${value ?? '1d'}`}`;
    case 'status':
      return `🔄 ${who} set ${target} to ${STATE_WORDS[value ?? 'in-progress'] ?? value}`;
    case 'confirm-date':
    case 'set-date':
      if (value === 'ongoing') return `📅 ${who} made ${target} an ongoing duty`;
      if (value === 'none') return `📅 ${who} said ${target} needs no date`;
      return `📅 ${who} set ${target} due ${when(value)}`;
    case 'event-check':
      return value === 'drop' ? `🗑️ ${who} dropped ${target}` : `📅 ${who} confirmed ${target} happened on ${when(value)}`;
    case 'review':
      return `🔁 ${who}: ${target} ${REVIEW_WORDS[value ?? ''] ?? 'reviewed'}`;
    case 'accept':
      return `👍 ${who} accepted ${target}`;
    case 'reject':
      return `👎 ${who} rejected ${target}`;
    case 'edit':
      return answer;
  }
}
