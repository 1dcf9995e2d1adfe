/**
 * The Add form's three doors and its submission: `/commitments add` with nothing after it, the Add
 * button (lists, App Home), and the "Track as commitment" message shortcut, which pre-fills the form
 * from the message and confirms in its thread. Each opens the modal at once after ack (a trigger_id
 * lives 3 seconds). A submission is checked field by field; only a valid one runs `add`, and the
 * result is announced in the channel as a typed `add` is.
 */
import type { App, BlockAction, MessageShortcut, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { todayIn } from '../../src/commitments/calendar.js';
import type { Reply } from '../../src/replies/reply.js';
import { ADD_BUTTON_ID } from './add-button.js';
import { checkAddForm, readAddForm } from './add-form-submission.js';
import { ADD_FORM_CALLBACK, FIELD, addFormView, readPlace, type AddFormPlace, type AddFormPrefill } from './add-form-view.js';
import { commitmentIdsIn } from './app-home.js';
import { renderForSlack } from './render-for-slack.js';
import { prefillFromMessage } from './message-prefill.js';
import { slackAddress } from './slack-address.js';
import { toInvocation, type SlackContext } from './slack-context.js';
import { slackErrorCode } from './slack-directory.js';
import { servedWorkspace } from './slack-workspace.js';

export const TRACK_SHORTCUT = 'followthrough_track_message';
/** A permalink is worth waiting for only while the trigger still has time to open the form. */
const PERMALINK_WAIT_MS = 1000;

export function openAddForm(client: WebClient, triggerId: string, prefill: AddFormPrefill, place: AddFormPlace) {
  return client.views.open({ trigger_id: triggerId, view: addFormView(prefill, place) });
}

export function listenToAddForm(app: App, context: SlackContext): void {
  app.action<BlockAction>(ADD_BUTTON_ID, async ({ ack, body, client, respond }) => {
    await ack();
    const served = servedWorkspace(context.identity, { teamId: body.team?.id, enterpriseId: body.enterprise?.id });
    if (!served.ok) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: served.refusal }));
    // From a list in a channel the form announces there; from the App Home it asks where.
    const channelId = body.container?.type === 'view' ? undefined : (body.channel?.id ?? body.container?.channel_id);
    await openAddForm(client, body.trigger_id, {}, { channelId });
  });

  app.shortcut<MessageShortcut>(TRACK_SHORTCUT, async ({ ack, shortcut, client, respond }) => {
    await ack();
    const served = servedWorkspace(context.identity, { teamId: shortcut.team?.id, enterpriseId: shortcut.enterprise?.id });
    if (!served.ok) return void (await respond({ response_type: 'ephemeral', text: served.refusal }));
    const message = shortcut.message;
    const [permalink, names] = await Promise.all([
      withTimeout(
        client.chat.getPermalink({ channel: shortcut.channel.id, message_ts: message.ts }).then((r) => r.permalink),
        PERMALINK_WAIT_MS,
      ),
      namesIn(context, served.workspaceId, message.text ?? ''),
    ]);
    const prefill = prefillFromMessage(message.text ?? '', {
      botUserId: context.identity.botUserId,
      nameOf: (id) => names.get(id) ?? id,
      permalink,
    });
    await openAddForm(client, shortcut.trigger_id, prefill, { channelId: shortcut.channel.id, threadTs: message.thread_ts ?? message.ts });
  });

  app.view<ViewSubmitAction>(ADD_FORM_CALLBACK, async ({ ack, body, view, client }) => {
    const served = servedWorkspace(context.identity, { teamId: body.team?.id, enterpriseId: body.enterprise?.id });
    if (!served.ok) return void (await ack({ response_action: 'errors', errors: { [FIELD.title]: served.refusal } }));
    const place = readPlace(view.private_metadata);
    const form = readAddForm(view.state.values as Parameters<typeof readAddForm>[0]);
    const channelId = place.channelId ?? form.channelId;
    const workspace = { id: served.workspaceId, name: served.name };
    const user = await context.directory.user(workspace.id, body.user.id, body.user.name);
    const channel = channelId ? await context.core.store.channels.get(workspace.id, slackAddress(workspace.id, channelId)) : null;
    const timeZone = channel?.timeZone ?? user.tz ?? context.core.settings.defaultTimeZone;
    const checked = checkAddForm(form, { today: todayIn(timeZone, context.core.clock.now()), timeZone, needsChannel: !place.channelId });
    if (!checked.ok) return void (await ack({ response_action: 'errors', errors: checked.errors }));
    const invocation = await toInvocation(context, {
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      channelId: channelId!,
      userId: body.user.id,
      userName: body.user.name,
      rawText: checked.command,
      checkMembership: true,
    });
    const reply = await context.core.handle(invocation);
    // `add` announces a success to the channel; anything private is a refusal, shown in the form.
    if (reply.visibility !== 'channel')
      return void (await ack({ response_action: 'errors', errors: { [FIELD.title]: clip(reply.text, 2000) } }));
    await ack();
    const [id] = commitmentIdsIn(reply.card?.title ?? reply.text);
    for (const words of id ? checked.followUps(id) : []) await context.core.handle({ ...invocation, text: words, mentions: [] });
    await announce(client, context, workspace.id, reply, { channelId: channelId!, threadTs: place.threadTs, userId: body.user.id });
    await context.home?.refresh(workspace, id ? [id] : [], [body.user.id]);
  });
}

/** Posts the add's announcement where the form came from; if the bot may not post there, tells the user in a DM. */
async function announce(
  client: WebClient,
  context: SlackContext,
  workspaceId: string,
  reply: Reply,
  where: { channelId: string; threadTs?: string; userId: string },
): Promise<void> {
  const pages = await renderForSlack(context.core.store, workspaceId, reply, { mentions: true });
  try {
    for (const page of pages) {
      await client.chat.postMessage({
        channel: where.channelId,
        text: page.text,
        blocks: page.blocks,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      });
    }
  } catch (error) {
    context.logger.warn({ err: error, channel: where.channelId }, 'could not announce an added commitment; telling its author');
    const why =
      slackErrorCode(error) === 'not_in_channel'
        ? 'I am not in that channel: invite me with `/invite @Followthrough`.'
        : 'Slack would not take the message.';
    const [page] = pages;
    await client.chat
      .postMessage({
        channel: where.userId,
        text: `I added it, but could not announce it in <#${where.channelId}>. ${why}\n${page.text}`,
        blocks: page.blocks,
      })
      .catch((err: unknown) => context.logger.warn({ err }, 'could not tell the author either'));
  }
}

/** The names of the people a message mentions, for the pre-filled title. */
async function namesIn(context: SlackContext, workspaceId: string, text: string): Promise<Map<string, string>> {
  const ids = [...new Set([...text.matchAll(/<@([UW][A-Z0-9]+)/g)].map((m) => m[1]))].filter((id) => id !== context.identity.botUserId);
  const users = await Promise.all(ids.map((id) => context.directory.mention(workspaceId, id)));
  return new Map(users.map((u) => [u.id, u.name]));
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
