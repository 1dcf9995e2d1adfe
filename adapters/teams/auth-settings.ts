/**
 * Decides how the Teams endpoint authenticates, from DESIGN §7's variables: with an app id every
 * request is JWT-verified; without one botbuilder checks nothing, so that is allowed only when
 * asked for (`TEAMS_ALLOW_UNAUTHENTICATED=true`) on a loopback HOST. Also the tenant allow-list.
 */
import { isLoopbackHost, type Config } from '../../src/config/config.js';

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

export class TeamsStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamsStartError';
  }
}

export function teamsAuth(config: TeamsConfig): TeamsAuth {
  const appId = config.MICROSOFT_APP_ID;
  if (!appId) {
    if (!config.TEAMS_ALLOW_UNAUTHENTICATED) {
      throw new TeamsStartError(
        'Teams is enabled but MICROSOFT_APP_ID is not set. Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID ' +
          '(Azure portal → your Azure Bot → Configuration), or for local development only set TEAMS_ALLOW_UNAUTHENTICATED=true and HOST=127.0.0.1.',
      );
    }
    if (!isLoopbackHost(config.HOST)) {
      throw new TeamsStartError(
        `Refusing to start Teams without authentication on HOST=${config.HOST}: with no MICROSOFT_APP_ID nothing checks who calls /api/messages, ` +
          'so TEAMS_ALLOW_UNAUTHENTICATED=true works only with HOST=127.0.0.1, ::1 or localhost. Set MICROSOFT_APP_ID to serve other interfaces.',
      );
    }
    return { authenticated: false, botbuilderSettings: { MicrosoftAppId: '' }, botId: DEV_BOT_ID, allowedTenants: config.TEAMS_ALLOWED_TENANTS };
  }
  if (config.MICROSOFT_APP_TYPE === 'SingleTenant' && !config.MICROSOFT_APP_TENANT_ID) {
    throw new TeamsStartError(
      'MICROSOFT_APP_TENANT_ID is required for a SingleTenant Azure Bot. Where to get it: Azure portal → Microsoft Entra ID → Overview → Tenant ID.',
    );
  }
  const settings: Record<string, string> = { MicrosoftAppId: appId, MicrosoftAppType: config.MICROSOFT_APP_TYPE };
  if (config.MICROSOFT_APP_PASSWORD) settings.MicrosoftAppPassword = config.MICROSOFT_APP_PASSWORD;
  if (config.MICROSOFT_APP_TENANT_ID) settings.MicrosoftAppTenantId = config.MICROSOFT_APP_TENANT_ID;
  const allowedTenants =
    config.TEAMS_ALLOWED_TENANTS.length > 0 ? config.TEAMS_ALLOWED_TENANTS : config.MICROSOFT_APP_TENANT_ID ? [config.MICROSOFT_APP_TENANT_ID] : [];
  return { authenticated: true, botbuilderSettings: settings, botId: appId, allowedTenants };
}

export function tenantAllowed(auth: Pick<TeamsAuth, 'allowedTenants'>, tenantId: string | undefined): boolean {
  if (auth.allowedTenants.length === 0) return true;
  return tenantId !== undefined && auth.allowedTenants.includes(tenantId);
}
