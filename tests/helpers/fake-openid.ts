/**
 * A local OpenID metadata + JWKS server and a token signer, so Bot Framework auth can be tested
 * offline. Each key set gets its own metadata URL, because botbuilder caches keys per URL.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface KeySet {
  /** The OpenID metadata URL to give botbuilder (ToBotFromChannelOpenIdMetadataUrl). */
  metadataUrl: string;
  kid: string;
  privateKey: PrivateKey;
}

export interface FakeOpenId {
  url: string;
  /** Publishes a new key set under its own metadata URL. */
  addKeySet(endorsements?: string[]): Promise<KeySet>;
  close(): Promise<void>;
}

export async function startFakeOpenId(): Promise<FakeOpenId> {
  const sets = new Map<string, { jwks: unknown }>();
  const server: Server = createServer((req, res) => {
    const [, name, file] = (req.url ?? '/').split('/');
    const set = sets.get(name);
    if (!set) return void res.writeHead(404).end();
    const body =
      file === 'openid'
        ? { issuer: 'https://api.botframework.com', jwks_uri: `${url}/${name}/keys`, id_token_signing_alg_values_supported: ['RS256'] }
        : set.jwks;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async addKeySet(endorsements = ['msteams']) {
      const name = `set-${randomUUID()}`;
      const kid = `kid-${randomUUID()}`;
      const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
      const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256', endorsements };
      sets.set(name, { jwks: { keys: [jwk] } });
      return { metadataUrl: `${url}/${name}/openid`, kid, privateKey };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Bot Framework channel token: RS256, with the claims Azure Bot Service sends. */
export async function signChannelToken(
  key: { kid: string; privateKey: PrivateKey },
  claims: JWTPayload & { serviceurl?: string },
  options: { expiresInSeconds?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: 'https://api.botframework.com',
    nbf: now - 60,
    iat: now - 60,
    exp: now + (options.expiresInSeconds ?? 3600),
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}
