/**
 * Every answer button the core writes (issue 11 items 3 and 6), as a person reads it on Slack (Block
 * Kit turned into text) and on Teams (the Adaptive Card's TextBlocks and button titles): an owner's
 * daily message with each kind of question, and a proposed item's review buttons. Built by the core
 * itself from real commitments, rendered by the two pure renderers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForConsole } from '../../adapters/console/console-renderer.js';
import { renderMessages } from '../../adapters/slack/block-kit.js';
import { renderAdaptiveCard } from '../../adapters/teams/adaptive-card.js';
import { ACTIVE_STATUSES } from '../../src/commitments/commitment.js';
import { reminderKindFor } from '../../src/reminders/cadence.js';
import { ownerMessage } from '../../src/reminders/owner-message.js';
import type { Reply } from '../../src/replies/reply.js';
import { createHarness, type Harness } from '../helpers/core-harness.js';
import { executeActions } from '../helpers/fake-connector-activities.js';
import { blockProblem, blocksText } from '../helpers/fake-slack-blocks.js';

let h: Harness;
let daily: Reply;
let proposed: Reply;

beforeAll(async () => {
  h = createHarness('2024-01-29T09:00:00Z');
  await h.say('add Brief the Senate committee due 2024-01-25');
  await h.say('add Appoint liaison officers immediately agreed 2024-01-29');
  await h.say('add Establish a joint coordination mechanism');
  await h.say('add President Raisi visits Pakistan after the formation of the new government');
  await h.say('add Fully implement the security agreements till full eradication of terrorism');
  const open = await h.store.commitments.list('w1', { ownerId: 'alice', statuses: ACTIVE_STATUSES });
  const reminders = open.flatMap((commitment) => {
    const kind = reminderKindFor(commitment);
    return kind ? [{ kind, commitment }] : [];
  });
  daily = ownerMessage({ id: 'alice', name: 'alice' }, reminders, h.clock.now(), 'UTC');
  await h.say('import agreed 2024-01-29 The two foreign ministers agreed to immediately appoint liaison officers in Turbat and Zahedan.');
  proposed = (await h.core.handle(h.invocation('list proposed'))) as Reply;
});
afterAll(() => h.close());

const slackText = (reply: Reply) => {
  const pages = renderMessages(reply);
  for (const page of pages) expect(blockProblem(page.blocks)).toBeUndefined();
  return pages.map((p) => blocksText(p.blocks as never)).join('\n');
};
const teamsText = (reply: Reply) => {
  const card = renderAdaptiveCard(reply);
  const texts: string[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TextBlock') texts.push(node.text);
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) texts.push(`[${node.title}]`);
    for (const value of Object.values(node)) walk(value);
  };
  walk(card.body);
  return texts.join('\n');
};

/** Each answer label, and the row whose question it answers. */
const DAILY_ANSWERS: [string, RegExp][] = [
  ['Keep ~5 Feb', /C-2 Appoint liaison officers/],
  ['Pick a date', /C-2 Appoint liaison officers|C-3 Establish/],
  ["It's ongoing", /C-2|C-3/],
  ['No date needed', /C-3 Establish a joint coordination mechanism/],
  ['Yes, on…', /C-4 President Raisi visits Pakistan/],
  ['Not yet', /C-4/],
  ['Drop', /C-4/],
  ['Still kept', /C-5 Fully implement/],
  ['It has ended', /C-5/],
  ['Not kept', /C-5/],
  ['Done', /C-1 Brief the Senate committee/],
  ['Snooze', /C-1/],
  ['Update status', /C-1/],
];

describe("an owner's daily message, as read on each platform", () => {
  it('Slack shows the header, each group, each question and each answer button by its label', () => {
    const text = slackText(daily);
    expect(text.split('\n')[0]).toMatch(/^Your commitments, Mon 29 Jan — 1 overdue · 2 need a date · 1 waiting on an event · 1 review$/);
    for (const heading of ['Overdue (1)', 'Needs a date (2)', 'Waiting on an event (1)', 'Reviews (1)']) expect(text).toContain(heading);
    expect(text).toMatch(/Promised "immediately" \(~5 Feb\)\. Confirm a date\?/);
    for (const [label] of DAILY_ANSWERS)
      expect(text).toMatch(new RegExp(`\\[(?:📅 )?${label.replace(/[.*+?^${}()|[\]\\~]/g, '\\$&')}[\\] ]`));
    // The answers come first on their row: Keep ~5 Feb before Done.
    const c2 = text.slice(text.indexOf('C-2 Appoint'));
    expect(c2.indexOf('[Keep ~5 Feb]')).toBeLessThan(c2.indexOf('[Done]'));
  });

  it('Teams shows the same header, questions and answer buttons', () => {
    const text = teamsText(daily);
    expect(text.split('\n')[0]).toMatch(/^Your commitments, Mon 29 Jan — 1 overdue/);
    expect(text).toMatch(/Promised "immediately" \(~5 Feb\)\. Confirm a date\?/);
    for (const [label] of DAILY_ANSWERS) expect(text).toContain(`[${label}]`);
  });

  it.each(DAILY_ANSWERS)('"%s" carries a typed action for its own row on both platforms', (label, row) => {
    const slack = renderMessages(daily)[0].blocks as any[];
    const element = slack
      .flatMap((b) => (b.type === 'actions' ? b.elements.map((e: any) => ({ e, target: b.block_id.split('|')[2] })) : []))
      .find(({ e }: any) => (e.text?.text ?? e.placeholder?.text ?? '').startsWith(label));
    expect(element, label).toBeDefined();
    const teams = executeActions(renderAdaptiveCard(daily)).find((a) => a.title === label);
    expect(teams, label).toBeDefined();
    const ids = (daily.card?.sections ?? [])
      .flatMap((s) => s.items ?? [])
      .filter((i) => row.test(i.title))
      .map((i) => i.id);
    // "Yes, on…" and "Not yet" name the event the row waits on; every other answer names the row's commitment.
    expect([...ids, 'E-1']).toContain(element.target);
    expect([...ids, 'E-1']).toContain(teams.data.action.id);
  });
});

describe("an owner's daily message in the console (no buttons)", () => {
  it('says what to type for each answer, and the words do what the button does', async () => {
    const text = renderForConsole(daily, 'UTC');
    expect(text).toContain('To answer, type:');
    expect(text).toMatch(
      /C-2 — Keep ~5 Feb: edit C-2 due 2024-02-05 · Pick a date: edit C-2 due <date> · It's ongoing: edit C-2 due ongoing/,
    );
    expect(text).toMatch(/C-3 — Pick a date: edit C-3 due <date> · It's ongoing: edit C-3 due ongoing · No date needed: edit C-3 due none/);
    expect(text).toMatch(/C-4 — Yes, on…: event E-1 <date> · Drop: drop C-4/);
    expect(text).toMatch(/C-5 — Still kept: review C-5 kept · It has ended: review C-5 ended · Not kept: review C-5 not-kept/);
    // Typing the hint for "Keep ~5 Feb" does what the button would.
    await h.say('edit C-2 due 2024-02-05');
    expect((await h.store.commitments.get('w1', 'C-2'))?.deadline).toMatchObject({ kind: 'exact', due: '2024-02-05' });
  });
});

describe('a proposed item, as read on each platform', () => {
  it('shows Accept, Edit, Reject and an owner picker, and no Done or Snooze', () => {
    const slack = slackText(proposed);
    const teams = teamsText(proposed);
    for (const text of [slack, teams]) {
      expect(text).toMatch(/\[Accept\]/);
      expect(text).toMatch(/\[Edit\]/);
      expect(text).toMatch(/\[Reject\]/);
      expect(text).not.toMatch(/\[Done\]|\[Snooze/);
    }
    expect(slack).toMatch(/\[👤 Owner.*…\]/);
    expect(JSON.stringify(renderAdaptiveCard(proposed))).toContain(
      '"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users"}',
    );
  });
});
