/**
 * The fake's modals and Home tabs, answering as Slack does: `views.open` needs a trigger_id it
 * issued within the last 3 seconds and used once (`expired_trigger_id`, `exchanged_trigger_id`,
 * `invalid_trigger_id`); views are checked against Block Kit's view limits (`invalid_arguments`);
 * `views.publish` keeps each user's Home; `chat.getPermalink` answers with Slack's link shape.
 */
import { blockProblem } from './fake-slack-blocks.js';

type Json = Record<string, any>;

/** Slack: "trigger_id … expires in 3 seconds". */
export const TRIGGER_LIFE_MS = 3000;
const INPUT_ELEMENTS = new Set([
  'plain_text_input',
  'multi_users_select',
  'users_select',
  'datepicker',
  'conversations_select',
  'static_select',
  'multi_static_select',
  'url_text_input',
]);

export interface OpenedView {
  id: string;
  triggerId: string;
  /** How long after the trigger was issued the view was opened. */
  afterMs: number;
  view: Json;
}

export class FakeViews {
  readonly opened: OpenedView[] = [];
  readonly homes = new Map<string, Json>();
  private readonly triggers = new Map<string, { at: number; used: boolean }>();
  private seq = 0;

  /** A fresh trigger_id, as Slack puts in a command, shortcut or button payload. */
  triggerId(): string {
    const id = `${++this.seq}.fake.${Date.now().toString(36)}`;
    this.triggers.set(id, { at: Date.now(), used: false });
    return id;
  }

  /** Makes a trigger `ms` older, as if the app had taken that long to answer (tests never sleep). */
  age(triggerId: string, ms: number): void {
    const trigger = this.triggers.get(triggerId);
    if (trigger) trigger.at -= ms;
  }

  open(args: Json): Json {
    const trigger = this.triggers.get(args.trigger_id);
    if (!trigger) return { ok: false, error: 'invalid_trigger_id' };
    if (trigger.used) return { ok: false, error: 'exchanged_trigger_id' };
    const afterMs = Date.now() - trigger.at;
    if (afterMs > TRIGGER_LIFE_MS) return { ok: false, error: 'expired_trigger_id' };
    const problem = viewProblem(args.view, 'modal');
    if (problem) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: [problem] } };
    trigger.used = true;
    const id = `V${String(++this.seq).padStart(8, '0')}`;
    this.opened.push({ id, triggerId: args.trigger_id, afterMs, view: args.view });
    return { ok: true, view: { id, ...args.view } };
  }

  publish(args: Json, knownUser: (id: string) => boolean): Json {
    if (!knownUser(args.user_id)) return { ok: false, error: 'user_not_found' };
    const problem = viewProblem(args.view, 'home');
    if (problem) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: [problem] } };
    this.homes.set(args.user_id, args.view);
    return { ok: true, view: { id: `VHOME${args.user_id}`, ...args.view } };
  }
}

/** Why Slack would refuse this view, or undefined. */
export function viewProblem(view: Json | undefined, type: 'modal' | 'home'): string | undefined {
  if (!view || view.type !== type) return `view type must be ${type}`;
  if (!Array.isArray(view.blocks) || view.blocks.length > 100) return 'a view holds at most 100 blocks';
  if (type === 'modal') {
    for (const key of ['title', 'submit', 'close']) {
      const text = view[key];
      if (key === 'title' || text) {
        if (text?.type !== 'plain_text' || !text.text || text.text.length > 24) return `${key} must be plain_text of 1–24 characters`;
      }
    }
    if (view.blocks.some((b: Json) => b.type === 'input') && !view.submit) return 'a modal with inputs needs a submit button';
  }
  if (view.private_metadata !== undefined && String(view.private_metadata).length > 3000) return 'private_metadata longer than 3000';
  if (view.callback_id !== undefined && String(view.callback_id).length > 255) return 'callback_id longer than 255';
  const ids = new Set<string>();
  for (const [i, block] of (view.blocks as Json[]).entries()) {
    if (block.block_id) {
      if (ids.has(block.block_id)) return `block ${i}: duplicate block_id ${block.block_id}`;
      ids.add(block.block_id);
    }
    const problem = block.type === 'input' ? inputProblem(block) : blockProblem([block]);
    if (problem) return `block ${i}: ${problem}`;
  }
  return undefined;
}

function inputProblem(block: Json): string | undefined {
  if (block.label?.type !== 'plain_text' || !block.label.text || block.label.text.length > 2000)
    return 'input label must be plain_text of 1–2000 characters';
  if (block.hint && (block.hint.type !== 'plain_text' || block.hint.text.length > 2000)) return 'input hint';
  const e = block.element;
  if (!e || !INPUT_ELEMENTS.has(e.type)) return `unknown input element ${String(e?.type)}`;
  if (typeof e.action_id !== 'string' || e.action_id.length > 255) return 'input action_id';
  if (e.type === 'plain_text_input') {
    if (e.max_length !== undefined && (e.max_length < 1 || e.max_length > 3000)) return 'plain_text_input max_length out of 1–3000';
    if (e.initial_value !== undefined && e.max_length !== undefined && String(e.initial_value).length > e.max_length)
      return 'initial_value longer than max_length';
  }
  if (e.type === 'datepicker' && e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(e.initial_date))
    return 'initial_date must be YYYY-MM-DD';
  if (e.type === 'multi_users_select' && e.initial_users !== undefined && !Array.isArray(e.initial_users))
    return 'initial_users must be an array';
  return undefined;
}

/** `https://fake.slack.com/archives/C0GENERAL/p1700000100000100`, with the thread named for a reply. */
export function permalink(args: Json): Json {
  if (!args.channel || !args.message_ts) return { ok: false, error: 'invalid_arguments' };
  return {
    ok: true,
    channel: args.channel,
    permalink: `https://fake.slack.com/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`,
  };
}
