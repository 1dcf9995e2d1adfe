/**
 * `@Followthrough …` (app_mention, in threads too) and DMs to the app (message.im). Slack retries an
 * event it thinks was missed, so each event id is claimed once in the store before it is handled.
 */
import type { App } from '@slack/bolt';
import type { Reply } from '../../src/replies/reply.js';
import { renderMessages } from './block-kit.js';
import { toInvocation, type SlackContext } from './slack-context.js';

interface EventEnvelope {
  event_id?: string;
  team_id?: string;
  authorizations?: { team_id?: string | null }[];
}

export function listenToMessages(app: App, context: SlackContext): void {
  app.event('app_mention', async ({ event, body, client }) => {
    if (!event.user || !(await firstTime(context, body))) return;
    const teamId = installationTeam(context, body);
    const reply = await context.core.handle(
      await toInvocation(context, { teamId, channelId: event.channel, userId: event.user, rawText: event.text }),
    );
    await answer(client, reply, { channel: event.channel, user: event.user, threadTs: event.thread_ts });
  });

  app.event('message', async ({ event, body, client }) => {
    // Only plain messages a person typed in the app's DM: no edits, joins or bot posts.
    if (event.channel_type !== 'im' || event.subtype !== undefined || !('user' in event) || !event.user || 'bot_id' in event && event.bot_id) return;
    if (!(await firstTime(context, body))) return;
    const teamId = installationTeam(context, body);
    const reply = await context.core.handle(
      await toInvocation(context, { teamId, channelId: event.channel, userId: event.user, rawText: event.text ?? '' }),
    );
    // In a DM everything is between the two of us, so private replies are ordinary messages.
    await answer(client, { ...reply, visibility: 'channel' }, { channel: event.channel, user: event.user, threadTs: event.thread_ts });
  });
}

async function firstTime(context: SlackContext, body: EventEnvelope): Promise<boolean> {
  if (!body.event_id) return true;
  const first = await context.core.store.receipts.claim(`slack:event:${body.event_id}`, context.core.clock.now());
  if (!first) context.logger.debug({ eventId: body.event_id }, 'Slack retried an event already handled; skipped');
  return first;
}

/** Slack Connect: the installation's team (authorizations), not the speaker's. */
function installationTeam(context: SlackContext, body: EventEnvelope): string {
  return body.authorizations?.[0]?.team_id ?? context.identity.teamId ?? body.team_id;
}

type Client = Parameters<Parameters<App['event']>[1]>[0]['client'];

async function answer(client: Client, reply: Reply, where: { channel: string; user: string; threadTs?: string }): Promise<void> {
  for (const page of renderMessages(reply)) {
    const message = { channel: where.channel, text: page.text, blocks: page.blocks, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) };
    if (reply.visibility === 'channel') await client.chat.postMessage(message);
    else await client.chat.postEphemeral({ ...message, user: where.user });
  }
}
