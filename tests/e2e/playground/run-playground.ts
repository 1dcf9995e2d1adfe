/**
 * `npm run e2e:playground`: Followthrough in Microsoft 365 Agents Playground, the local Teams client,
 * driven by playwright-core and Debian's Chromium. It asserts on what the page shows (the innerText
 * of the rendered messages), not on the JSON sent: `help` keeps every `<id>`/`<title>`/`<when>`,
 * `report`, `import` and `accept` keep one item per line, a text answer shows `<…>` as typed, and an
 * owner's daily message (delivered the way the outbox delivers it) shows its header, groups and
 * answer buttons, each row of buttons on one line (an item's answers together); pressing Done on it
 * changes that row only, counts it anew in the header ("1 overdue · … · 1 done") and says who did it;
 * help shows every usage with no word broken across lines, in words that fit a 1:1 chat (no "this
 * channel"); a digest names its day and groups, and "this conversation"; "It's ongoing" on a row that needs a
 * date moves it under "Reviews", both headings counted anew; Done or Drop on the one row of a section takes its
 * heading away and puts the row under the closed rows' heading. Screenshots of help,
 * the Done answer, report, the digest and the owner's message (before and after the presses) go to tests/e2e/playground/screenshots/ (ignored by git).
 * Not part of `npm test` (it fetches the Playground with npx and drives a browser).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Locator, type Page } from 'playwright-core';
import { startApp, type App } from '../../../src/main.js';
import { channelDigest } from './channel-digest.js';
import { ownerDailyMessage } from './owner-daily-message.js';
import { freePort } from '../../helpers/free-port.js';

const PLAYGROUND = '@microsoft/m365agentsplayground@0.2.28';
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
/** Each bot message (text or card) in the Playground's chat. */
const BOT_MESSAGE = '.fai-OutputCard';

const children: ChildProcess[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'followthrough-playground-'));
let app: App | undefined;

async function main(): Promise<void> {
  ensureChromium();
  // The Playground opens a browser with xdg-open and crashes without one: a stub that exits 0.
  const bin = join(scratch, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const appPort = await freePort();
  const playgroundPort = await freePort();
  // In this process, so the owner's daily message can be delivered through the app's own Teams adapter.
  app = await startApp({
    ...process.env,
    FOLLOWTHROUGH_ADAPTERS: 'teams',
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    HOST: '127.0.0.1',
    PORT: String(appPort),
    FOLLOWTHROUGH_DB: join(scratch, 'playground.db'),
    LOG_LEVEL: 'warn',
  });
  start(
    'playground',
    'npx',
    ['-y', PLAYGROUND, 'start', '-e', `http://127.0.0.1:${appPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--dt'],
    {
      PATH: `${bin}:${process.env.PATH}`,
    },
  );
  await waitForHttp(`http://127.0.0.1:${playgroundPort}/`, 180_000);

  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 2600 } });
    await page.goto(`http://127.0.0.1:${playgroundPort}/`, { waitUntil: 'domcontentloaded' });
    await page.getByText('Connected.').waitFor({ timeout: 60_000 });
    await page.getByText('Personal Chat', { exact: true }).first().click();
    await conversation(page, app);
    console.log(
      `Playground e2e passed. Screenshots in ${SHOTS}: help.png, done.png, report.png, digest.png, owner-daily-message.png, owner-daily-message-after-done.png, refused-press.png, owner-daily-message-after-ongoing.png, owner-daily-message-after-last-row.png`,
    );
  } catch (error) {
    await browser
      .contexts()[0]
      ?.pages()[0]
      ?.screenshot({ path: join(SHOTS, 'failure.png'), fullPage: true });
    throw error;
  } finally {
    await browser.close();
  }
}

async function conversation(page: Page, app: App): Promise<void> {
  // help: every placeholder as typed, one command per row.
  const help = await send(page, 'help', /Followthrough commands/);
  expectText(
    help,
    'help',
    [
      /done <id> \[note\]/,
      /add <title> \[@owner…\]/,
      /within <when>\] \[agreed <date>\]/,
      /snooze <id> <1d\|3d\|1w\|tomorrow\|date>/,
      /Type help <command> for examples\./,
      // A 1:1 chat: `list` here is yours, everywhere, and there is no channel to speak of.
      /Show your open commitments, in every channel/,
    ],
    [/this channel/],
  );
  // Every usage whole: no word of one is broken across two lines (a FactSet's narrow column did that).
  const broken = await page
    .locator(BOT_MESSAGE)
    .last()
    .evaluate(
      (root, usages) =>
        usages.flatMap((usage) => {
          const block = [...root.querySelectorAll('.ac-textBlock')].find((b) => (b as HTMLElement).innerText.trim() === usage);
          if (!block) return [`${usage}: not on a line of its own`];
          const text = block.firstChild?.nodeType === Node.TEXT_NODE ? block.firstChild : block.querySelector('p')?.firstChild;
          if (!text?.textContent) return [`${usage}: no text`];
          const words = [...text.textContent.matchAll(/[A-Za-z]+/g)];
          return words.flatMap((word) => {
            const range = document.createRange();
            range.setStart(text, word.index ?? 0);
            range.setEnd(text, (word.index ?? 0) + word[0].length);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            return tops.size > 1 ? [`${usage}: "${word[0]}" breaks across lines`] : [];
          });
        }),
      [
        'list [mine|overdue|proposed|all|everywhere|@user|tag:x]',
        'edit <id> title|due|owner|parties|tags|source|quote|agreed <value>',
        'snooze <id> <1d|3d|1w|tomorrow|date>',
        'status <id> in-progress|blocked|at-risk|ok [note]',
      ],
    );
  if (broken.length > 0) fail('help', broken.join('; '), help);
  await shoot(page, 'help.png');
  // A text answer (not a card): a code span with <…> must not show as &lt;…&gt;.
  const usage = await send(page, 'done', /Usage:/);
  expectText(usage, 'a usage error', [/Usage: done <id> \[note\]/], [/&lt;|&gt;/]);

  for (const words of [
    'add Appoint liaison officers in Turbat and Zahedan immediately agreed 29 Jan 2024',
    'add Operationalise the joint border markets at an early date agreed 29 Jan 2024',
    'add Fully implement existing security cooperation agreements till full eradication of terrorism agreed 29 Jan 2024',
    'add Establish a joint coordination mechanism at foreign-minister level',
    'add President Raisi visits Pakistan after the formation of the new government following the Feb 8 elections agreed 29 Jan 2024',
    'add Brief the Senate & the Assembly committees due 2024-02-01',
    'add Circulate the minutes due 2024-01-31',
    'add Deploy military liaison officers in each other’s country at an early date',
  ]) {
    await send(page, words, /[Aa]dded C-\d+/);
  }
  await send(page, 'done C-7 sent to all delegations', /marked C-7 done/);
  await shoot(page, 'done.png');

  // report: each item on its own line (they ran together into one paragraph before).
  const report = await send(page, 'report', /Report|report/);
  const reportLines = lines(report);
  for (const id of ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6']) {
    if (!reportLines.some((l) => l.startsWith(`${id} `) || l.includes(` ${id} `) || l.startsWith(`${id}:`)))
      fail('report', `${id} does not start a line of its own`, report);
  }
  expectText(report, 'report', [/Brief the Senate & the Assembly committees/]);
  await shoot(page, 'report.png');

  // import and accept: the proposed items one per line.
  const imported = await send(
    page,
    'import agreed 2024-01-29 Both sides agreed to exchange lists of wanted individuals within two weeks. The two foreign ministers will meet again in the coming months.',
    /propos/i,
  );
  const proposedIds = [...imported.matchAll(/\bC-(\d+)\b/g)].map((m) => `C-${m[1]}`).filter((id, i, all) => all.indexOf(id) === i);
  if (proposedIds.length < 2) fail('import', 'expected two proposed items', imported);
  for (const id of proposedIds) if (!lines(imported).some((l) => l.includes(id))) fail('import', `${id} is not on a line`, imported);
  const accepted = await send(page, 'accept all', /[Aa]ccepted/);
  for (const id of proposedIds)
    if (!lines(accepted).some((l) => l.includes(id))) fail('accept', `${id} is not on a line of its own`, accepted);

  // The digest of this conversation, delivered through the app's Teams adapter as the outbox does.
  const beforeDigest = await page.locator(BOT_MESSAGE).count();
  const digest = await channelDigest(app);
  await app.chatAdapters.get('teams')!.deliver(digest.address, digest.reply, { key: `digest:playground:${Date.now()}` });
  const digestText = await newMessage(page, beforeDigest, /Commitments digest/);
  // This is a 1:1 chat, not a channel: the digest says so in words that fit it.
  expectText(
    digestText,
    'the digest',
    [/^\S.* — .*overdue/m, /Commitments digest for this conversation/, /Overdue \(\d+\)/, /C-6 Brief the Senate/],
    [/this channel/],
  );
  await shoot(page, 'digest.png');

  // The owner's daily message, delivered to this 1:1 through the app's Teams adapter as the outbox does.
  const before = await page.locator(BOT_MESSAGE).count();
  const { address, reply } = await ownerDailyMessage(app);
  await app.chatAdapters.get('teams')!.deliver(address, reply, { key: `owner:playground:${Date.now()}` });
  const daily = await newMessage(page, before, /Your commitments/);
  expectText(daily, "the owner's daily message", [
    /Your commitments, .* — .*overdue/,
    /Overdue \(\d+\)/,
    /Needs a date \(\d+\)/,
    /Waiting on an event \(\d+\)/,
    /Reviews \(\d+\)/,
    /Keep ~\d{1,2} [A-Z][a-z]{2}/,
    /Pick a date/,
    /It's ongoing/,
    /No date needed/,
    /Yes, on…/,
    /Not yet/,
    /Drop/,
    /Still kept/,
    /It has ended/,
    /Not kept/,
    /Brief the Senate & the Assembly committees/,
  ]);
  const dailyMessage = page.locator(BOT_MESSAGE).last();
  await dailyMessage.scrollIntoViewIfNeeded();
  await shoot(page, 'owner-daily-message.png', dailyMessage);
  // Each row of buttons (one ActionSet) fits the card's width: none wraps a button onto a line of its own.
  const wrapped = await wrappedButtonRows(dailyMessage);
  if (wrapped.length > 0) fail("the daily message's buttons", `rows wrap: ${wrapped.join('; ')}`, daily);
  const setDate = await buttonRowsOf(dailyMessage, 'C-4 Establish a joint coordination mechanism');
  if (!setDate.some((row) => row.join(' · ') === "Pick a date · It's ongoing · No date needed"))
    fail("the daily message's buttons", `C-4's answers are not one row: ${JSON.stringify(setDate)}`, daily);

  // Done on the overdue row: that row changes, the rest of the message stays, and it says who did it.
  const row = dailyMessage.locator('.ac-container', { hasText: 'C-6 Brief the Senate' }).last();
  await row.getByRole('button', { name: 'Done', exact: true }).click();
  await page
    .locator(BOT_MESSAGE)
    .last()
    .getByText(/marked C-6 done/)
    .waitFor({ timeout: 30_000 });
  const after = await page.locator(BOT_MESSAGE).last().innerText();
  // The counts follow the row: one of the two overdue items is done now.
  expectText(
    after,
    'the daily message after Done',
    [/Your commitments, .* — 1 overdue · .*1 done/, /Overdue \(1\)/, /marked C-6 done/, /Still kept/, /Pick a date/],
    [/2 overdue/, /Overdue \(2\)/],
  );
  await shoot(page, 'owner-daily-message-after-done.png', page.locator(BOT_MESSAGE).last());

  // A refused press (the item was marked done by typing since the message went out): the message stays as it is.
  const exchange = /(C-\d+) Exchange lists/.exec(after)?.[1];
  if (!exchange) fail('the daily message', 'no "Exchange lists" item', after);
  await send(page, `done ${exchange}`, new RegExp(`marked ${exchange} done`));
  const dailyNow = page
    .locator(BOT_MESSAGE)
    .filter({ hasText: /Your commitments, / })
    .last();
  // The card itself (the Playground shows the presser's private answer as a banner under it, outside the card).
  const cardOf = () => dailyNow.locator('.ac-adaptiveCard').first().innerText();
  const unchanged = await cardOf();
  await dailyNow
    .locator('.ac-container', { hasText: `${exchange} Exchange lists` })
    .last()
    .getByRole('button', { name: 'Done', exact: true })
    .click();
  await page
    .getByText(new RegExp(`${exchange} is already done`))
    .first()
    .waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  if ((await cardOf()) !== unchanged) fail('a refused press', 'the daily message changed', await cardOf());
  const banner = (await dailyNow.innerText()).replace(unchanged, '');
  if (!banner.includes(`${exchange} is already done`)) fail('a refused press', 'the presser was not told why', await dailyNow.innerText());
  await page.screenshot({ path: join(SHOTS, 'refused-press.png') });

  // "It's ongoing" on a row that needs a date: it goes under "Reviews", and both headings count anew.
  const count = (text: string, heading: string) => Number(new RegExp(`${heading} \\((\\d+)\\)`).exec(text)?.[1] ?? Number.NaN);
  const needs = count(unchanged, 'Needs a date');
  const reviews = count(unchanged, 'Reviews');
  await dailyNow
    .locator('.ac-container', { hasText: 'C-4 Establish a joint coordination mechanism' })
    .last()
    .getByRole('button', { name: "It's ongoing", exact: true })
    .click();
  for (let waited = 0; (await cardOf()) === unchanged && waited < 30_000; waited += 250) await page.waitForTimeout(250);
  const moved = await cardOf();
  expectText(moved, "the daily message after It's ongoing", [
    new RegExp(`Needs a date \\(${needs - 1}\\)`),
    new RegExp(`Reviews \\(${reviews + 1}\\)`),
  ]);
  const headingOverC4 = lines(moved)
    .slice(
      0,
      lines(moved).findIndex((l) => l.startsWith('C-4 ')),
    )
    .filter((l) => /^[A-Z][\w ]+ \(\d+\)$/.test(l))
    .at(-1);
  if (headingOverC4 !== `Reviews (${reviews + 1})`) fail("the daily message after It's ongoing", `C-4 is under ${headingOverC4}`, moved);
  await shoot(page, 'owner-daily-message-after-ongoing.png', dailyNow);

  // Done (or Drop) on the one row of a section that counts one: the heading goes with it (no "(0)" over
  // nothing), and the row joins the closed rows at the end.
  const single = sectionsOf(moved).find(
    (s) => s.count === 1 && s.rows.length === 1 && !/^(?:Done|Dropped)/.test(s.heading) && !s.rows[0].startsWith(`${exchange} `),
  );
  if (!single) fail('the daily message', 'no open section with one row to empty', moved);
  const lastRow = dailyNow.locator('.ac-container', { hasText: single.rows[0] }).last();
  const lastId = single.rows[0].split(' ')[0];
  // A row waiting on an event has no Done (its answers are Yes, on… / Not yet / Drop): Drop closes it too.
  const closing = ['Done', 'Drop'];
  const counts = await Promise.all(closing.map((name) => lastRow.getByRole('button', { name, exact: true }).count()));
  const press = closing.find((_, i) => counts[i] > 0);
  if (!press) fail('the daily message', `${lastId} has neither Done nor Drop`, moved);
  await lastRow.getByRole('button', { name: press, exact: true }).click();
  for (let waited = 0; (await cardOf()) === moved && waited < 30_000; waited += 250) await page.waitForTimeout(250);
  const emptied = await cardOf();
  const closedNow = sectionsOf(emptied).find((s) => /^(?:Done|Done or dropped)$/.test(s.heading));
  if (sectionsOf(emptied).some((s) => s.heading === single.heading))
    fail(`the daily message after ${press} on ${lastId}`, `"${single.heading}" is still there`, emptied);
  if (!closedNow?.rows.some((r) => r.startsWith(`${lastId} `)))
    fail(`the daily message after ${press} on ${lastId}`, `${lastId} is not under the closed heading`, emptied);
  await shoot(page, 'owner-daily-message-after-last-row.png', dailyNow);
}

/** A card's text read as its headings ("Overdue (1)") and the rows under each ("C-6 Brief the Senate …"). */
function sectionsOf(text: string): { heading: string; count: number; rows: string[] }[] {
  const sections: { heading: string; count: number; rows: string[] }[] = [];
  for (const line of lines(text)) {
    const heading = /^([A-Z][\w ]+) \((\d+)\)$/.exec(line);
    if (heading) sections.push({ heading: heading[1], count: Number(heading[2]), rows: [] });
    else if (/^C-\d+ /.test(line)) sections.at(-1)?.rows.push(line);
  }
  return sections;
}

/** The visible buttons of each ActionSet in `message` whose buttons sit on more than one line. */
async function wrappedButtonRows(message: Locator): Promise<string[]> {
  return message.evaluate((root) =>
    [...root.querySelectorAll('.ac-actionSet')].flatMap((set) => {
      const buttons = [...set.querySelectorAll('button')].filter(
        (b) => (b as HTMLElement).offsetParent !== null && b.closest('.ac-actionSet') === set,
      );
      const tops = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
      return tops.size > 1 ? [buttons.map((b) => (b as HTMLElement).innerText.trim()).join(' · ')] : [];
    }),
  );
}

/** The button rows (one ActionSet each) of the item whose title starts `title`. */
async function buttonRowsOf(message: Locator, title: string): Promise<string[][]> {
  return message
    .locator('.ac-container', { hasText: title })
    .last()
    .evaluate((item) =>
      [...item.querySelectorAll('.ac-actionSet')].map((set) =>
        [...set.querySelectorAll('button')]
          .filter((b) => (b as HTMLElement).offsetParent !== null && b.closest('.ac-actionSet') === set)
          .map((b) => (b as HTMLElement).innerText.trim()),
      ),
    );
}

/** Types a command and returns the innerText of the bot's answer that matches `expect`. */
async function send(page: Page, text: string, expect: RegExp): Promise<string> {
  const before = await page.locator(BOT_MESSAGE).count();
  const box = page.getByRole('textbox').last();
  await box.click();
  await box.fill(text);
  await box.press('Enter');
  return newMessage(page, before, expect, text);
}

/** Waits for a bot message after the first `before` that matches `expect`; returns its innerText. */
async function newMessage(page: Page, before: number, expect: RegExp, after = 'the delivery'): Promise<string> {
  for (let waited = 0; waited <= 30_000; waited += 250) {
    const messages = page.locator(BOT_MESSAGE);
    const count = await messages.count();
    for (let i = before; i < count; i++) {
      const text = await messages.nth(i).innerText();
      if (expect.test(text)) return text;
    }
    await page.waitForTimeout(250);
  }
  const last = await page
    .locator(BOT_MESSAGE)
    .last()
    .innerText()
    .catch(() => '');
  throw new Error(`no answer matching ${expect} after "${after}"; the last message reads:\n${last}`);
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function expectText(text: string, what: string, present: RegExp[], absent: RegExp[] = []): void {
  for (const pattern of present) if (!pattern.test(text)) fail(what, `missing ${pattern}`, text);
  for (const pattern of absent) if (pattern.test(text)) fail(what, `shows ${pattern}`, text);
}

function fail(what: string, problem: string, text: string): never {
  throw new Error(`${what}: ${problem}. The page shows:\n${text}`);
}

async function shoot(page: Page, name: string, element?: Locator): Promise<void> {
  const target = element ?? page.locator(BOT_MESSAGE).last();
  await target.screenshot({ path: join(SHOTS, name) });
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  console.log('Installing Debian chromium (apt-get install -y chromium)…');
  const result = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], { stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(CHROMIUM))
    throw new Error('Could not install chromium; run `apt-get install -y chromium` as root and try again.');
}

function start(name: string, command: string, args: string[], env: Record<string, string>): void {
  const child = spawn(command, args, { cwd: scratch, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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

async function stopAll(): Promise<void> {
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  await app?.stop().catch(() => undefined);
  rmSync(scratch, { recursive: true, force: true });
}

main()
  .then(async () => {
    await stopAll();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await stopAll();
    process.exit(1);
  });
