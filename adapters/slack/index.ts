/**
 * Starts the Slack adapter: learns who the bot is (one auth.test), wires `/commitments`, @mentions,
 * DMs, button presses, the Add form, the message shortcut, the App Home and the join welcome to the
 * core, and delivers reminders through the Web API.
 */
import { WebClient } from '@slack/web-api';
import type { StartAdapter } from '../../src/ports/adapter-host.js';
import { createBoltApp, webClientOptions } from './bolt-app.js';
import { boltLogger } from './bolt-logger.js';
import { AppHome } from './app-home.js';
import { listenToActions } from './listen-actions.js';
import { listenToAddForm } from './listen-add-form.js';
import { listenToHome } from './listen-home.js';
import { listenToMembership } from './listen-membership.js';
import { listenToCommands } from './listen-commands.js';
import { listenToMessages } from './listen-messages.js';
import { SlackChatAdapter } from './slack-chat-adapter.js';
import type { SlackContext, SlackIdentity } from './slack-context.js';
import { SlackDirectory, slackErrorCode } from './slack-directory.js';

export const start: StartAdapter = async ({ config, core, logger, http }) => {
  const client = new WebClient(config.SLACK_BOT_TOKEN, { ...webClientOptions(config), logger: boltLogger(logger) });
  const identity = await whoAmI(client);
  const bolt = createBoltApp({
    config,
    identity,
    logger,
    http,
    firstSighting: (signature) => core.store.receipts.claim(`slack:signature:${signature}`, core.clock.now()),
  });
  const context: SlackContext = {
    core,
    identity,
    logger,
    directory: new SlackDirectory({ client, store: core.store, clock: core.clock, logger, adminIds: config.SLACK_ADMIN_USER_IDS }),
  };
  context.home = new AppHome(context, client);
  bolt.app.error(async (error) => {
    logger.error({ err: error }, 'Slack listener failed');
  });
  listenToCommands(bolt.app, context);
  listenToMessages(bolt.app, context);
  listenToActions(bolt.app, context);
  listenToAddForm(bolt.app, context);
  listenToHome(bolt.app, context);
  listenToMembership(bolt.app, context);
  await bolt.start();
  logger.info({ team: identity.teamId, bot: identity.botUserId, mode: config.SLACK_APP_TOKEN ? 'socket' : 'http' }, 'Slack adapter started');
  return { chat: new SlackChatAdapter(client), stop: () => bolt.stop() };
};

/** One auth.test at start: the team that installed us and the bot's ids (Bolt then skips its own). */
async function whoAmI(client: WebClient): Promise<SlackIdentity> {
  try {
    const result = await client.auth.test();
    if (!result.team_id || !result.user_id || !result.bot_id) throw new Error('auth.test did not name the team, bot user and bot');
    return {
      teamId: result.team_id,
      teamName: result.team,
      ...(result.enterprise_id ? { enterpriseId: result.enterprise_id } : {}),
      isEnterpriseInstall: Boolean(result.is_enterprise_install),
      botUserId: result.user_id,
      botId: result.bot_id,
    };
  } catch (error) {
    const code = slackErrorCode(error);
    throw new Error(
      code
        ? `Slack refused SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token (xoxb-…) from your app's settings → OAuth & Permissions, and reinstall the app if it was revoked.`
        : `Could not reach Slack to check SLACK_BOT_TOKEN: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
