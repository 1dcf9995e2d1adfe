/**
 * `/commitments …`: ack at once, then answer through the command's response_url (works where the
 * bot is not a member). A bare `/commitments` lists this channel, with a pointer to `help`; a bare
 * `/commitments add` opens the Add form.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { App } from '@slack/bolt';
import type { Reply } from '../../src/replies/reply.js';
import { withAddButton } from './add-button.js';
import { commitmentIdsIn } from './app-home.js';
import { openAddForm } from './listen-add-form.js';
import { renderForSlack } from './render-for-slack.js';
import { toInvocation, type SlackContext } from './slack-context.js';
import { servedWorkspace } from './slack-workspace.js';

export const SLASH_COMMAND = '/commitments';
const RESPONSE_URL_USES = 5;
export const BARE_COMMAND_HINT = 'Type `/commitments help` for everything I can do, or `/commitments add` for a form.';
/** Commands that change commitments: after them, the owners' App Homes are refreshed. */
export const CHANGES = /^(?:add|new|track|done|reopen|snooze|status|edit|drop|accept|event|import)\b/i;

export function listenToCommands(app: App, context: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    // Let requests already waiting be read and acked before this one's work (synchronous store reads) starts.
    await yieldToEventLoop();
    const served = servedWorkspace(context.identity, { teamId: command.team_id, enterpriseId: command.enterprise_id });
    if (!served.ok) {
      await respond({ response_type: 'ephemeral', text: served.refusal });
      return;
    }
    const text = command.text.trim();
    // The trigger_id lives 3 seconds: open the form before anything else. If Slack will not open
    // it, the bare `add` is answered as typed: with what to write.
    if (
      /^(?:add|new|track)$/i.test(text) &&
      (await formOpened(context, () => openAddForm(client, command.trigger_id, {}, { channelId: command.channel_id })))
    )
      return;
    const bare = text === '';
    const invocation = await toInvocation(context, {
      workspaceId: served.workspaceId,
      workspaceName: served.name,
      channelId: command.channel_id,
      channelName: command.channel_name,
      userId: command.user_id,
      userName: command.user_name,
      rawText: bare ? 'list' : command.text,
      checkMembership: true,
    });
    const answered = await context.core.handle(invocation);
    // The command's reads and the rendering are each a stretch of synchronous work: acks waiting meanwhile go first.
    await yieldToEventLoop();
    const reply = bare ? withHint(answered) : answered;
    const responseType = reply.visibility === 'channel' ? 'in_channel' : 'ephemeral';
    // A response_url takes at most 5 posts (in 30 minutes); beyond that the last one says what is left.
    const rendered = await renderForSlack(context.core.store, served.workspaceId, reply, {
      maxMessages: RESPONSE_URL_USES,
      mentions: true,
      viewerId: responseType === 'ephemeral' ? command.user_id : undefined,
    });
    const pages = withAddButton(rendered, reply.card?.context);
    for (const page of pages) await respond({ response_type: responseType, text: page.text, blocks: page.blocks });
    if (CHANGES.test(text)) {
      const mentioned = invocation.mentions.map((m) => m.id);
      await context.home?.refresh({ id: served.workspaceId, name: served.name }, commitmentIdsIn(reply.text), [
        command.user_id,
        ...mentioned,
      ]);
    }
  });
}

async function formOpened(context: SlackContext, open: () => Promise<unknown>): Promise<boolean> {
  try {
    await open();
    return true;
  } catch (error) {
    context.logger.warn({ err: error }, 'could not open the Add form; answering the bare add in words');
    return false;
  }
}

/** The list, with one line saying where the rest of the commands are. */
function withHint(reply: Reply): Reply {
  const footer = reply.card ? [reply.card.footer, BARE_COMMAND_HINT].filter(Boolean).join('\n') : undefined;
  return { ...reply, text: `${reply.text}\n${BARE_COMMAND_HINT}`, ...(reply.card ? { card: { ...reply.card, footer } } : {}) };
}
