// A request to /api/messages without a valid token is an expected refusal: 401, and no plain-text
// stack trace from botbuilder on stderr — nothing at LOG_LEVEL=error, only JSON lines at debug.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

interface Started {
  base: string;
  stderr: () => string;
  /** SIGTERMs the app and resolves once it has exited, so everything it was going to print is in. */
  stop: () => Promise<void>;
}

async function startTeams(logLevel: string): Promise<Started> {
  // A port that was free a moment ago can be taken before the app binds it: then try another.
  for (let attempt = 0; ; attempt++) {
    const started = await startTeamsOn(await freePort(), logLevel);
    if (started !== 'port taken' || attempt === 4) {
      if (started === 'port taken') throw new Error('no free port after 5 tries');
      return started;
    }
  }
}

async function startTeamsOn(port: number, logLevel: string): Promise<Started | 'port taken'> {
  const db = tempDbPath();
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
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) {
      if (/already in use/.test(stderr)) return 'port taken';
      throw new Error(`the app exited before it answered: ${stderr}`);
    }
    if (
      await fetch(`${base}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return { base, stderr: () => stderr, stop };
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
    // Read stderr once the app has exited, not after a guessed pause: then nothing can still be on its way.
    await app.stop();
    expect(app.stderr()).toBe('');
  });

  it('log only JSON lines, without stack traces, at LOG_LEVEL=debug', async () => {
    const app = await startTeams('debug');
    expect((await post(app.base)).status).toBe(401);
    await vi.waitFor(() => expect(app.stderr()).toMatch(/Teams request refused/), { timeout: 20_000, interval: 50 });
    await app.stop();
    const lines = app.stderr().trimEnd().split('\n');
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(app.stderr()).toMatch(/Teams request refused: not authenticated/);
    expect(app.stderr()).not.toMatch(/\n\s+at /);
  });
});
