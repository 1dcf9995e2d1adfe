// A coordinator's channel in Teams with many commitments: every message the bot sends must fit
// Teams' bot message size limit (MessageSizeTooBig above it), and what did not fit is named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../adapters/teams/adaptive-card.js';
import { type App } from '../../src/main.js';
import { channelReply } from '../../src/replies/reply.js';
import type { FakeConnector } from '../helpers/fake-connector.js';
import {
  BOB,
  TENANT,
  channelMessage,
  personalMessage,
  postActivity,
  pressOnCard,
  replyText,
} from '../helpers/fake-connector-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.js';

/** Teams: a bot message must stay within 80 KB counted in UTF-16, two bytes a character (format-your-bot-messages). */
const TEAMS_MESSAGE_BYTES = 80 * 1024;
const utf16Bytes = (value: unknown) => JSON.stringify(value).length * 2;

describe('Teams: a channel with 40 commitments', () => {
  let teams: TeamsHarness;
  let connector: FakeConnector;
  let app: App;
  let base: string;

  beforeAll(async () => {
    teams = await startTeamsHarness();
    ({ connector, app, base } = teams);
    for (let i = 1; i <= 40; i++) {
      const month = String(1 + (i % 12)).padStart(2, '0');
      await postActivity(
        base,
        channelMessage(connector.url, `add Deliver the border market work package number ${i} to the ministry @bob due 2099-${month}-15`, {
          mentions: [BOB],
        }),
      );
    }
  }, 120_000);
  afterAll(async () => {
    await teams?.stop();
  });

  it('`list` fits one Teams message: every item shown, buttons on the first ones, and how to act on the rest', async () => {
    const before = connector.posted().length;
    const response = await postActivity(base, channelMessage(connector.url, 'list'));
    expect(response.status).toBe(200);
    const posted = connector.posted().slice(before);
    expect(posted).toHaveLength(1);
    expect(utf16Bytes(posted[0].body)).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES);
    const text = replyText(posted[0].body);
    expect(text).toMatch(/Commitments in this channel \(40\)/);
    for (let i = 1; i <= 40; i++) expect(text).toContain(`C-${i} Deliver the border market work package number ${i} `);
    expect(text).toMatch(/Buttons are on the first items only .* type `done C-n`/);
    expect(JSON.stringify(posted[0].body)).toMatch(/"verb":"done"/);
  });

  it('a card too long even as text shows the items that fit and says how many more there are', () => {
    const items = Array.from({ length: 300 }, (_, i) => ({
      id: `C-${i + 1}`,
      title: `C-${i + 1} ${'A long commitment title '.repeat(6)}`,
      lines: ['due Fri 15 Mar · @bob'],
    }));
    const card = renderAdaptiveCard(
      channelReply('list', { title: 'Commitments in this channel (300)', sections: [{ heading: 'Later (300)', items }] }),
    );
    expect(utf16Bytes(card)).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES);
    const shown = card.body.filter((e) => e.type === 'Container').length;
    expect(shown).toBeGreaterThan(10);
    expect(JSON.stringify(card.body.at(-1))).toContain(`…and ${300 - shown} more — type \`list overdue\``);
  });

  it('pressing Done on the shortened list answers with a refreshed card that fits too', async () => {
    await postActivity(base, channelMessage(connector.url, 'list'));
    const invoke = pressOnCard(connector.url, connector.posted().at(-1)!, 'done', 'C-12', { from: BOB });
    const before = connector.calls.length;
    const response = await postActivity(base, invoke);
    expect(response.body.statusCode).toBe(200);
    expect(utf16Bytes(response.body)).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES);
    expect(JSON.stringify(response.body.value)).toMatch(/marked C-12 done/);
    const edit = connector.calls.slice(before).find((c) => c.method === 'PUT')!;
    expect(utf16Bytes(edit.body)).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES);
    expect((await app.store.commitments.get(TENANT, 'C-12'))?.status).toBe('done');
  });

  it('a text answer with a time (snooze) shows it in the reader’s own zone, as Slack does, not in UTC', async () => {
    const before = connector.posted().length;
    await postActivity(base, personalMessage(connector.url, 'snooze C-2 1d', BOB));
    const posted = connector.posted().slice(before);
    expect(posted).toHaveLength(1);
    const card = JSON.stringify(posted[0].body.attachments?.[0]?.content ?? {});
    expect(card).toMatch(/Snoozed C-2 until \{\{DATE\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, SHORT\)\}\} \{\{TIME\(/);
  });
});

describe('Teams welcome in a 1:1', () => {
  it('does not promise a digest a 1:1 never gets (digests are per channel); it says nudges arrive there', async () => {
    const { welcomeReply } = await import('../../adapters/teams/welcome-card.js');
    const { createHarness } = await import('../helpers/core-harness.js');
    const h = createHarness();
    try {
      await h.say('add Something of mine due 2024-03-01', { direct: true });
      expect((await h.store.channels.get('w1', 'test:general'))?.schedule ?? null).toBeNull();
    } finally {
      await h.close();
    }
    const personal = welcomeReply('personal', 'UTC');
    expect(personal.text).not.toMatch(/digest/i);
    expect(personal.text).toMatch(/reminders about your own items arrive here/i);
    expect(welcomeReply('channel', 'UTC').text).toMatch(/digest on weekdays at 09:00/);
  });
});
