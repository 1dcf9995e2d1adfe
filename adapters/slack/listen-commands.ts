/** `/commitments …`: ack at once, then answer through the command's response_url (works where the bot is not a member). */
import type { App } from '@slack/bolt';
import { renderMessages } from './block-kit.js';
import { toInvocation, type SlackContext } from './slack-context.js';

export const SLASH_COMMAND = '/commitments';
const RESPONSE_URL_USES = 5;

export function listenToCommands(app: App, context: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    const invocation = await toInvocation(context, {
      teamId: context.identity.teamId,
      channelId: command.channel_id,
      channelName: command.channel_name,
      userId: command.user_id,
      userName: command.user_name,
      rawText: command.text,
      checkMembership: true,
    });
    const reply = await context.core.handle(invocation);
    const responseType = reply.visibility === 'channel' ? 'in_channel' : 'ephemeral';
    // A response_url takes at most 5 posts (in 30 minutes); beyond that the last one says what is left.
    for (const page of renderMessages(reply, { maxMessages: RESPONSE_URL_USES })) await respond({ response_type: responseType, text: page.text, blocks: page.blocks });
  });
}
