// The contract conversation through Slack: signed /commitments over HTTP into the real app, replies read from response_url.
import { runConversationContract, type ContractDriver } from '../contract/conversation.js';
import { startSlackHarness } from '../helpers/fake-slack-harness.js';

const USERS = { alice: { user_id: 'U0ALICE', user_name: 'alice' }, bob: { user_id: 'U0BOB', user_name: 'bob' } } as const;

/** What a person reads: Slack's escapes undone, date tokens as their fallback. */
function asRead(mrkdwn: string): string {
  return mrkdwn
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

runConversationContract('slack', async (): Promise<ContractDriver> => {
  const slack = await startSlackHarness();
  return {
    async send(text, user = 'alice') {
      const sent = await slack.slash(text, USERS[user]);
      if (sent.status !== 200) throw new Error(`/slack/events answered ${sent.status}`);
      const answer = await slack.fake.responseTo(sent.responseUrl);
      return asRead(String(answer.body.text));
    },
    // Slack with should_escape: true sends a mention as <@U…|name>.
    mention: (user) => `<@${USERS[user].user_id}|${user}>`,
    close: () => slack.stop(),
  };
});
