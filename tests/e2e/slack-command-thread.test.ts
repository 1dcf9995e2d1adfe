// Slash-command lists answered in a thread of their own (issue 12, the `slack` benchmark): the thread
// posts exactly the pages the main thread posts, on both engines; a thread that cannot open its
// store fails its answer loudly (nothing posted) and the next answer runs in a fresh thread; and
// while the thread cannot answer, the Slack adapter answers lists itself, as before.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { answerCommand, BARE_COMMAND_HINT, type ResponseMessage } from '../../adapters/slack/answer-command.js';
import { CommandThread } from '../../adapters/slack/command-thread.js';
import { start as startSlack } from '../../adapters/slack/index.js';
import { HttpServer } from '../../src/cli/http-server.js';
import { loadConfig } from '../../src/config/config.js';
import { createCore, type Core } from '../../src/core.js';
import type { Invocation } from '../../src/ports/invocation.js';
import type { StoreConfig } from '../../src/store/open-store.js';
import { ENGINES, useEngines } from '../helpers/engines.js';
import { blocksText } from '../helpers/fake-slack-blocks.js';
import { SIGNING_SECRET, seededFake, slackFixture } from '../helpers/fake-slack-harness.js';
import { FAKE_TEAM, FakeSlack } from '../helpers/fake-slack.js';
import { sendSlashCommand } from '../helpers/fake-slack-signer.js';
import { openTargetStore, type StoreTarget } from '../helpers/store-target.js';

const target = useEngines('ft-command-thread-');
const CHANNEL = `slack:${FAKE_TEAM.id}:C0GENERAL`;
const fake = new FakeSlack();
const threads: CommandThread[] = [];
await fake.start();
afterAll(async () => {
  await Promise.all(threads.map((t) => t.stop()));
  await fake.stop();
});

function storeConfig(where: StoreTarget): StoreConfig {
  return where.engine === 'sqlite'
    ? { FOLLOWTHROUGH_DB: where.file, FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' }
    : { FOLLOWTHROUGH_DB: '', DATABASE_URL: where.url, FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' };
}

function threadOn(store: StoreConfig, errors: string[] = []): CommandThread {
  const thread = new CommandThread({ store }, { error: (_d, message) => errors.push(message), warn: () => undefined });
  threads.push(thread);
  return thread;
}

function invocation(text: string): Invocation {
  return {
    workspace: { id: FAKE_TEAM.id, name: FAKE_TEAM.name },
    channel: { address: CHANNEL, name: 'general', isDirect: false, botIsMember: true },
    user: { id: 'U0ALICE', name: 'alice', tz: 'UTC', isAdmin: false },
    text,
    mentions: [],
    receivedAt: new Date(),
  };
}

async function addItems(core: Core, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) await core.handle(invocation(`add Deliver report ${i} @bob due 2099-03-0${(i % 9) + 1}`));
}

const postsTo = (url: string) => fake.responses.filter((r) => r.id === url.split('/').pop()).map((r) => r.body);

describe.each(ENGINES)('%s', (engine) => {
  it('a list answered in the thread posts the same pages, in the same order, as one answered here', async () => {
    const where = await target(engine);
    const store = openTargetStore(where);
    await store.ready?.();
    const core = createCore({ store });
    // 30 items: two pages (Slack's 50 blocks a message), so order matters.
    await addItems(core, 30);
    const thread = threadOn(storeConfig(where));
    for (const [text, bare] of [
      ['list', false],
      ['list', true],
    ] as const) {
      const url = fake.responseUrl();
      await thread.answer({ invocation: invocation(text), bare }, url);
      const here: ResponseMessage[] = [];
      await answerCommand(core, { invocation: invocation(text), bare }, async (m) => here.push(m));
      const posted = postsTo(url);
      expect(posted).toEqual(JSON.parse(JSON.stringify(here)));
      expect(posted.length).toBe(2);
      const read = posted.map((p) => blocksText(p.blocks)).join('\n');
      expect(read).toContain('Commitments in this channel');
      expect(read).toContain('Deliver report 30');
      expect(read.includes(BARE_COMMAND_HINT)).toBe(bare);
    }
    await store.close();
    await thread.stop();
    await expect(thread.answer({ invocation: invocation('list'), bare: false }, fake.responseUrl())).rejects.toThrow(
      'the command thread is stopped',
    );
  }, 120_000);
});

describe('a thread that cannot open its store', () => {
  it('fails the answer with the reason and nothing posted, says so in the log, and the next answer runs in a fresh thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-command-thread-dies-'));
    try {
      const seededDir = join(dir, 'seeded');
      const blocked = join(dir, 'data');
      const store = openTargetStore({ engine: 'sqlite', file: join(seededDir, 'ft.db') });
      await addItems(createCore({ store }), 3);
      await store.close();
      // The store's folder is a plain file: the thread cannot open its connection and dies.
      writeFileSync(blocked, 'not a folder');
      const errors: string[] = [];
      const thread = threadOn({ FOLLOWTHROUGH_DB: join(blocked, 'ft.db'), FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' }, errors);
      const refused = fake.responseUrl();
      const failure = await thread.answer({ invocation: invocation('list'), bare: false }, refused).catch((e: unknown) => e);
      expect(String(failure)).toMatch(/ENOTDIR|EEXIST|not a directory|file already exists/i);
      expect((failure as { posted?: number }).posted).toBe(0);
      expect(postsTo(refused)).toEqual([]);
      expect(errors).toContain('the command thread crashed');

      rmSync(blocked);
      renameSync(seededDir, blocked);
      const url = fake.responseUrl();
      await thread.answer({ invocation: invocation('list'), bare: false }, url);
      expect(blocksText(postsTo(url)[0].blocks)).toContain('Deliver report 3');
      await thread.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('leaves the Slack adapter answering lists itself: the person still gets their list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-command-thread-adapter-'));
    const slack = await seededFake().start();
    const http = new HttpServer(pino({ level: 'silent' }));
    const logged: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line).msg) });
    const store = openTargetStore({ engine: 'sqlite', file: join(dir, 'ft.db') });
    let stop: (() => Promise<void>) | undefined;
    try {
      const core = createCore({ store });
      await addItems(core, 3);
      writeFileSync(join(dir, 'blocked'), 'not a folder');
      const config = loadConfig({
        FOLLOWTHROUGH_ADAPTERS: 'slack',
        FOLLOWTHROUGH_DB: join(dir, 'ft.db'),
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        LOG_LEVEL: 'error',
      });
      const threadStore = { FOLLOWTHROUGH_DB: join(dir, 'blocked', 'ft.db'), FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' };
      stop = (await startSlack({ config, core, logger, http, threadStore })).stop;
      const { port } = await http.listen(0, '127.0.0.1');
      for (const text of ['list', '']) {
        const url = slack.responseUrl();
        const sent = await sendSlashCommand(
          `http://127.0.0.1:${port}/slack/events`,
          { ...slackFixture('slash-command'), text, response_url: url },
          { secret: SIGNING_SECRET },
        );
        expect(sent.status).toBe(200);
        const answer = await slack.responseTo(url);
        expect(answer.body.response_type).toBe('ephemeral');
        expect(blocksText(answer.body.blocks)).toContain('Deliver report 3');
      }
      // The thread's failure is logged once it has tried to open the store (however long loading takes).
      while (!logged.includes('the command thread crashed')) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await stop?.();
      await http.close();
      await store.close();
      await slack.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
