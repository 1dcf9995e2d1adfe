/**
 * Button presses, selects and date pickers on our cards. Each element carries a typed action
 * (pressed-action.ts) the core validates and runs. On success a shared message keeps what it was,
 * with only the pressed row updated and a "✅ Sara marked C-1 done" line added (chat.update); an
 * ephemeral card (a private `list`) is rebuilt through the action's response_url, since chat.update
 * cannot edit those. A refusal changes no message and is shown only to the person who clicked.
 */
import type { App, BlockAction, RespondFn } from '@slack/bolt';
import type { ActionOutcome } from '../../src/commands/act.js';
import { NOT_A_BUTTON } from '../../src/commands/button-action.js';
import type { CardItem } from '../../src/replies/reply.js';
import { ACTION_ID_PATTERN } from './action-ids.js';
import { HOME_CALLBACK, commitmentIdsIn } from './app-home.js';
import { fallbackFromBlocks } from './blocks-fallback.js';
import { withConfirms } from './confirm-objects.js';
import { toMrkdwn } from './mrkdwn.js';
import { ownersOf, withOwnerMentions } from './owner-facts.js';
import { patchMessage } from './patch-message.js';
import { pressedAction } from './pressed-action.js';
import { renderForSlack } from './render-for-slack.js';
import { retallyPages } from './retally-blocks.js';
import { siblingPages } from './sibling-pages.js';
import { isDirectConversation, slackAddress } from './slack-address.js';
import type { SlackContext } from './slack-context.js';
import { servedWorkspace } from './slack-workspace.js';

type Client = Parameters<Parameters<App['action']>[1]>[0]['client'];

export function listenToActions(app: App, context: SlackContext): void {
  app.action<BlockAction>(ACTION_ID_PATTERN, async ({ ack, body, action, client, respond }) => {
    // Presses in the App Home are listen-home's (it acks them).
    if (body.view?.callback_id === HOME_CALLBACK) return;
    await ack();
    const channelId = body.channel?.id ?? body.container?.channel_id;
    const tell = (text: string) => tellPresser({ respond, client, channelId, userId: body.user.id, text, logger: context.logger });
    const served = servedWorkspace(context.identity, { teamId: body.team?.id, enterpriseId: body.enterprise?.id });
    if (!served.ok) {
      await tell(served.refusal);
      return;
    }
    const pressed = pressedAction(action);
    if (!pressed || !channelId) {
      await tell(NOT_A_BUTTON);
      return;
    }
    const teamId = served.workspaceId;
    const ts = body.container?.message_ts ?? body.message?.ts;
    // A shared message is patched row by row below: the core need not rebuild its card (a whole digest).
    const inPlace = !body.container?.is_ephemeral && Boolean(ts) && Boolean((body.message?.blocks as unknown[] | undefined)?.length);
    const user = await context.directory.user(teamId, body.user.id, body.user.name ?? body.user.username);
    const outcome = await context.core.act({
      workspace: { id: teamId, name: served.name },
      channel: { address: slackAddress(teamId, channelId), isDirect: isDirectConversation(channelId) },
      user,
      actionId: pressed.kind,
      target: pressed.id,
      value: pressed.choice,
      context: pressed.context,
      rowsOnly: inPlace,
      receivedAt: context.core.clock.now(),
    });
    if (!outcome.ok) {
      await tell(outcome.message);
      return;
    }
    try {
      const listContext = pressed.context?.startsWith('list:') ?? false;
      await answerPress({ body, channelId, ts, teamId, outcome, respond, client, tell, context, listContext });
    } finally {
      // Homes are refreshed after the answer the presser is waiting for, not competing with it.
      void context.home
        ?.refresh({ id: teamId, name: served.name }, [pressed.id, ...commitmentIdsIn(outcome.message)], [body.user.id])
        .catch(() => undefined);
    }
  });
}

/** The card after a successful press: an ephemeral one rebuilt, a shared one patched in place (chat.update). */
async function answerPress(press: {
  body: BlockAction;
  channelId: string;
  ts: string | undefined;
  teamId: string;
  outcome: ActionOutcome;
  respond: RespondFn;
  client: Client;
  tell: (text: string) => Promise<void>;
  context: SlackContext;
  /** Pressed on a list: the one kind of shared message long enough to come in parts. */
  listContext: boolean;
}): Promise<void> {
  const { body, channelId, ts, teamId, outcome, respond, client, tell, context } = press;
  const alone = body.container?.is_ephemeral || !ts || isDirectConversation(channelId);
  const viewerId = alone ? body.user.id : undefined;
  if (body.container?.is_ephemeral || !ts) {
    // Only the presser sees an ephemeral card: rebuilding it from its context is showing it as it is now.
    if (!outcome.refreshed) return tell(outcome.message);
    const [message] = await renderForSlack(context.core.store, teamId, outcome.refreshed, { maxMessages: 1, mentions: true, viewerId });
    await respond({ replace_original: true, text: message.text, blocks: message.blocks });
    return;
  }
  const original = body.message?.blocks as Parameters<typeof patchMessage>[0] | undefined;
  if (!original?.length) {
    await tell(outcome.message);
    return;
  }
  // The same message: only the pressed rows re-rendered (owners as mentions, confirms as elsewhere), and who did it.
  const rowsReply = { visibility: 'channel' as const, text: '', card: { title: '', sections: [{ items: outcome.rows ?? [] }] } };
  const owners = await ownersOf(context.core.store, teamId, rowsReply);
  // Owners are named the way the message named them: a digest names them without pinging (render-for-slack.ts).
  const mentioned = /<@[UW][A-Z0-9]+(?:\|[^>]*)?>/.test(JSON.stringify(original));
  const rows: CardItem[] = (mentioned ? withOwnerMentions(rowsReply, owners) : rowsReply).card?.sections[0].items ?? [];
  const patched = patchMessage(original, rows, outcome.note);
  // A long list answered in the DM came in parts: its headings count rows on the other parts too.
  const { before, after } =
    isDirectConversation(channelId) && press.listContext
      ? await siblingPages(client, { channel: channelId, ts, blocks: original, botId: context.identity.botId }, context.logger)
      : { before: [], after: [] };
  // The header and headings count the rows as the press left them ("1 overdue · 1 done").
  const recounted = retallyPages([...before.map((p) => p.blocks), patched, ...after.map((p) => p.blocks)]);
  const blocks = withConfirms(recounted[before.length], owners, viewerId);
  // The fallback says what the blocks now say (notifications, screen readers), not the counts it was sent with.
  const text = fallbackFromBlocks(blocks) || toMrkdwn(outcome.note ?? outcome.message);
  try {
    await client.chat.update({ channel: channelId, ts, text, blocks });
  } catch (error) {
    // A message the bot may not edit (posted by someone else's integration): replace it through the response_url.
    context.logger.warn({ err: error }, 'chat.update failed; replacing through response_url');
    await respond({ replace_original: true, text, blocks });
  }
  // The other parts, only where a count on them changed.
  const others = [...before, ...after];
  const recountedOthers = [...recounted.slice(0, before.length), ...recounted.slice(before.length + 1)];
  for (const [i, page] of others.entries()) {
    const fresh = recountedOthers[i];
    if (JSON.stringify(fresh) === JSON.stringify(page.blocks)) continue;
    await client.chat
      .update({ channel: channelId, ts: page.ts, text: fallbackFromBlocks(fresh), blocks: fresh })
      .catch((err: unknown) => context.logger.warn({ err }, 'could not recount another part of a long message'));
  }
}

/**
 * Answers only the presser: an ephemeral reply through the response_url that leaves the message
 * alone, else (an expired response_url) chat.postEphemeral.
 */
async function tellPresser(where: {
  respond: RespondFn;
  client: Client;
  channelId?: string;
  userId: string;
  text: string;
  logger: SlackContext['logger'];
}): Promise<void> {
  const text = toMrkdwn(where.text);
  try {
    await where.respond({ response_type: 'ephemeral', replace_original: false, text });
  } catch (error) {
    if (!where.channelId) throw error;
    where.logger.warn({ err: error }, 'response_url failed; answering with chat.postEphemeral');
    await where.client.chat.postEphemeral({ channel: where.channelId, user: where.userId, text });
  }
}
