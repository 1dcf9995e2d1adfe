/**
 * `npm run e2e:playground`: Followthrough in Microsoft 365 Agents Playground, the local Teams client,
 * driven by playwright-core and Debian's Chromium. Adds two commitments, lists them, presses Done on
 * one card, lists again, and saves screenshots before and after. Not part of `npm test` (it installs
 * a browser and fetches the Playground with npx).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { freePort } from '../../helpers/free-port.js';

const PLAYGROUND = '@microsoft/m365agentsplayground@0.2.28';
const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const children: ChildProcess[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'followthrough-playground-'));

async function main(): Promise<void> {
  ensureChromium();
  // The Playground opens a browser with xdg-open and crashes without one: a stub that exits 0.
  const bin = join(scratch, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const appPort = await freePort();
  const playgroundPort = await freePort();
  start('app', process.execPath, ['src/cli/bin.js', 'start'], {
    FOLLOWTHROUGH_ADAPTERS: 'teams',
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    HOST: '127.0.0.1',
    PORT: String(appPort),
    FOLLOWTHROUGH_DB: join(scratch, 'playground.db'),
    LOG_LEVEL: 'warn',
  });
  await waitForHttp(`http://127.0.0.1:${appPort}/healthz`);
  start('playground', 'npx', ['-y', PLAYGROUND, 'start', '-e', `http://127.0.0.1:${appPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--dt'], {
    PATH: `${bin}:${process.env.PATH}`,
  });
  await waitForHttp(`http://127.0.0.1:${playgroundPort}/`, 180_000);

  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`http://127.0.0.1:${playgroundPort}/`, { waitUntil: 'domcontentloaded' });
    await page.getByText('Connected.').waitFor({ timeout: 60_000 });
    await page.getByText('Personal Chat', { exact: true }).first().click();
    await send(page, 'add Appoint liaison officers in Turbat and Zahedan due 2099-03-15', /Added C-1/);
    await send(page, 'add Operationalise the joint border markets due at an early date agreed 29 Jan 2024', /Added C-2/);
    await send(page, 'list', /C-2 Operationalise/);
    await page.screenshot({ path: join(SHOTS, 'before-done.png') });
    // Done on C-1's row of the list card (the last card in the chat).
    const listCard = page.locator('.ac-adaptiveCard').last();
    const row = listCard.locator('.ac-container', { hasText: 'C-1 Appoint' }).last();
    await row.getByRole('button', { name: 'Done' }).click();
    await page.getByText(/marked C-1 done/).first().waitFor({ timeout: 30_000 });
    await send(page, 'list', /Your open commitments|C-2/, 2);
    const lastCard = await page.locator('.ac-adaptiveCard').last().innerText();
    if (/C-1 Appoint/.test(lastCard)) throw new Error(`C-1 is still listed after Done:\n${lastCard}`);
    if (!/C-2 Operationalise/.test(lastCard)) throw new Error(`C-2 is missing from the list after Done:\n${lastCard}`);
    await page.screenshot({ path: join(SHOTS, 'after-done.png') });
    console.log(`Playground e2e passed. Screenshots: ${join(SHOTS, 'before-done.png')}, ${join(SHOTS, 'after-done.png')}`);
  } catch (error) {
    await browser.contexts()[0]?.pages()[0]?.screenshot({ path: join(SHOTS, 'failure.png') });
    throw error;
  } finally {
    await browser.close();
  }
}

/** Types a command into the compose box and waits until a reply matching `expect` shows. */
async function send(page: Page, text: string, expect: RegExp, occurrences = 1): Promise<void> {
  const before = await page.getByText(expect).count();
  const box = page.getByRole('textbox').last();
  await box.click();
  await box.fill(text);
  await box.press('Enter');
  const wanted = Math.max(before + 1, occurrences);
  for (let waited = 0; (await page.getByText(expect).count()) < wanted; waited += 250) {
    if (waited > 30_000) throw new Error(`no reply matching ${expect} after "${text}"`);
    await page.waitForTimeout(250);
  }
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  console.log('Installing Debian chromium (apt-get install -y chromium)…');
  const result = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], { stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(CHROMIUM)) throw new Error('Could not install chromium; run `apt-get install -y chromium` as root and try again.');
}

function start(name: string, command: string, args: string[], env: Record<string, string>): void {
  const child = spawn(command, args, { cwd: name === 'app' ? ROOT : scratch, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d));
  child.stderr?.on('data', (d: Buffer) => (log += d));
  child.on('exit', (code) => {
    if (code && code !== 0) console.error(`${name} exited with ${code}:\n${log.slice(-3000)}`);
  });
  children.push(child);
}

async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopAll(): void {
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  rmSync(scratch, { recursive: true, force: true });
}

main()
  .then(() => {
    stopAll();
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error);
    stopAll();
    process.exit(1);
  });
