/** Socket Mode: apps.connections.open hands out a local ws:// URL; a slash command arrives as an envelope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackFixture, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

let slack: SlackHarness;
beforeAll(async () => {
  // With an app token the app connects out to Slack: no signing secret, no public URL.
  slack = await startSlackHarness({ env: { SLACK_APP_TOKEN: 'xapp-1-A0FAKE-1-test', SLACK_SIGNING_SECRET: '' } });
  await slack.fake.socket.connected();
});
afterAll(async () => {
  await slack?.stop();
});

describe('Slack Socket Mode', () => {
  it('acks a slash_commands envelope by envelope_id within 3 s, then answers on response_url', async () => {
    const responseUrl = slack.fake.responseUrl();
    const started = performance.now();
    const { envelopeId, ack } = slack.fake.socket.push('slash_commands', {
      ...slackFixture('slash-command'),
      text: 'add Appoint liaison officers due immediately agreed 2024-01-29',
      response_url: responseUrl,
    });
    const acked = await ack;
    expect(acked.envelope_id).toBe(envelopeId);
    expect(performance.now() - started).toBeLessThan(3000);
    const answer = await slack.fake.responseTo(responseUrl);
    expect(answer.body.response_type).toBe('in_channel');
    expect(answer.body.text).toMatch(/C-1/);
    expect(slack.fake.callsOf('apps.connections.open')).toHaveLength(1);
    expect((await slack.app.store.commitments.get('T0FAKE', 'C-1'))?.title).toBe('Appoint liaison officers');
  });

  it('does not serve /slack/events over HTTP in Socket Mode', async () => {
    const response = await fetch(slack.eventsUrl, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
  });
});
