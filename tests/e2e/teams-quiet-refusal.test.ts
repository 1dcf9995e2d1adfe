// A request to /api/messages without a valid token is an expected refusal: 401, and no plain-text
// stack trace from botbuilder on stderr — nothing at LOG_LEVEL=error, only JSON lines at debug.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { personalMessage } from '../helpers/fake-connector-activities.js';

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));
const running: { child: ChildProcess; remove(): void }[] = [];
afterEach(() => {
  for (const r of running.splice(0)) {
    r.child.kill('SIGKILL');
    r.remove();
  }
});

async function startTeams(logLevel: string): Promise<{ base: string; stderr: () => string }> {
  const db = tempDbPath();
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      FOLLOWTHROUGH_HOME: db.dir,
      FOLLOWTHROUGH_DB: db.file,
      MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
      MICROSOFT_APP_PASSWORD: 'not-used',
      MICROSOFT_APP_TENANT_ID: 'tenant-1',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: logLevel,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push({ child, remove: db.remove });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${base}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return { base, stderr: () => stderr };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app did not start: ${stderr}`);
}

const post = (base: string, authorization?: string) =>
  fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(personalMessage('https://smba.trafficmanager.net/teams/', 'help')),
  });

describe('unauthenticated requests to /api/messages', () => {
  it('are refused with 401 and print nothing at LOG_LEVEL=error', async () => {
    const app = await startTeams('error');
    expect((await post(app.base)).status).toBe(401);
    expect((await post(app.base, 'Bearer not-a-jwt')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(app.stderr()).toBe('');
  });

  it('log only JSON lines, without stack traces, at LOG_LEVEL=debug', async () => {
    const app = await startTeams('debug');
    expect((await post(app.base)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    const lines = app.stderr().trimEnd().split('\n');
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(app.stderr()).toMatch(/Teams request refused: not authenticated/);
    expect(app.stderr()).not.toMatch(/\n\s+at /);
  });
});
