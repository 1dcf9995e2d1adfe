/**
 * The seed meeting's 90 days through the real Slack adapter (Bolt over HTTP, signed requests) and
 * the local fake Web API: commands are `/commitments …` slash commands, presses are block_actions on
 * the blocks the fake holds, deliveries are `chat.postMessage` calls, and everything is read as Block
 * Kit turned into text (fake-slack-blocks.ts). The bot leaves #general by no longer being a member
 * (posts fail with `not_in_channel`) and comes back with `member_joined_channel` for its own user.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeAction } from '../../adapters/slack/action-ids.js';
import { start as startSlack } from '../../adapters/slack/index.js';
import { HttpServer } from '../../src/cli/http-server.js';
import { loadConfig } from '../../src/config/config.js';
import type { Core } from '../../src/core.js';
import { createLogger } from '../../src/main.js';
import type { RunningAdapter } from '../../src/ports/adapter-host.js';
import type { Reply } from '../../src/replies/reply.js';
import { blocksText } from './fake-slack-blocks.js';
import { SIGNING_SECRET, slackFixture } from './fake-slack-harness.js';
import { FAKE_BOT, FAKE_TEAM, FakeSlack, type RecordedCall, type ResponseUrlPost } from './fake-slack.js';
import { sendEvent, sendInteraction, sendSlashCommand } from './fake-slack-signer.js';
import { pressPayload } from './slack-press.js';
import { COORDINATOR, OWNERS, ZONE, type Delivery, type Post, type PressRequest, type SimPlatform } from './follow-up-sim.js';

const CHANNEL_ID = 'C0GENERAL';
const PEOPLE = [...OWNERS, COORDINATOR];
/** `sara` → `U0SARA`. */
export const slackUserId = (name: string) => `U0${name.toUpperCase()}`;
const nameOfUser = (id: string) => PEOPLE.find((p) => slackUserId(p) === id || `D${slackUserId(p).slice(1)}` === id);

export interface SlackSim extends SimPlatform {
  readonly fake: FakeSlack;
}

export function slackPlatform(): SlackSim {
  const fake = new FakeSlack().addChannel({ id: CHANNEL_ID, name: 'general', is_member: true });
  for (const name of PEOPLE) fake.addUser({ id: slackUserId(name), name, real_name: name, tz: ZONE, is_admin: name === COORDINATOR });
  const dir = mkdtempSync(join(tmpdir(), 'ft-sim-slack-'));
  const sign = { secret: SIGNING_SECRET };
  let core: Core;
  let http: HttpServer;
  let running: RunningAdapter;
  let eventsUrl = '';
  let seenCalls = 0;
  let seenResponses = 0;
  let events = 0;

  /** Bolt acks first and works after: wait until the fake has heard nothing for a moment. */
  const settle = async () => {
    let count = -1;
    while (count !== fake.calls.length + fake.responses.length) {
      count = fake.calls.length + fake.responses.length;
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const readPost = (post: ResponseUrlPost) => readable(post.body.blocks ? blocksText(post.body.blocks) : String(post.body.text ?? ''));
  const responsesTo = (url: string) => fake.responses.filter((r) => r.id === url.split('/').pop());
  const mention = (text: string) =>
    text.replace(/(^|\s)@([\w.-]+)/g, (_, space: string, name: string) => `${space}<@${slackUserId(name)}|${name}>`);

  return {
    name: 'slack',
    fake,
    workspace: FAKE_TEAM.id,
    channel: `slack:${FAKE_TEAM.id}:${CHANNEL_ID}`,
    dm: (owner) => `slack:${FAKE_TEAM.id}:${slackUserId(owner)}`,

    async start(env) {
      core = env.core;
      await fake.start();
      const config = loadConfig({
        FOLLOWTHROUGH_ADAPTERS: 'slack',
        FOLLOWTHROUGH_DB: join(dir, 'unused.db'),
        FOLLOWTHROUGH_DEFAULT_TZ: ZONE,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        LOG_LEVEL: 'error',
      });
      const logger = createLogger('error');
      http = new HttpServer(logger);
      running = await startSlack({ config, core, logger, http });
      const address = await http.listen(0, '127.0.0.1');
      eventsUrl = `http://127.0.0.1:${address.port}/slack/events`;
      return running.chat;
    },

    async say(text, user) {
      const responseUrl = fake.responseUrl();
      const fields = {
        ...slackFixture('slash-command'),
        text: mention(text),
        user_id: slackUserId(user),
        user_name: user,
        channel_id: CHANNEL_ID,
        channel_name: 'general',
        response_url: responseUrl,
      };
      await sendSlashCommand(eventsUrl, fields, sign);
      await fake.responseTo(responseUrl);
      await settle();
      return responsesTo(responseUrl).map(readPost).join('\n');
    },

    async press(on: Delivery, request: PressRequest) {
      const message = fake.messages.find((m) => m.ts === on.messageId);
      if (!message?.blocks) throw new Error(`slack: no message ${on.messageId}`);
      const action = elementFor(message.blocks, request);
      const responseUrl = fake.responseUrl();
      const mark = fake.calls.length;
      const payload = pressPayload(message.blocks, action, {
        ts: message.ts,
        ephemeral: false,
        user: slackUserId(request.user),
        channel: message.channel,
        text: message.text,
      });
      const before = readable(blocksText(message.blocks));
      await sendInteraction(eventsUrl, { ...payload, response_url: responseUrl }, sign);
      await fake.waitFor(
        (r) =>
          ('id' in r && r.id === responseUrl.split('/').pop()) ||
          ('method' in r && r.method === 'chat.update' && fake.calls.indexOf(r) >= mark),
      );
      await settle();
      const since = fake.calls.slice(mark);
      const answers = responsesTo(responseUrl);
      const edits = [
        ...since
          .filter((c) => c.method === 'chat.update' && c.outcome === 'ok')
          .map((c) => ({ messageId: String(c.args.ts), before, after: readable(blocksText(c.args.blocks)) })),
        ...answers.filter((r) => r.body.replace_original === true).map((r) => ({ messageId: on.messageId, before, after: readPost(r) })),
      ];
      const toPresser = answers
        .filter((r) => r.body.replace_original !== true && r.body.response_type === 'ephemeral')
        .map(readPost)
        .join('\n');
      const posts =
        since.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral').length +
        answers.filter((r) => r.body.response_type === 'in_channel').length;
      return { ok: edits.length > 0, toPresser, edits, posts };
    },

    read(_address: string, messageId: string, reply: Reply) {
      const message = fake.messages.find((m) => m.ts === messageId);
      return readable(message?.blocks ? blocksText(message.blocks) : (message?.text ?? reply.text));
    },

    async removeBot() {
      fake.channels.get(CHANNEL_ID)!.is_member = false;
    },

    async inviteBack() {
      fake.channels.get(CHANNEL_ID)!.is_member = true;
      const envelope = slackFixture('member-joined-channel');
      await sendEvent(
        eventsUrl,
        {
          ...envelope,
          event_id: `EvSIM${++events}`,
          event: { ...envelope.event, user: FAKE_BOT.userId, channel: CHANNEL_ID, inviter: slackUserId(COORDINATOR) },
        },
        sign,
      );
      // The event is acknowledged before it is handled: wait for the channel to be active again.
      for (let waited = 0; waited < 5000; waited += 25) {
        if ((await core.store.channels.get(FAKE_TEAM.id, `slack:${FAKE_TEAM.id}:${CHANNEL_ID}`))?.active) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await settle();
    },

    collect(now) {
      const posts: Post[] = [];
      const where = (channel: string) => (channel === CHANNEL_ID ? 'channel' : nameOfUser(channel) ? `dm:${nameOfUser(channel)}` : channel);
      for (const call of fake.calls.slice(seenCalls) as RecordedCall[]) {
        if (call.outcome !== 'ok' || (call.method !== 'chat.postMessage' && call.method !== 'chat.update')) continue;
        posts.push({
          at: now,
          where: where(String(call.args.channel)),
          edit: call.method === 'chat.update',
          read: readable(call.args.blocks ? blocksText(call.args.blocks) : String(call.args.text ?? '')),
        });
      }
      // A command's answer shown to the whole channel goes through its response_url.
      for (const response of fake.responses.slice(seenResponses)) {
        if (response.body.response_type === 'in_channel')
          posts.push({ at: now, where: 'channel', edit: response.body.replace_original === true, read: readPost(response) });
      }
      seenCalls = fake.calls.length;
      seenResponses = fake.responses.length;
      return posts;
    },

    async stop() {
      await running?.stop();
      await http?.close();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Slack's markup as its client shows it: `<@U0SARA>` as @sara, a `<!date^…|fallback>` as its fallback, `&lt;` as `<`. */
function readable(text: string): string {
  return text
    .replace(/<@(U\w+)(?:\|[^>]*)?>/g, (_, id: string) => `@${nameOfUser(id) ?? id}`)
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The element a person presses for `request` in the actions block of its item: the button (or option) carrying that kind and choice. */
function elementFor(blocks: any[], { kind, target, choice }: PressRequest): Record<string, any> {
  const block = blocks.find((b) => b.type === 'actions' && String(b.block_id).split('|')[2] === target);
  if (!block) throw new Error(`slack: no buttons for ${target} in\n${blocksText(blocks)}`);
  const base = { block_id: block.block_id, action_ts: '1700000300.000300' };
  for (const element of block.elements) {
    const typed = decodeAction(element.value);
    if (element.type === 'button' && typed?.kind === kind && typed.id === target && (choice === undefined || typed.choice === choice)) {
      return { ...base, action_id: element.action_id, type: 'button', text: element.text, value: element.value };
    }
    const option =
      element.type === 'static_select'
        ? element.options.find((o: any) => decodeAction(o.value)?.kind === kind && decodeAction(o.value)?.choice === choice)
        : undefined;
    if (option) return { ...base, action_id: element.action_id, type: 'static_select', selected_option: option };
  }
  throw new Error(`slack: no ${kind}${choice ? ` (${choice})` : ''} element for ${target} in\n${blocksText(blocks)}`);
}
