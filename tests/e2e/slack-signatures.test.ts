/** Requests not signed by Slack — bad, missing or replayed over 5 minutes later — get 401 and change nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSlashCommand, slackSignature } from '../helpers/fake-slack-signer.js';
import { SIGNING_SECRET, slackFixture, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => {
  await slack?.stop();
});

const now = () => Math.floor(Date.now() / 1000);

async function attempt(sign: { secret?: string; timestamp?: number; signature?: string | null }) {
  const fields = { ...slackFixture('slash-command'), text: 'add Forged promise due 2030-01-01', response_url: slack.fake.responseUrl() };
  return sendSlashCommand(slack.eventsUrl, fields, { secret: sign.secret ?? SIGNING_SECRET, ...sign });
}

describe('Slack request signatures', () => {
  it.each([
    ['signed with the wrong secret', { secret: 'not-the-secret' }],
    ['with a made-up signature', { signature: 'v0=' + '0'.repeat(64) }],
    ['without a signature', { signature: null }],
    ['signed correctly but 6 minutes old', { timestamp: now() - 6 * 60 }],
  ])('refuses a request %s with 401', async (_name, sign) => {
    const sent = await attempt(sign);
    expect(sent.status).toBe(401);
    expect(await slack.app.store.commitments.list('T0FAKE', {})).toHaveLength(0);
    expect(slack.fake.responses).toHaveLength(0);
  });

  it('accepts the same request properly signed (the control)', async () => {
    const sent = await attempt({});
    expect(sent.status).toBe(200);
    await slack.fake.waitFor((r: any) => 'id' in r);
    expect(await slack.app.store.commitments.list('T0FAKE', {})).toHaveLength(1);
  });

  it('computes v0 signatures the way Slack documents them', () => {
    // Slack's documented example (api.slack.com/authentication/verifying-requests-from-slack).
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });
});
