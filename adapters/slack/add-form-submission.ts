/**
 * Reads and checks a submitted Add form. Each problem is returned for the field it is about, so the
 * modal shows it there (`response_action: errors`) and nothing is stored; a valid form becomes the
 * same `add` a person would type, with the title quoted so no word of it is read as a keyword,
 * plus the `edit` commands that record the source link and quote.
 */
import { MAX_NOTE, MAX_TITLE } from '../../src/commands/arguments.js';
import { splitDeadlineClause } from '../../src/commitments/deadline-clause.js';
import { unreadableHint } from '../../src/commitments/deadline-interpreter.js';
import { FIELD } from './add-form-view.js';

export interface AddForm {
  title: string;
  ownerIds: string[];
  duePhrase: string;
  dueDate?: string;
  agreed?: string;
  sourceUrl: string;
  quote: string;
  tags: string[];
  channelId?: string;
}

interface StateValue {
  value?: string | null;
  selected_users?: string[];
  selected_date?: string | null;
  selected_conversation?: string | null;
}

type StateValues = Record<string, Record<string, StateValue>>;

export function readAddForm(values: StateValues): AddForm {
  const field = (id: string): StateValue => values[id]?.[id] ?? {};
  const text = (id: string) => (field(id).value ?? '').trim();
  return {
    title: text(FIELD.title),
    ownerIds: (field(FIELD.owners).selected_users ?? []).filter((id) => /^[UW][A-Z0-9]+$/.test(id)),
    duePhrase: text(FIELD.duePhrase),
    dueDate: field(FIELD.dueDate).selected_date ?? undefined,
    agreed: field(FIELD.agreed).selected_date ?? undefined,
    sourceUrl: text(FIELD.sourceUrl),
    quote: text(FIELD.quote),
    tags: text(FIELD.tags)
      .split(/[\s,]+/)
      .map((t) => t.replace(/^tag:/i, ''))
      .filter(Boolean),
    channelId: field(FIELD.channel).selected_conversation ?? undefined,
  };
}

export type CheckedForm =
  | { ok: true; command: string; followUps: (id: string) => string[] }
  | { ok: false; errors: Record<string, string> };

export function checkAddForm(form: AddForm, options: { today: string; timeZone: string; needsChannel: boolean }): CheckedForm {
  const errors: Record<string, string> = {};
  if (options.needsChannel && !form.channelId) errors[FIELD.channel] = 'Pick the channel to track it in.';
  if (form.title === '') errors[FIELD.title] = 'Say what was promised.';
  else if (form.title.length > MAX_TITLE) errors[FIELD.title] = `At most ${MAX_TITLE} characters; put the detail in the quote.`;
  let clause = '';
  if (form.duePhrase && form.dueDate) errors[FIELD.dueDate] = 'Write the deadline or pick a date, not both.';
  else if (form.dueDate) clause = `due ${form.dueDate}`;
  else if (form.duePhrase) {
    const reference = form.agreed ?? options.today;
    clause =
      [form.duePhrase, `due ${form.duePhrase}`].find(
        (c) => splitDeadlineClause(`"x" ${c}`, reference, options.timeZone).deadline.kind !== 'none',
      ) ?? '';
    if (!clause) errors[FIELD.duePhrase] = unreadableHint(form.duePhrase);
  }
  if (form.agreed && form.agreed > options.today) errors[FIELD.agreed] = 'The agreement date cannot be in the future.';
  if (form.sourceUrl && !/^https?:\/\/\S+$/i.test(form.sourceUrl)) errors[FIELD.sourceUrl] = 'A link starts with https:// (or http://).';
  if (form.quote.length > MAX_NOTE) errors[FIELD.quote] = `At most ${MAX_NOTE} characters.`;
  const badTag = form.tags.find((t) => !/^[\w-]{1,40}$/.test(t));
  if (badTag) errors[FIELD.tags] = `"${badTag}" is not a tag: letters, digits, - or _, separated by commas.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // A straight double quote would end the quoted title early; it becomes an apostrophe.
  const title = `"${form.title.replace(/"/g, "'").replace(/\s+/g, ' ')}"`;
  const words = [
    'add',
    title,
    ...form.ownerIds.map((id) => `<@${id}>`),
    ...form.tags.map((t) => `tag:${t}`),
    clause,
    form.agreed ? `agreed ${form.agreed}` : '',
  ];
  return {
    ok: true,
    command: words.filter(Boolean).join(' '),
    followUps: (id) => [
      ...(form.sourceUrl ? [`edit ${id} source ${form.sourceUrl}`] : []),
      ...(form.quote ? [`edit ${id} quote ${form.quote.replace(/\s+/g, ' ')}`] : []),
    ],
  };
}
