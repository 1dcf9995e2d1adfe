/**
 * `@Followthrough …` (app_mention, in threads too) and DMs to the app (message.im). Each event's
 * command runs once; its answer is retried with Slack's retries until it arrives (EventOnce).
 */
import type { App } from '@slack/bolt';
import type { Reply } from '../../src/replies/reply.js';
import { withAddButton } from './add-button.js';
import { commitmentIdsIn } from './app-home.js';
import { EventOnce } from './event-once.js';
import { CHANGES } from './listen-commands.js';
import { renderForSlack } from './render-for-slack.js';
import { slackAddress } from './slack-address.js';
import { toInvocation, type SlackContext } from './slack-context.js';
import { eventTeam, servedWorkspace } from './slack-workspace.js';

interface EventEnvelope {
  event_id?: string;
  team_id?: string;
  enterprise_id?: string | null;
  authorizations?: { team_id?: string | null; enterprise_id?: string | null }[];
}

interface Where {
  channel: string;
  user: string;
  threadTs?: string;
  inDm?: boolean;
}

export function listenToMessages(app: App, context: SlackContext): void {
  const once = new EventOnce<Reply>(context.core.store, () => context.core.clock.now());

  const run = async (body: EventEnvelope, client: Client, where: Where, rawText: string, inDm: boolean) => {
    const served = servedWorkspace(context.identity, eventTeam(body));
    if (!served.ok) {
      // Nothing to answer through: this token cannot post in another team.
      context.logger.warn({ team: eventTeam(body) }, 'Slack event from a team this installation does not serve; ignored');
      return;
    }
    const workspace = { id: served.workspaceId, name: served.name };
    await once.handle(
      body.event_id,
      async () => {
        const invocation = await toInvocation(context, {
          workspaceId: workspace.id,
          workspaceName: workspace.name,
          channelId: where.channel,
          userId: where.user,
          rawText,
        });
        const reply = await context.core.handle(invocation);
        // A person writing in the app's DM proves it works again: a DM marked unreachable after a
        // failed delivery (it is stored as their user address) gets its owner messages back.
        if (inDm && (await context.core.reactivateChannel(slackAddress(workspace.id, where.user))) > 0)
          context.logger.info({ user: where.user }, 'DM works again: owner messages resume');
        if (CHANGES.test(invocation.text)) {
          const people = [where.user, ...invocation.mentions.map((m) => m.id)];
          void context.home?.refresh(workspace, commitmentIdsIn(reply.text), people).catch(() => undefined);
        }
        // In a DM everything is between the two of us, so private replies are ordinary messages.
        return inDm ? { ...reply, visibility: 'channel' } : reply;
      },
      (reply) => answer(client, context, workspace.id, reply, { ...where, inDm }),
    );
  };

  app.event('app_mention', async ({ event, body, client }) => {
    if (!event.user) return;
    await run(body, client, { channel: event.channel, user: event.user, threadTs: event.thread_ts }, event.text, false);
  });

  app.event('message', async ({ event, body, client }) => {
    // Only plain messages a person typed in the app's DM: no edits, joins or bot posts.
    if (
      event.channel_type !== 'im' ||
      event.subtype !== undefined ||
      !('user' in event) ||
      !event.user ||
      ('bot_id' in event && event.bot_id)
    )
      return;
    await run(body, client, { channel: event.channel, user: event.user, threadTs: event.thread_ts }, event.text ?? '', true);
  });
}

type Client = Parameters<Parameters<App['event']>[1]>[0]['client'];

async function answer(client: Client, context: SlackContext, workspaceId: string, reply: Reply, where: Where): Promise<void> {
  const viewerId = where.inDm || reply.visibility !== 'channel' ? where.user : undefined;
  const pages = withAddButton(
    await renderForSlack(context.core.store, workspaceId, reply, { mentions: true, viewerId }),
    reply.card?.context,
  );
  for (const page of pages) {
    const message = {
      channel: where.channel,
      text: page.text,
      blocks: page.blocks,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    };
    if (reply.visibility === 'channel') await client.chat.postMessage(message);
    else await client.chat.postEphemeral({ ...message, user: where.user });
  }
}
