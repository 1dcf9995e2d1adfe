// Bot Framework auth on, offline: a local OpenID metadata + JWKS server, tokens signed with jose,
// and botbuilder pointed at them through ToBotFromChannelOpenIdMetadataUrl and its sibling settings.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsAdapter } from '../../adapters/teams/teams-adapter.js';
import { HttpServer } from '../../src/cli/http-server.js';
import { loadConfig } from '../../src/config/config.js';
import { createCore } from '../../src/core.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { TENANT, personalMessage, postActivity } from '../helpers/fake-connector-activities.js';
import { signChannelToken, startFakeOpenId, type FakeOpenId, type KeySet } from '../helpers/fake-openid.js';
import { tempDbPath } from '../helpers/temp-db.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';

describe('Teams auth (JWT verified against a local OpenID server)', () => {
  let openid: FakeOpenId;
  let connector: FakeConnector;
  let keys: KeySet;
  let http: HttpServer;
  let store: Store;
  let base: string;
  const db = tempDbPath();

  beforeAll(async () => {
    openid = await startFakeOpenId();
    connector = await startFakeConnector();
    keys = await openid.addKeySet();
    const emulatorKeys = await openid.addKeySet();
    const config = loadConfig({
      FOLLOWTHROUGH_ADAPTERS: 'teams',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-used-offline',
      MICROSOFT_APP_TENANT_ID: TENANT,
      HOST: '127.0.0.1',
      PORT: '0',
      FOLLOWTHROUGH_DB: db.file,
      LOG_LEVEL: 'silent',
    });
    const logger = pino({ level: 'silent' });
    store = openStore(config);
    http = new HttpServer(logger);
    await startTeamsAdapter(
      { config, core: createCore({ store }), logger, http },
      {
        outboundToken: async () => 'fixed-outbound-token',
        // Setting one of these switches botbuilder to its parameterised mode, so all are given.
        botbuilderSettings: {
          ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          ToBotFromEmulatorOpenIdMetadataUrl: emulatorKeys.metadataUrl,
          ToChannelFromBotLoginUrl: 'https://login.invalid/botframework.com',
          ToChannelFromBotOAuthScope: 'https://api.botframework.com',
          OAuthUrl: 'https://token.invalid',
          CallerId: 'urn:botframework:azure',
          ValidateAuthority: 'true',
        },
      },
    );
    base = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}`;
  });
  afterAll(async () => {
    await http?.close();
    await store?.close();
    await connector?.close();
    await openid?.close();
    db.remove();
  });

  const activity = () => personalMessage(connector.url, 'help');
  const claims = () => ({ aud: APP_ID, serviceurl: connector.url });

  it('accepts a valid token, and answers with the outbound token', async () => {
    const before = connector.calls.length;
    const response = await postActivity(base, activity(), await signChannelToken(keys, claims()));
    expect(response.status).toBe(200);
    const sent = connector.calls.slice(before).find((c) => c.method === 'POST');
    expect(sent?.authorization).toBe('Bearer fixed-outbound-token');
  });

  it.each([
    ['no token', async () => undefined],
    ['wrong audience', async () => signChannelToken(keys, { ...claims(), aud: 'someone-else' })],
    ['expired', async () => signChannelToken(keys, claims(), { expiresInSeconds: -3600 })],
    ['wrong issuer', async () => signChannelToken(keys, { ...claims(), iss: 'https://evil.example' })],
    [
      'wrong signing key',
      async () => {
        const other = await (await startFakeOpenIdOnce()).addKeySet();
        return signChannelToken({ kid: keys.kid, privateKey: other.privateKey }, claims());
      },
    ],
    [
      'serviceurl claim not the activity serviceUrl',
      async () => signChannelToken(keys, { ...claims(), serviceurl: 'https://elsewhere.example/' }),
    ],
  ])('refuses %s with 401, never 500', async (_name, token) => {
    const before = connector.calls.length;
    const response = await postActivity(base, activity(), await token());
    expect(response.status).toBe(401);
    expect(connector.calls.length).toBe(before);
  });
});

/** A throwaway signer for the wrong-key case (its server is never consulted). */
let spare: FakeOpenId | undefined;
async function startFakeOpenIdOnce(): Promise<FakeOpenId> {
  spare ??= await startFakeOpenId();
  return spare;
}
afterAll(async () => {
  await spare?.close();
});
