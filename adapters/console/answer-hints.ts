/**
 * The console has no buttons, so an owner's daily message there says what to type for each answer
 * ("Keep ~30 Jan: edit C-8 due 2027-01-30"). Display only: a press never becomes these words.
 */
import type { CardAction, Reply } from '../../src/replies/reply.js';

/** The words that do what `action` does, or undefined when there is nothing to type ("Not yet"). */
function wordsFor(action: CardAction): string | undefined {
  const { id, target: t, value: v } = action;
  switch (id) {
    case 'done':
    case 'reopen':
    case 'reject':
      return `${id} ${t}`;
    case 'snooze':
      return `snooze ${t} 1d|1w|<date>`;
    case 'status':
      return `status ${t} in-progress|blocked|at-risk|ok`;
    case 'confirm-date':
    case 'set-date':
      return `edit ${t} due ${action.pickDate ? '<date>' : v}`;
    case 'event-check':
      if (v === 'not-yet') return undefined;
      return v === 'drop' ? `drop ${t}` : `event ${t} <date>`;
    case 'review':
      return `review ${t} ${v}`;
    case 'accept':
      return action.pickUser ? `accept ${t} @owner` : `accept ${t}`;
    case 'edit':
      return `edit ${t} title|due|owner <value>`;
  }
}

/** One line per item of an owner's daily message: its answers, each with the words to type. */
export function answerHints(reply: Reply): string[] {
  if (!reply.card?.context?.startsWith('owner:')) return [];
  const lines: string[] = [];
  for (const item of reply.card.sections.flatMap((s) => s.items ?? [])) {
    const answers = (item.actions ?? []).flatMap((a) => {
      const words = wordsFor(a);
      return words ? [`${a.label}: ${words}`] : [];
    });
    if (item.id && answers.length > 0) lines.push(`  ${item.id} — ${answers.join(' · ')}`);
  }
  return lines.length > 0 ? ['To answer, type:', ...lines] : [];
}
