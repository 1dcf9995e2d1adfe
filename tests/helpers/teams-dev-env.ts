/** The environment that starts the real app with only the Teams adapter, in loopback dev mode, for tests. */
export function teamsDevEnv(dbFile: string, tenant: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    FOLLOWTHROUGH_ADAPTERS: 'teams',
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    TEAMS_ALLOWED_TENANTS: tenant,
    HOST: '127.0.0.1',
    PORT: '0',
    FOLLOWTHROUGH_DB: dbFile,
    LOG_LEVEL: 'silent',
    ...extra,
  };
}
