/**
 * The App Home tab: published when a person opens it (with the welcome on their first visit), and
 * its buttons — the same Done / Snooze / Update status as in lists — acted on and the Home
 * republished, since a Home has no response_url and no ephemeral messages.
 */
import type { App, BlockAction } from '@slack/bolt';
import { ACTION_ID_PATTERN, buttonFromActionId, decodeBlockId } from './action-ids.js';
import { HOME_CALLBACK, commitmentIdsIn } from './app-home.js';
import { slackAddress } from './slack-address.js';
import type { SlackContext } from './slack-context.js';
import { eventTeam, servedWorkspace } from './slack-workspace.js';

type Element = BlockAction['actions'][number];

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
    const button = buttonFromActionId(action.action_id);
    const where = decodeBlockId(action.block_id);
    if (!button || !where) return context.home.publish(workspace, body.user.id, { notice: 'That button is not one I know. Nothing was changed.' });
    const user = await context.directory.user(workspace.id, body.user.id, body.user.name);
    const outcome = await context.core.act({
      workspace,
      channel: { address: slackAddress(workspace.id, body.user.id), isDirect: true },
      user,
      actionId: button.id,
      target: where.target,
      value: valueOf(action),
      context: where.context,
      receivedAt: context.core.clock.now(),
    });
    await context.home.publish(workspace, body.user.id, { notice: outcome.ok ? undefined : outcome.message });
    // The other owners' Homes show the change too.
    if (outcome.ok) await context.home.refresh(workspace, [where.target, ...commitmentIdsIn(outcome.message)]);
  });
}

function valueOf(action: Element): string | undefined {
  if (action.type === 'button') return action.value || undefined;
  if (action.type === 'static_select' || action.type === 'overflow') return action.selected_option?.value;
  if (action.type === 'datepicker') return action.selected_date ?? undefined;
  return undefined;
}
