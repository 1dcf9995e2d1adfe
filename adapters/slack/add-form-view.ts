/**
 * The Add form: a modal with the same fields a typed `add` takes — title, owners, a deadline as
 * said or a picked date, the date it was agreed, source link and quote, tags — and, when opened
 * from App Home (no channel yet), the channel to track it in. Pure: prefill in, view out.
 */
import type { types } from '@slack/bolt';
import { MAX_NOTE, MAX_TITLE } from '../../src/commands/arguments.js';

export const ADD_FORM_CALLBACK = 'followthrough_add';
/** The field ids, each the block id and the action id of its input. */
export const FIELD = {
  title: 'title',
  owners: 'owners',
  duePhrase: 'due_phrase',
  dueDate: 'due_date',
  agreed: 'agreed',
  sourceUrl: 'source_url',
  quote: 'source_quote',
  tags: 'tags',
  channel: 'channel',
} as const;

export interface AddFormPrefill {
  title?: string;
  ownerIds?: string[];
  duePhrase?: string;
  sourceUrl?: string;
  quote?: string;
}

/** Where the result is announced; carried through the modal in private_metadata. */
export interface AddFormPlace {
  channelId?: string;
  /** Confirm in this thread (the message shortcut). */
  threadTs?: string;
}

export function addFormView(prefill: AddFormPrefill, place: AddFormPlace): types.ModalView {
  const blocks: types.KnownBlock[] = [];
  if (!place.channelId) {
    blocks.push(
      input(
        FIELD.channel,
        'Channel',
        { type: 'conversations_select', action_id: FIELD.channel, filter: { include: ['public', 'private'], exclude_bot_users: true } },
        { hint: 'Where the commitment is tracked and its digest is posted.' },
      ),
    );
  }
  blocks.push(
    input(FIELD.title, 'What was promised', {
      type: 'plain_text_input',
      action_id: FIELD.title,
      max_length: MAX_TITLE,
      ...initial(clip(prefill.title, MAX_TITLE)),
    }),
    input(
      FIELD.owners,
      'Owners',
      { type: 'multi_users_select', action_id: FIELD.owners, ...(prefill.ownerIds?.length ? { initial_users: prefill.ownerIds } : {}) },
      { optional: true, hint: 'They get the reminders. Nobody picked means you.' },
    ),
    input(
      FIELD.duePhrase,
      'Deadline, as it was said',
      {
        type: 'plain_text_input',
        action_id: FIELD.duePhrase,
        placeholder: plain('at an early date · within two weeks · after the elections'),
        ...initial(prefill.duePhrase),
      },
      { optional: true },
    ),
    input(FIELD.dueDate, '…or pick the date', { type: 'datepicker', action_id: FIELD.dueDate }, { optional: true }),
    input(
      FIELD.agreed,
      'Agreed on',
      { type: 'datepicker', action_id: FIELD.agreed },
      { optional: true, hint: 'Vague deadlines ("within two weeks") count from this date; today when empty.' },
    ),
    input(
      FIELD.sourceUrl,
      'Source link',
      { type: 'url_text_input', action_id: FIELD.sourceUrl, ...initial(prefill.sourceUrl) },
      { optional: true },
    ),
    input(
      FIELD.quote,
      'Quote from the source',
      {
        type: 'plain_text_input',
        action_id: FIELD.quote,
        multiline: true,
        max_length: MAX_NOTE,
        ...initial(clip(prefill.quote, MAX_NOTE)),
      },
      { optional: true },
    ),
    input(FIELD.tags, 'Tags', { type: 'plain_text_input', action_id: FIELD.tags, placeholder: plain('border, legal') }, { optional: true }),
  );
  return {
    type: 'modal',
    callback_id: ADD_FORM_CALLBACK,
    title: plain('Add a commitment'),
    submit: plain('Add'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify(place),
    blocks,
  };
}

export function readPlace(privateMetadata: string | undefined): AddFormPlace {
  try {
    const parsed = JSON.parse(privateMetadata || '{}') as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && /^[A-Z0-9.]{1,40}$/.test(v) ? v : undefined);
    return { channelId: text(parsed.channelId), threadTs: text(parsed.threadTs) };
  } catch {
    return {};
  }
}

type InputElement = types.InputBlock['element'];

function input(id: string, label: string, element: InputElement, options: { optional?: boolean; hint?: string } = {}): types.InputBlock {
  return {
    type: 'input',
    block_id: id,
    label: plain(label),
    element,
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint ? { hint: plain(options.hint) } : {}),
  };
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

function initial(value: string | undefined): { initial_value?: string } {
  return value ? { initial_value: value } : {};
}

function clip(text: string | undefined, max: number): string | undefined {
  return text && text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
