/**
 * Starts the Slack adapter: learns who the bot is (one auth.test), wires `/commitments`, @mentions,
 * DMs, button presses, the Add form, the message shortcut, the App Home and the join welcome to the
 * core, and delivers reminders through the Web API.
 */
import { WebClient } from '@slack/web-api';
import { WHERE_TO_GET } from '../../src/config/config.js';
import { StartupError } from '../../src/config/startup-error.js';
import type { StartAdapter } from '../../src/ports/adapter-host.js';
import { createBoltApp, webClientOptions } from './bolt-app.js';
import { boltLogger } from './bolt-logger.js';
import { AppHome } from './app-home.js';
import { CommandThread } from './command-thread.js';
import { InFlight } from './in-flight.js';
import { listenToActions } from './listen-actions.js';
import { listenToAddForm } from './listen-add-form.js';
import { listenToHome } from './listen-home.js';
import { listenToMembership } from './listen-membership.js';
import { listenToCommands } from './listen-commands.js';
import { listenToMessages } from './listen-messages.js';
import type { Reply } from '../../src/replies/reply.js';
import { renderForSlack } from './render-for-slack.js';
import { parseSlackAddress } from './slack-address.js';
import { SlackChatAdapter } from './slack-chat-adapter.js';
import type { SlackContext, SlackIdentity } from './slack-context.js';
import { SlackDirectory, slackErrorCode } from './slack-directory.js';

/** How long stopping waits for listeners still at work (Slack's own retries cover anything cut off). */
const STOP_GRACE_MS = 10_000;

export const start: StartAdapter = async ({ config, core, logger, http, threadStore }) => {
  const client = new WebClient(config.SLACK_BOT_TOKEN, { ...webClientOptions(config), logger: boltLogger(logger) });
  const identity = await whoAmI(client, config.SLACK_API_URL);
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
  const inFlight = new InFlight();
  context.inFlight = inFlight;
  // Started by the first list (answered here while the thread loads): an app that is never asked for one never pays for it.
  if (threadStore) context.commandThread = new CommandThread({ store: threadStore }, logger.child({ component: 'command-thread' }));
  bolt.app.error(async (error) => {
    logger.error({ err: error }, 'Slack listener failed');
  });
  // First in the chain: every listener's run (after Bolt's early ack) is tracked until it ends.
  bolt.app.use(async ({ next }) => {
    await inFlight.track(next());
  });
  listenToCommands(bolt.app, context);
  listenToMessages(bolt.app, context);
  listenToActions(bolt.app, context);
  listenToAddForm(bolt.app, context);
  listenToHome(bolt.app, context);
  listenToMembership(bolt.app, context);
  await bolt.start().catch((error: unknown) => {
    throw appTokenFailure(error, config.SLACK_API_URL);
  });
  logger.info(
    { team: identity.teamId, bot: identity.botUserId, mode: config.SLACK_APP_TOKEN ? 'socket' : 'http' },
    'Slack adapter started',
  );
  // A nudge goes to one person (its address is their user id); a digest is seen by the channel.
  const render = (address: string, reply: Reply) => {
    const { teamId, conversationId } = parseSlackAddress(address);
    return renderForSlack(core.store, teamId, reply, { viewerId: /^[UW]/.test(conversationId) ? conversationId : undefined });
  };
  return {
    chat: new SlackChatAdapter(client, render),
    // Listeners already acked may still be answering: let them finish while the store is open.
    stop: async () => {
      await inFlight.drain(STOP_GRACE_MS);
      await context.commandThread?.stop();
      await bolt.stop();
    },
  };
};

/** One auth.test at start: the team that installed us and the bot's ids (Bolt then skips its own). */
async function whoAmI(client: WebClient, apiUrl: string | undefined): Promise<SlackIdentity> {
  let result: Awaited<ReturnType<WebClient['auth']['test']>>;
  try {
    result = await client.auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code)
      throw new StartupError(
        'SLACK_BOT_TOKEN',
        `was refused by Slack (${code}); reinstall the app if the token was revoked`,
        WHERE_TO_GET.SLACK_BOT_TOKEN,
        { cause: error },
      );
    throw unreachable(error, apiUrl, 'SLACK_BOT_TOKEN');
  }
  if (!result.team_id || !result.user_id || !result.bot_id) {
    throw new StartupError(
      'SLACK_BOT_TOKEN',
      'is not a bot token: auth.test did not name the team, bot user and bot',
      WHERE_TO_GET.SLACK_BOT_TOKEN,
    );
  }
  return {
    teamId: result.team_id,
    teamName: result.team,
    ...(result.enterprise_id ? { enterpriseId: result.enterprise_id } : {}),
    isEnterpriseInstall: Boolean(result.is_enterprise_install),
    botUserId: result.user_id,
    botId: result.bot_id,
  };
}

/** Socket Mode's first call (apps.connections.open) uses the app token: its refusal names that token, not the bot's. */
function appTokenFailure(error: unknown, apiUrl: string | undefined): StartupError {
  const code = slackErrorCode(error);
  if (code) {
    return new StartupError(
      'SLACK_APP_TOKEN',
      `was refused by Slack (${code}); it must be an app-level token with the connections:write scope`,
      WHERE_TO_GET.SLACK_APP_TOKEN,
      {
        cause: error,
      },
    );
  }
  return unreachable(error, apiUrl, 'SLACK_APP_TOKEN');
}

function unreachable(error: unknown, apiUrl: string | undefined, token: string): StartupError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (apiUrl)
    return new StartupError('SLACK_API_URL', `=${apiUrl} cannot be reached to check ${token}: ${reason}`, WHERE_TO_GET.SLACK_API_URL, {
      cause: error,
    });
  return new StartupError(
    token,
    `could not be checked: Slack cannot be reached (${reason}); check this machine's network access to slack.com`,
    undefined,
    { cause: error },
  );
}
