/**
 * Button presses, selects and date pickers on our cards. The core runs the same words a person
 * would type; on success the message is replaced in place — `chat.update` for a channel message,
 * the action's response_url for an ephemeral one (chat.update cannot edit those); a refusal is
 * shown only to the person who clicked.
 */
import type { App, BlockAction } from '@slack/bolt';
import { buttonFromActionId, decodeBlockId, ACTION_ID_PATTERN } from './action-ids.js';
import { HOME_CALLBACK, commitmentIdsIn } from './app-home.js';
import { renderForSlack } from './render-for-slack.js';
import { toMrkdwn } from './mrkdwn.js';
import { isDirectConversation, slackAddress } from './slack-address.js';
import type { SlackContext } from './slack-context.js';
import { servedWorkspace } from './slack-workspace.js';

type Element = BlockAction['actions'][number];

export function listenToActions(app: App, context: SlackContext): void {
  app.action<BlockAction>(ACTION_ID_PATTERN, async ({ ack, body, action, client, respond }) => {
    // Presses in the App Home are listen-home's (it acks them).
    if (body.view?.callback_id === HOME_CALLBACK) return;
    await ack();
    const served = servedWorkspace(context.identity, { teamId: body.team?.id, enterpriseId: body.enterprise?.id });
    if (!served.ok) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: served.refusal });
      return;
    }
    const button = buttonFromActionId(action.action_id);
    const where = decodeBlockId(action.block_id);
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!button || !where || !channelId) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'That button is not one I know. Nothing was changed.' });
      return;
    }
    const teamId = served.workspaceId;
    const user = await context.directory.user(teamId, body.user.id, body.user.name ?? body.user.username);
    const outcome = await context.core.act({
      workspace: { id: teamId, name: served.name },
      channel: { address: slackAddress(teamId, channelId), isDirect: isDirectConversation(channelId) },
      user,
      actionId: button.id,
      target: where.target,
      value: valueOf(action),
      context: where.context,
      receivedAt: context.core.clock.now(),
    });
    // Homes are refreshed alongside, not before the answer the presser is waiting for.
    if (outcome.ok) void context.home?.refresh({ id: teamId, name: served.name }, [where.target, ...commitmentIdsIn(outcome.message)], [body.user.id]).catch(() => undefined);
    if (!outcome.ok || !outcome.refreshed) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: toMrkdwn(outcome.message) });
      return;
    }
    const ts = body.container?.message_ts ?? body.message?.ts;
    const alone = body.container?.is_ephemeral || !ts || isDirectConversation(channelId);
    const [message] = await renderForSlack(context.core.store, teamId, outcome.refreshed, { maxMessages: 1, mentions: true, viewerId: alone ? body.user.id : undefined });
    if (body.container?.is_ephemeral || !ts) {
      await respond({ replace_original: true, text: message.text, blocks: message.blocks });
      return;
    }
    try {
      await client.chat.update({ channel: channelId, ts, text: message.text, blocks: message.blocks });
    } catch (error) {
      // A message the bot may not edit (posted by someone else's integration): replace it through the response_url.
      context.logger.warn({ err: error }, 'chat.update failed; replacing through response_url');
      await respond({ replace_original: true, text: message.text, blocks: message.blocks });
    }
  });
}

/** The value a press carries: a button's value, the chosen option, or the picked date. */
function valueOf(action: Element): string | undefined {
  switch (action.type) {
    case 'button':
      return action.value || undefined;
    case 'static_select':
    case 'overflow':
      return action.selected_option?.value;
    case 'datepicker':
      return action.selected_date ?? undefined;
    default:
      return undefined;
  }
}
