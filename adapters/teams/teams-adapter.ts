/**
 * Assembles the Teams adapter: checks the auth mode (refusing unsafe starts), builds the
 * transport, mounts POST /api/messages on the process's one server, and returns the ChatAdapter.
 */
import type { AdapterHost, RunningAdapter } from '../../src/ports/adapter-host.js';
import { teamsAuth } from './auth-settings.js';
import { TeamsChatAdapter } from './teams-chat-adapter.js';
import { createBotLogic } from './teams-bot.js';
import { createTransport, type OutboundToken } from './transport.js';

export interface TeamsAdapterOptions {
  /** Outbound tokens (tests: a fixed token); by default botbuilder asks Entra ID through MSAL. */
  outboundToken?: OutboundToken;
  /** Extra botbuilder settings (tests: a local OpenID metadata URL and its siblings). */
  botbuilderSettings?: Record<string, string>;
}

export async function startTeamsAdapter(host: AdapterHost, options: TeamsAdapterOptions = {}): Promise<RunningAdapter> {
  const { config, core, logger, http } = host;
  const auth = teamsAuth(config);
  if (!auth.authenticated)
    logger.warn('Teams runs WITHOUT authentication (TEAMS_ALLOW_UNAUTHENTICATED=true, loopback only): for local development');
  const transport = createTransport({
    settings: { ...auth.botbuilderSettings, ...options.botbuilderSettings },
    botId: auth.botId,
    outboundToken: options.outboundToken,
    logger,
  });
  const logic = createBotLogic({ core, auth, admins: config.TEAMS_ADMIN_AAD_IDS, logger });
  http.route('POST', '/api/messages', (req, res) => transport.handle(req, res, logic));
  return {
    chat: new TeamsChatAdapter(core.store, transport, logger),
    async stop() {},
  };
}
