/** Loads the recorded Teams activities in tests/fixtures/teams and points them at a fake connector. */
import { readFileSync } from 'node:fs';

export type Fixture =
  | 'channel-message'
  | 'personal-message'
  | 'group-chat-message'
  | 'installation-add'
  | 'installation-remove'
  | 'conversation-update-bot-added'
  | 'card-action';

export const TENANT = '72f988bf-0000-0000-0000-0000000tenant';
export const CHANNEL_ID = '19:general-channel@thread.tacv2';
export const ALICE = { id: '29:1AliceTeamsUserId-abc', aadObjectId: '00000000-0000-0000-0000-0000000a11ce', name: 'Alice Khan' };
export const BOB = { id: '29:1BobTeamsUserId-def', aadObjectId: '00000000-0000-0000-0000-000000000b0b', name: 'Bob Lee' };

let sequence = 0;

export function fixture(name: Fixture, serviceUrl: string): any {
  const activity = JSON.parse(readFileSync(new URL(`../fixtures/teams/${name}.json`, import.meta.url), 'utf8'));
  activity.serviceUrl = serviceUrl;
  activity.id = `${activity.id}-${++sequence}`;
  return activity;
}

/** A channel message `@Followthrough <words>` (optionally in another thread), sent by `from`. */
export function channelMessage(
  serviceUrl: string,
  words: string,
  options: { from?: typeof ALICE; thread?: string; mentions?: (typeof ALICE)[] } = {},
): any {
  const activity = fixture('channel-message', serviceUrl);
  const from = options.from ?? ALICE;
  activity.from = { id: from.id, name: from.name, aadObjectId: from.aadObjectId };
  let text = words;
  for (const person of options.mentions ?? []) {
    text = text.replace(`@${person.name.split(' ')[0].toLowerCase()}`, `<at>${person.name}</at>`);
    activity.entities.push({ mentioned: { id: person.id, name: person.name }, text: `<at>${person.name}</at>`, type: 'mention' });
  }
  activity.text = `<at>Followthrough</at> ${text}`;
  const thread = options.thread ?? activity.id;
  activity.conversation.id = `${CHANNEL_ID};messageid=${thread}`;
  return activity;
}

export function personalMessage(serviceUrl: string, words: string, from = ALICE): any {
  const activity = fixture('personal-message', serviceUrl);
  activity.from = { id: from.id, name: from.name, aadObjectId: from.aadObjectId };
  activity.conversation.id = `a:1personal-chat-${from.name.split(' ')[0].toLowerCase()}`;
  activity.text = words;
  return activity;
}

export async function postActivity(baseUrl: string, activity: unknown, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // plain text
  }
  return { status: response.status, body };
}

/** The plain text of an activity the bot posted: its text plus the card's text blocks. */
export function replyText(body: any): string {
  // A card travels alone, its plain text as the activity summary and the card's fallbackText.
  const parts: string[] = [body?.text ?? body?.summary ?? ''];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TextBlock' && typeof node.text === 'string') parts.push(node.text);
    for (const value of Object.values(node)) walk(value);
  };
  for (const attachment of body?.attachments ?? []) walk(attachment.content);
  return parts.join('\n');
}

/** Every `Action.Execute` in a card, including those inside `Action.ShowCard`s. */
export function executeActions(card: any): any[] {
  const found: any[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Action.Execute') found.push(node);
    for (const value of Object.values(node)) walk(value);
  };
  walk(card);
  return found;
}

/**
 * The invoke Teams sends when `from` presses the `verb` button of `target` on a card the bot posted
 * (`posted`: the connector call that carried it), with `inputs` as the values of the card's inputs
 * (and `title`, of the buttons with that verb, the one so named: "It's ongoing", not "Pick a date").
 */
export function pressOnCard(
  serviceUrl: string,
  posted: { body: any; conversationId?: string; answeredId?: string },
  verb: string,
  target: string,
  options: { from?: typeof ALICE; inputs?: Record<string, string>; title?: string } = {},
): any {
  const card = posted.body?.attachments?.[0]?.content;
  const action = executeActions(card).find(
    (a) => a.verb === verb && a.data?.action?.id === target && (options.title === undefined || a.title === options.title),
  );
  if (!action) throw new Error(`no ${verb} button${options.title ? ` "${options.title}"` : ''} for ${target} on the card`);
  const invoke = fixture('card-action', serviceUrl);
  const from = options.from ?? ALICE;
  invoke.from = { id: from.id, name: from.name, aadObjectId: from.aadObjectId };
  if (posted.conversationId) invoke.conversation.id = posted.conversationId;
  invoke.replyToId = posted.answeredId;
  const data = { ...action.data };
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    const key = name === 'choice' ? data.inputId : name === 'date' ? data.dateId : name;
    data[key] = value;
  }
  invoke.value.action = { type: 'Action.Execute', title: action.title, verb, data };
  return invoke;
}
