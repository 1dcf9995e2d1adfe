/**
 * Configuration: one zod schema over the environment, validated at start-up. A missing or
 * malformed variable fails fast in one line, naming the variable and where to get its value.
 */
import { z } from 'zod';
import { chooseAdapters, chooseHost, refuseOpenUnauthenticatedTeams } from './adapter-choice.js';
import { followthroughHome, resolveFromHome } from './home.js';
import { isIanaZone } from './iana-zone.js';
import { StartupError } from './startup-error.js';
import { WHERE_TO_GET } from './where-to-get.js';

export { isIanaZone };

export { WHERE_TO_GET };
export { isLoopbackHost } from './adapter-choice.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { error: 'must be true or false' })
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const ianaZone = z.string().refine(isIanaZone, { message: 'is not an IANA time zone (for example Europe/Berlin)' });

const httpsUrl = z.string().regex(/^https:\/\/\S+$/, { error: 'must be an https:// address of a page that exists' });

export const ADAPTER_NAMES = ['slack', 'teams', 'console'] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

/** Every variable, its default and where to get its value (the `.env.example` test reads this). */
export const configSchema = z.object({
  FOLLOWTHROUGH_HOME: z.string().min(1).optional(),
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
  // No default here: it depends on the adapters (see chooseHost).
  HOST: z.string().min(1).optional(),
  PORT: z.coerce
    .number({ error: 'must be a whole number from 0 to 65535' })
    .int({ error: 'must be a whole number from 0 to 65535' })
    .min(0, { error: 'must be a whole number from 0 to 65535' })
    .max(65535, { error: 'must be a whole number from 0 to 65535' })
    .default(3978),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  FOLLOWTHROUGH_DEFAULT_TZ: ianaZone.default('UTC'),
  FOLLOWTHROUGH_QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must look like 20:00-08:00')
    .default('20:00-08:00'),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp-').optional(),
  SLACK_API_URL: z.string().url({ error: 'must be a URL such as https://slack.com/api/' }).optional(),
  SLACK_ADMIN_USER_IDS: list,
  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z
    .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], { error: 'must be SingleTenant, MultiTenant or UserAssignedMSI' })
    .default('SingleTenant'),
  TEAMS_ALLOW_UNAUTHENTICATED: bool,
  TEAMS_ALLOWED_TENANTS: list,
  TEAMS_ADMIN_AAD_IDS: list,
  TEAMS_APP_WEBSITE_URL: httpsUrl.optional(),
  TEAMS_APP_PRIVACY_URL: httpsUrl.optional(),
  TEAMS_APP_TERMS_URL: httpsUrl.optional(),
});

export type ParsedConfig = z.output<typeof configSchema>;

export type Config = Omit<ParsedConfig, 'HOST' | 'FOLLOWTHROUGH_HOME'> & {
  /** The folder `.env` and relative paths are read from (FOLLOWTHROUGH_HOME, else the installation). */
  FOLLOWTHROUGH_HOME: string;
  HOST: string;
  adapters: AdapterName[];
};

/** A malformed variable: the one-line start-up error, with the variable's "where to get it". */
export class ConfigError extends StartupError {
  constructor(variable: string, problem: string, options?: { cause?: unknown }) {
    super(variable, problem, WHERE_TO_GET[variable as keyof typeof WHERE_TO_GET] ?? 'see .env.example', options);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a one-line ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const [first, ...others] = parsed.error.issues;
    const more = others.length > 0 ? ` (also wrong: ${[...new Set(others.map((i) => String(i.path[0])))].join(', ')})` : '';
    throw new ConfigError(String(first.path[0]), `${first.message}${more}`);
  }
  const adapters = chooseAdapters(parsed.data);
  const host = chooseHost(parsed.data, adapters);
  refuseOpenUnauthenticatedTeams(parsed.data, adapters, host);
  return {
    ...parsed.data,
    FOLLOWTHROUGH_HOME: followthroughHome(env),
    FOLLOWTHROUGH_DB: parsed.data.FOLLOWTHROUGH_DB === ':memory:' ? ':memory:' : resolveFromHome(parsed.data.FOLLOWTHROUGH_DB, env),
    HOST: host,
    adapters,
  };
}
