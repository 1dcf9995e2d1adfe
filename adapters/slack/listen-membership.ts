/**
 * Onboarding: when the bot itself joins a channel (member_joined_channel for its own user), a
 * channel marked inactive after a failed post comes back (issue 11 item 8), and the bot posts one
 * short welcome there — once per channel, however often it is removed and invited back.
 */
import type { App } from '@slack/bolt';
import { slackAddress } from './slack-address.js';
import type { SlackContext } from './slack-context.js';
import { eventTeam, servedWorkspace } from './slack-workspace.js';
import { welcomeText } from './welcome.js';
import { toMrkdwn } from './mrkdwn.js';

export function listenToMembership(app: App, context: SlackContext): void {
  app.event('member_joined_channel', async ({ event, body, client }) => {
    if (event.user !== context.identity.botUserId) return;
    const served = servedWorkspace(context.identity, eventTeam(body));
    if (!served.ok) return;
    const { store, clock } = context.core;
    context.directory.botJoined(served.workspaceId, event.channel);
    const address = slackAddress(served.workspaceId, event.channel);
    // Invited back after a failed post (`not_in_channel`): its digests resume, and `status` stops listing it.
    if ((await context.core.reactivateChannel(address)) > 0)
      context.logger.info({ address }, 'invited back: the channel gets its digests again');
    // Once per channel, ever: a once-only claim (never pruned, unlike the receipts that only stop
    // Slack's retries, after which a bot invited back a day later was welcomed again).
    const claim = `slack:welcome:${address}`;
    if (!(await store.once.claim(claim, clock.now()))) return;
    const channel = await store.channels.get(served.workspaceId, address);
    const text = toMrkdwn(welcomeText({ schedule: channel?.schedule, timeZone: channel?.timeZone, inChannel: true }));
    try {
      await client.chat.postMessage({ channel: event.channel, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
    } catch (error) {
      // Not posted: the next time the bot joins, it may welcome.
      await store.once.release(claim);
      throw error;
    }
  });
}
