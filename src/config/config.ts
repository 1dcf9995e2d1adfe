/**
 * Configuration: one zod schema over the environment, validated at start-up. A missing or
 * malformed variable fails fast, naming the variable and where to get its value.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const ianaZone = z.string().refine(isIanaZone, { message: 'is not an IANA time zone (for example Europe/Berlin)' });

export const ADAPTER_NAMES = ['slack', 'teams', 'console'] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

/** Every variable, its default and where to get its value (the `.env.example` test reads this). */
export const configSchema = z.object({
  FOLLOWTHROUGH_DB: z.string().min(1).default('data/followthrough.db'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset to use SQLite)')
    .optional(),
  FOLLOWTHROUGH_ADAPTERS: z
    .string()
    .default('auto')
    .refine((v) => v === 'auto' || v.split(',').every((a) => (ADAPTER_NAMES as readonly string[]).includes(a.trim())), {
      message: 'must be "auto" or a comma-separated list of slack, teams, console',
    }),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FOLLOWTHROUGH_DEFAULT_TZ: ianaZone.default('UTC'),
  FOLLOWTHROUGH_QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must look like 20:00-08:00')
    .default('20:00-08:00'),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp-').optional(),
  SLACK_API_URL: z.string().url().optional(),
  SLACK_ADMIN_USER_IDS: list,
  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  TEAMS_ALLOW_UNAUTHENTICATED: bool,
  TEAMS_ALLOWED_TENANTS: list,
  TEAMS_ADMIN_AAD_IDS: list,
});

/** Where a person finds each value: quoted in the start-up error when one is wrong. */
export const WHERE_TO_GET: Record<keyof z.input<typeof configSchema>, string> = {
  FOLLOWTHROUGH_DB: 'a path to the SQLite file, for example data/followthrough.db',
  DATABASE_URL: 'your PostgreSQL connection string; leave unset for SQLite',
  FOLLOWTHROUGH_ADAPTERS: 'auto, or a list such as slack,console',
  HOST: 'the interface to listen on, for example 127.0.0.1',
  PORT: 'a TCP port, for example 3978',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  FOLLOWTHROUGH_DEFAULT_TZ: 'an IANA zone such as Asia/Karachi (see the tz database list)',
  FOLLOWTHROUGH_QUIET_HOURS: 'a range in HH:MM-HH:MM, for example 20:00-08:00',
  SLACK_BOT_TOKEN: 'Slack app settings → OAuth & Permissions → Bot User OAuth Token (xoxb-…)',
  SLACK_SIGNING_SECRET: 'Slack app settings → Basic Information → App Credentials → Signing Secret',
  SLACK_APP_TOKEN: 'Slack app settings → Basic Information → App-Level Tokens, scope connections:write (xapp-…)',
  SLACK_API_URL: "Slack's Web API base URL; only for other Slack hosts and tests (https://slack.com/api/)",
  SLACK_ADMIN_USER_IDS: 'Slack member ids (U…), comma-separated: profile → ⋮ → Copy member ID',
  MICROSOFT_APP_ID: 'Azure portal → your Azure Bot → Configuration → Microsoft App ID',
  MICROSOFT_APP_PASSWORD: 'Azure portal → the bot’s app registration → Certificates & secrets → client secret value',
  MICROSOFT_APP_TENANT_ID: 'Azure portal → Microsoft Entra ID → Overview → Tenant ID',
  MICROSOFT_APP_TYPE: 'SingleTenant (default), MultiTenant or UserAssignedMSI, as chosen when creating the Azure Bot',
  TEAMS_ALLOW_UNAUTHENTICATED: 'true only for local development on a loopback HOST (Agents Playground)',
  TEAMS_ALLOWED_TENANTS: 'Entra tenant ids allowed to talk to the bot, comma-separated (default: the app tenant)',
  TEAMS_ADMIN_AAD_IDS: 'Entra object ids of Teams users who may change any commitment, comma-separated',
};

export type Config = z.output<typeof configSchema> & { adapters: AdapterName[] };

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]) as keyof typeof WHERE_TO_GET;
      return `  ${name} ${issue.message}. Where to get it: ${WHERE_TO_GET[name] ?? 'see .env.example'}.`;
    });
    throw new ConfigError(`Configuration is not valid:\n${lines.join('\n')}`);
  }
  const config = { ...parsed.data, adapters: [] as AdapterName[] };
  config.adapters = chooseAdapters(config);
  return config;
}

/** DESIGN §7: `auto` enables what has credentials, and the console when nothing does. */
export function chooseAdapters(config: z.output<typeof configSchema>): AdapterName[] {
  if (config.FOLLOWTHROUGH_ADAPTERS !== 'auto') {
    const chosen = [...new Set(config.FOLLOWTHROUGH_ADAPTERS.split(',').map((a) => a.trim()))] as AdapterName[];
    if (chosen.includes('slack')) requireSlack(config);
    return chosen;
  }
  const adapters: AdapterName[] = [];
  if (config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN)) adapters.push('slack');
  if (config.MICROSOFT_APP_ID || config.TEAMS_ALLOW_UNAUTHENTICATED) adapters.push('teams');
  if (adapters.length === 0) adapters.push('console');
  return adapters;
}

function requireSlack(config: z.output<typeof configSchema>): void {
  const missing: string[] = [];
  if (!config.SLACK_BOT_TOKEN) missing.push('SLACK_BOT_TOKEN');
  if (!config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) missing.push('SLACK_SIGNING_SECRET');
  if (missing.length > 0) {
    throw new ConfigError(
      `Slack is enabled but not configured:\n${missing.map((m) => `  ${m} is missing. Where to get it: ${WHERE_TO_GET[m as keyof typeof WHERE_TO_GET]}.`).join('\n')}`,
    );
  }
}

export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}
