/**
 * Decides which adapters run, and refuses a partial platform configuration instead of falling back
 * to the console in silence: half a Slack app (a bot token with no way to receive events, or an app
 * token with no bot token) is an operator's mistake, so it stops start-up naming what is missing.
 */
import type { AdapterName, ParsedConfig } from './config.js';
import { StartupError } from './startup-error.js';
import { WHERE_TO_GET } from './where-to-get.js';

const SLACK_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const;
const TEAMS_VARIABLES = ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID'] as const;
const LOOPBACK = '127.0.0.1';
const EVERY_INTERFACE = '0.0.0.0';

function missing(variable: string, problem: string): StartupError {
  return new StartupError(variable, problem, WHERE_TO_GET[variable]);
}

/** DESIGN §7: `auto` enables each platform that has any of its variables (and checks it is complete); the console when none has. */
export function chooseAdapters(config: ParsedConfig): AdapterName[] {
  if (config.FOLLOWTHROUGH_ADAPTERS !== 'auto') {
    const chosen = [...new Set(config.FOLLOWTHROUGH_ADAPTERS.split(',').map((a) => a.trim()))] as AdapterName[];
    const why = `FOLLOWTHROUGH_ADAPTERS=${config.FOLLOWTHROUGH_ADAPTERS}`;
    if (chosen.includes('slack')) requireSlack(config, why);
    if (chosen.includes('teams')) requireTeams(config, why);
    return chosen;
  }
  const adapters: AdapterName[] = [];
  const slackSet = SLACK_VARIABLES.filter((name) => config[name]);
  if (slackSet.length > 0) {
    requireSlack(config, `${slackSet.join(' and ')} ${slackSet.length > 1 ? 'are' : 'is'} set`);
    adapters.push('slack');
  }
  const teamsSet = TEAMS_VARIABLES.filter((name) => config[name]);
  if (teamsSet.length > 0 || config.TEAMS_ALLOW_UNAUTHENTICATED) {
    requireTeams(
      config,
      teamsSet.length > 0 ? `${teamsSet.join(' and ')} ${teamsSet.length > 1 ? 'are' : 'is'} set` : 'TEAMS_ALLOW_UNAUTHENTICATED=true',
    );
    adapters.push('teams');
  }
  if (adapters.length === 0) adapters.push('console');
  return adapters;
}

/** Socket Mode needs the bot token and the app token; HTTP mode the bot token and the signing secret. */
function requireSlack(config: ParsedConfig, why: string): void {
  const forced = why.startsWith('FOLLOWTHROUGH_ADAPTERS') ? `${why} enables Slack, and ` : '';
  if (!config.SLACK_BOT_TOKEN) {
    const mode = config.SLACK_APP_TOKEN
      ? 'Socket Mode (SLACK_APP_TOKEN is set) needs the bot token too'
      : config.SLACK_SIGNING_SECRET
        ? 'HTTP mode (SLACK_SIGNING_SECRET is set) needs the bot token too'
        : 'Slack needs the bot token, with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)';
    throw missing('SLACK_BOT_TOKEN', `is missing: ${forced}${mode}`);
  }
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    throw missing(
      'SLACK_APP_TOKEN',
      `is missing: ${forced || 'SLACK_BOT_TOKEN is set, but '}Slack also needs SLACK_APP_TOKEN for Socket Mode (no public URL needed) or SLACK_SIGNING_SECRET for HTTP mode (Request URL …/slack/events; ${WHERE_TO_GET.SLACK_SIGNING_SECRET})`,
    );
  }
}

/** With an app id, the secret and (single tenant) the tenant; without one, only loopback dev mode. */
function requireTeams(config: ParsedConfig, why: string): void {
  if (!config.MICROSOFT_APP_ID) {
    if (!config.TEAMS_ALLOW_UNAUTHENTICATED) {
      throw new StartupError(
        'MICROSOFT_APP_ID',
        `is not set, but Teams is enabled (${why}). Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID, or for local development only TEAMS_ALLOW_UNAUTHENTICATED=true with HOST=127.0.0.1`,
        WHERE_TO_GET.MICROSOFT_APP_ID,
      );
    }
    return;
  }
  if (config.MICROSOFT_APP_TYPE === 'SingleTenant' && !config.MICROSOFT_APP_TENANT_ID) {
    throw missing('MICROSOFT_APP_TENANT_ID', 'is required for a SingleTenant Azure Bot (MICROSOFT_APP_TYPE=SingleTenant) and is not set');
  }
  if (config.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !config.MICROSOFT_APP_PASSWORD) {
    throw missing(
      'MICROSOFT_APP_PASSWORD',
      `is missing: MICROSOFT_APP_ID is set, and a ${config.MICROSOFT_APP_TYPE} Azure Bot needs its client secret`,
    );
  }
}

/**
 * HOST when it is not set: every interface only when something must receive requests from outside
 * (Slack in HTTP mode, Teams with authentication). Socket Mode connects out, so then the server
 * carries only /healthz and stays on loopback; so does unauthenticated Teams dev mode.
 */
export function chooseHost(config: ParsedConfig, adapters: AdapterName[]): string {
  if (config.HOST) return config.HOST;
  const slackOverHttp = adapters.includes('slack') && !config.SLACK_APP_TOKEN;
  const teamsInbound = adapters.includes('teams') && Boolean(config.MICROSOFT_APP_ID);
  return slackOverHttp || teamsInbound ? EVERY_INTERFACE : LOOPBACK;
}

/** Without an app id botbuilder checks nobody, so unauthenticated Teams may listen on loopback only. */
export function refuseOpenUnauthenticatedTeams(config: ParsedConfig, adapters: AdapterName[], host: string): void {
  if (!adapters.includes('teams') || config.MICROSOFT_APP_ID || isLoopbackHost(host)) return;
  throw new StartupError(
    'HOST',
    `is ${host}, but Teams runs without authentication (TEAMS_ALLOW_UNAUTHENTICATED=true, no MICROSOFT_APP_ID), so nothing would check who calls /api/messages. Refusing to start Teams unauthenticated on HOST=${host}: use HOST=127.0.0.1, ::1 or localhost, or set MICROSOFT_APP_ID`,
    WHERE_TO_GET.HOST,
  );
}

export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}
