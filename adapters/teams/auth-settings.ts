/**
 * Decides how the Teams endpoint authenticates, from DESIGN §7's variables: with an app id every
 * request is JWT-verified; without one botbuilder checks nothing, so that is allowed only when
 * asked for (`TEAMS_ALLOW_UNAUTHENTICATED=true`) on a loopback HOST. Also the tenant allow-list.
 */
import { isLoopbackHost, WHERE_TO_GET, type Config } from '../../src/config/config.js';
import { StartupError } from '../../src/config/startup-error.js';

export type TeamsConfig = Pick<
  Config,
  | 'HOST'
  | 'MICROSOFT_APP_ID'
  | 'MICROSOFT_APP_PASSWORD'
  | 'MICROSOFT_APP_TENANT_ID'
  | 'MICROSOFT_APP_TYPE'
  | 'TEAMS_ALLOW_UNAUTHENTICATED'
  | 'TEAMS_ALLOWED_TENANTS'
  | 'TEAMS_ADMIN_AAD_IDS'
>;

export interface TeamsAuth {
  authenticated: boolean;
  /** botbuilder's configuration record (`MicrosoftAppId`, …); empty app id disables checks. */
  botbuilderSettings: Record<string, string>;
  /** The id the bot posts as; a placeholder in dev mode, since botbuilder needs a non-empty one. */
  botId: string;
  /** Empty means every tenant (dev mode with no list, or a multi-tenant app with no list). */
  allowedTenants: string[];
}

export const DEV_BOT_ID = 'followthrough-dev';

/** A Teams setting that makes starting unsafe or impossible: a one-line start-up error naming the variable. */
export class TeamsStartError extends StartupError {
  constructor(variable: string, problem: string) {
    super(variable, problem, WHERE_TO_GET[variable]);
    this.name = 'TeamsStartError';
  }
}

export function teamsAuth(config: TeamsConfig): TeamsAuth {
  const appId = config.MICROSOFT_APP_ID;
  if (!appId) {
    if (!config.TEAMS_ALLOW_UNAUTHENTICATED) {
      throw new TeamsStartError(
        'MICROSOFT_APP_ID',
        'is not set, but Teams is enabled. Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID, or for local development only TEAMS_ALLOW_UNAUTHENTICATED=true with HOST=127.0.0.1',
      );
    }
    if (!isLoopbackHost(config.HOST)) {
      throw new TeamsStartError(
        'HOST',
        `is ${config.HOST}, but with no MICROSOFT_APP_ID nothing checks who calls /api/messages. Refusing to start Teams without authentication on HOST=${config.HOST}: TEAMS_ALLOW_UNAUTHENTICATED=true works only with HOST=127.0.0.1, ::1 or localhost`,
      );
    }
    return {
      authenticated: false,
      botbuilderSettings: { MicrosoftAppId: '' },
      botId: DEV_BOT_ID,
      allowedTenants: config.TEAMS_ALLOWED_TENANTS,
    };
  }
  if (config.MICROSOFT_APP_TYPE === 'SingleTenant' && !config.MICROSOFT_APP_TENANT_ID) {
    throw new TeamsStartError(
      'MICROSOFT_APP_TENANT_ID',
      'is required for a SingleTenant Azure Bot (MICROSOFT_APP_TYPE=SingleTenant) and is not set',
    );
  }
  if (config.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !config.MICROSOFT_APP_PASSWORD) {
    // botbuilder would throw an AssertionError with a stack trace on the first request instead.
    throw new TeamsStartError(
      'MICROSOFT_APP_PASSWORD',
      `is missing: MICROSOFT_APP_ID is set, and a ${config.MICROSOFT_APP_TYPE} Azure Bot needs its client secret`,
    );
  }
  const settings: Record<string, string> = { MicrosoftAppId: appId, MicrosoftAppType: config.MICROSOFT_APP_TYPE };
  if (config.MICROSOFT_APP_PASSWORD) settings.MicrosoftAppPassword = config.MICROSOFT_APP_PASSWORD;
  if (config.MICROSOFT_APP_TENANT_ID) settings.MicrosoftAppTenantId = config.MICROSOFT_APP_TENANT_ID;
  const allowedTenants =
    config.TEAMS_ALLOWED_TENANTS.length > 0
      ? config.TEAMS_ALLOWED_TENANTS
      : config.MICROSOFT_APP_TENANT_ID
        ? [config.MICROSOFT_APP_TENANT_ID]
        : [];
  return { authenticated: true, botbuilderSettings: settings, botId: appId, allowedTenants };
}

export function tenantAllowed(auth: Pick<TeamsAuth, 'allowedTenants'>, tenantId: string | undefined): boolean {
  if (auth.allowedTenants.length === 0) return true;
  return tenantId !== undefined && auth.allowedTenants.includes(tenantId);
}
