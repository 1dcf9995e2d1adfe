/**
 * Starts the real app (`startApp`) with only the Teams adapter, in loopback dev mode, against a local
 * Bot Connector that knows Alice and Bob: what most Teams end-to-end tests start from.
 */
import { startApp, type App } from '../../src/main.js';
import { ALICE, BOB, TENANT } from './fake-connector-activities.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';
import { teamsDevEnv } from './teams-dev-env.js';
import { tempDbPath } from './temp-db.js';

export interface TeamsHarness {
  connector: FakeConnector;
  app: App;
  /** Where /api/messages is served: `http://127.0.0.1:<port>`. */
  base: string;
  stop(): Promise<void>;
}

export async function startTeamsHarness(extraEnv: Record<string, string> = {}): Promise<TeamsHarness> {
  const db = tempDbPath();
  const connector = await startFakeConnector();
  connector.roster.set(BOB.id, BOB);
  connector.roster.set(ALICE.id, ALICE);
  let app: App | undefined;
  const stop = async () => {
    await app?.stop();
    await connector.close();
    db.remove();
  };
  try {
    app = await startApp(teamsDevEnv(db.file, TENANT, extraEnv));
  } catch (error) {
    await stop();
    throw error;
  }
  return { connector, app, base: `http://127.0.0.1:${app.address!.port}`, stop };
}
