/**
 * Stopping while a Slack listener is still at work (Bolt acks first, the listener answers after):
 * the app waits for it before closing the store, so nothing fails with "The database connection is
 * not open" (it used to, from the App Home refresh after an `add`). The listener is held in flight
 * deterministically: the fake Slack answers its response_url post only when the test says so.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

let slack: SlackHarness;
const logged: string[] = [];
beforeAll(async () => {
  slack = await startSlackHarness();
  // Every log line the app writes (the adapters log through children of this logger, into its stream).
  const stream = (slack.app.logger as unknown as Record<symbol, { write(line: string): unknown }>)[pino.symbols.streamSym];
  const write = stream.write.bind(stream);
  stream.write = (line: string) => {
    logged.push(line);
    return write(line);
  };
});
afterAll(async () => {
  await slack?.stop();
});

describe('Slack shutdown with a listener in flight', () => {
  it('waits for the listener, then closes the store: no "connection is not open", no listener failure', async () => {
    const release = slack.fake.holdResponses();
    const sent = await slack.slash('add Circulate the agreed minutes due 2030-02-05');
    expect(sent.status).toBe(200);
    // The answer has reached Slack, and the listener is waiting for Slack to take it.
    const answer = await slack.fake.responseTo(sent.responseUrl);
    expect(answer.body.text).toMatch(/added C-1: Circulate the agreed minutes/);
    let stopped = false;
    const stopping = slack.app.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 200));
    // Still waiting on the listener (it is held): the store is not closed under it.
    expect(stopped).toBe(false);
    release();
    await stopping;
    // Anything a late listener would have logged has had time to arrive.
    await new Promise((r) => setTimeout(r, 200));
    expect(logged.join('')).not.toMatch(/database connection is not open|Slack listener failed/);
  });
});
