/**
 * The App Home tab: published when a person opens it (with the welcome on their first visit), and
 * its buttons — the same Done / Snooze / Update status as in lists — acted on and the Home
 * republished, since a Home has no response_url and no ephemeral messages.
 */
import type { App, BlockAction } from '@slack/bolt';
import { NOT_A_BUTTON } from '../../src/commands/button-action.js';
import { ACTION_ID_PATTERN } from './action-ids.js';
import { HOME_CALLBACK, commitmentIdsIn } from './app-home.js';
import { pressedAction } from './pressed-action.js';
import { slackAddress } from './slack-address.js';
import type { SlackContext } from './slack-context.js';
import { eventTeam, servedWorkspace } from './slack-workspace.js';

export function listenToHome(app: App, context: SlackContext): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home' || !context.home) return;
    const served = servedWorkspace(context.identity, eventTeam(body));
    if (!served.ok) return;
    await context.home.opened({ id: served.workspaceId, name: served.name }, event.user);
  });

  app.action<BlockAction>({ action_id: ACTION_ID_PATTERN, callback_id: HOME_CALLBACK }, async ({ ack, body, action }) => {
    await ack();
    const served = servedWorkspace(context.identity, { teamId: body.team?.id, enterpriseId: body.enterprise?.id });
    if (!served.ok || !context.home) return;
    const workspace = { id: served.workspaceId, name: served.name };
    // The same typed action as on any card: validated by the core, never read as command words.
    const pressed = pressedAction(action);
    if (!pressed) return context.home.publish(workspace, body.user.id, { notice: NOT_A_BUTTON });
    const user = await context.directory.user(workspace.id, body.user.id, body.user.name);
    const outcome = await context.core.act({
      workspace,
      channel: { address: slackAddress(workspace.id, body.user.id), isDirect: true },
      user,
      actionId: pressed.kind,
      target: pressed.id,
      value: pressed.choice,
      context: pressed.context,
      receivedAt: context.core.clock.now(),
    });
    await context.home.publish(workspace, body.user.id, { notice: outcome.ok ? undefined : outcome.message });
    // The other owners' Homes show the change too.
    if (outcome.ok) await context.home.refresh(workspace, [pressed.id, ...commitmentIdsIn(outcome.message)]);
  });
}
