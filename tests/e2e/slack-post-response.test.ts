// A response_url post from the command thread (postResponse) is what Bolt's `respond` sends: the
// message as JSON, and a refusal (Slack allows 5 posts per response_url) is an error naming the status.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postResponse } from '../../adapters/slack/post-response.js';
import { FakeSlack } from '../helpers/fake-slack.js';

const fake = new FakeSlack();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

it('posts the message as JSON, in order, and refuses loudly once Slack says the response_url is used up', async () => {
  const url = fake.responseUrl();
  const pages = [1, 2, 3, 4, 5].map((n) => ({
    response_type: 'ephemeral',
    text: `part ${n} — “quoted” & <escaped>`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `page ${n}` } }],
  }));
  for (const page of pages) await postResponse(url, page);
  expect(fake.responses.filter((r) => r.id === url.split('/').pop()).map((r) => r.body)).toEqual(pages);
  await expect(postResponse(url, pages[0])).rejects.toThrow('Failed to respond to the response_url: 404');
  await expect(postResponse('ftp://example.org/x', pages[0])).rejects.toThrow('Not a response_url');
});
