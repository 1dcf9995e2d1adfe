// The App Home after changes: one publish at a time per viewer, each built when it runs, and changes
// that come while one is being built join the next build instead of each queueing their own (a person
// pressing Done on five digest rows in a row costs two builds and publishes, not five).
import pino from 'pino';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { AppHome } from '../../adapters/slack/app-home.js';
import type { SlackContext } from '../../adapters/slack/slack-context.js';
import { createHarness, type Harness } from '../helpers/core-harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness('2024-01-29T09:00:00Z');
});
afterEach(() => h.close());

/** A Web API client whose views.publish records the view and waits for the test to let it answer. */
function heldClient() {
  const published: string[] = [];
  const waiting: (() => void)[] = [];
  const client = {
    views: {
      publish: async (args: { view: { blocks: unknown[] } }) => {
        published.push(JSON.stringify(args.view.blocks));
        await new Promise<void>((answer) => waiting.push(answer));
        return { ok: true };
      },
    },
  };
  const answerAll = () => {
    for (const answer of waiting.splice(0)) answer();
  };
  return { client, published, answerAll };
}

it('changes made while the Home is being published join one next build, which shows all of them', async () => {
  await h.say('add Appoint liaison officers @alice due 2024-02-02');
  const { client, published, answerAll } = heldClient();
  const context = {
    core: h.core,
    directory: { user: async (_ws: string, id: string) => ({ id, name: id, tz: 'UTC', isAdmin: false }) },
    logger: pino({ level: 'silent' }),
  } as unknown as SlackContext;
  const home = new AppHome(context, client as never);
  const workspace = { id: 'w1' };
  const first = home.publish(workspace, 'alice');
  await vi.waitFor(() => expect(published).toHaveLength(1));
  // While the first publish is on its way: three more changes, each asking for a refresh.
  await h.say('add Open the border markets @alice due 2024-02-03');
  const later = [home.publish(workspace, 'alice'), home.publish(workspace, 'alice'), home.publish(workspace, 'alice')];
  answerAll();
  await first;
  await vi.waitFor(() => expect(published).toHaveLength(2));
  answerAll();
  await Promise.all(later);
  expect(published).toHaveLength(2);
  expect(published[0]).not.toMatch(/Open the border markets/);
  expect(published[1]).toMatch(/Open the border markets/);
  // Once that build has run, a new change gets a build of its own.
  const again = home.publish(workspace, 'alice');
  await vi.waitFor(() => expect(published).toHaveLength(3));
  answerAll();
  await again;
});
