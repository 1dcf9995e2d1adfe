/**
 * A button press as a typed action: which button (`kind`), which item (`target`), and the choice it
 * carries (`value`), validated with zod before anything runs. A press never becomes command text:
 * each kind names the command spec it runs and builds that spec's arguments as an object, so a
 * crafted block id or value ("C-1 title Pwned") is refused instead of being read as more words.
 */
import { z } from 'zod';
import type { Action } from '../ports/invocation.js';
import { BUTTON_IDS, type ButtonId } from '../replies/reply.js';

/** A picked date from a date picker or Input.Date. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const COMMITMENT_ID = /^C-\d{1,9}$/;
export const EVENT_ID = /^E-\d{1,9}$/;
/** A chat user id as a person picker returns it (Slack `U…`, a Teams AAD object id, a console name). */
const USER_ID = /^[\w.:@-]{1,100}$/;
/** The card contexts the core writes (reply.ts): the list filter words, an item, a digest, an announcement, an owner's day. */
const CONTEXT = z.union([
  z.string().regex(/^list:(?:(?:mine|overdue|proposed|all|everywhere|tag:[\w-]{1,50}|<@[\w.-]{1,64}>)(?: |$))*$/),
  z.string().regex(/^item:C-\d{1,9}$/),
  z.string().regex(/^digest:[\w:-]{0,100}$/),
  z.string().regex(/^announce:C-\d{1,9}$/),
  z.string().regex(/^owner:[\w.:@-]{1,100}$/),
]);

const choice = (values: readonly string[], pattern?: RegExp) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || values.includes(v) || (pattern !== undefined && pattern.test(v)));
const none = z.undefined();

/** The choices each button may carry. */
const CHOICES: Record<ButtonId, z.ZodType<string | undefined>> = {
  done: none,
  reopen: none,
  reject: none,
  edit: none,
  snooze: choice([], /^(?:\d{1,3}[dwh]|\d{4}-\d{2}-\d{2})$/),
  status: choice(['in-progress', 'blocked', 'at-risk', 'ok']),
  // Keep the soft date (it is the value), a picked date, or "it's ongoing".
  'confirm-date': choice(['ongoing'], ISO_DATE),
  // A picked date, "it's ongoing", or "no date needed".
  'set-date': choice(['ongoing', 'none'], ISO_DATE),
  // "Yes, on <picked date>", "not yet", "drop".
  'event-check': choice(['not-yet', 'drop'], ISO_DATE),
  // Still kept, it has ended, not kept.
  review: choice(['kept', 'ended', 'not-kept']),
  // No value: the presser (or a user named in the parties) takes it on; else the picked person's id.
  accept: choice([], USER_ID),
};

export type ButtonKind = ButtonId;
/** Every kind of button the core knows. */
export const BUTTON_KINDS: readonly ButtonKind[] = BUTTON_IDS;

const target = z.string().regex(COMMITMENT_ID).or(z.string().regex(EVENT_ID));

export interface ButtonAction {
  kind: ButtonKind;
  target: string;
  value?: string;
  context?: string;
}

export const NOT_A_BUTTON = 'That button is not one I know (it may have been changed on the way). Nothing was changed.';

/** The press as a typed action, or undefined when any part of it is not what our cards send. */
export function parseButtonAction(action: Pick<Action, 'actionId' | 'target' | 'value' | 'context'>): ButtonAction | undefined {
  const kind = (BUTTON_IDS as readonly string[]).includes(action.actionId) ? (action.actionId as ButtonKind) : undefined;
  if (!kind) return undefined;
  const value = action.value?.trim() === '' ? undefined : action.value;
  const parsed = z
    .object({ target, value: CHOICES[kind], context: CONTEXT.optional() })
    .safeParse({ target: action.target, value, context: action.context || undefined });
  if (!parsed.success) return undefined;
  // Only "Yes, on…" and "Not yet" may name an event; every other button acts on a commitment.
  const eventAllowed = kind === 'event-check' && parsed.data.value !== 'drop';
  if (!eventAllowed && !COMMITMENT_ID.test(parsed.data.target)) return undefined;
  return { kind, target: parsed.data.target, value: parsed.data.value, context: parsed.data.context };
}

/** The command spec a press runs and its arguments, as an object (never as words); undefined when it runs none. */
export function commandFor(action: ButtonAction): { command: string; args: Record<string, unknown> } | undefined {
  const { kind, target: id, value } = action;
  switch (kind) {
    case 'done':
    case 'reopen':
    case 'reject':
      return { command: kind, args: { id } };
    case 'snooze':
      return { command: 'snooze', args: { id, when: value ?? '1d' } };
    case 'status':
      return { command: 'status', args: { id, state: value ?? 'in-progress' } };
    case 'confirm-date':
    case 'set-date':
      return value ? { command: 'edit', args: { id, field: 'due', value } } : undefined;
    case 'event-check':
      if (value === 'drop') return { command: 'drop', args: { id, note: 'the event will not happen' } };
      return value && ISO_DATE.test(value) && EVENT_ID.test(id) ? { command: 'event', args: { which: id, date: value } } : undefined;
    case 'review':
      return value ? { command: 'review', args: { id, answer: value } } : undefined;
    case 'accept':
      return { command: 'accept', args: { which: id, ownerIds: value ? [value] : [] } };
    case 'edit':
      return undefined;
  }
}
