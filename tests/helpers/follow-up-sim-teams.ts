/**
 * The seed meeting's 90 days through the real Teams adapter (botbuilder, real Bot Framework
 * activities on /api/messages, loopback dev mode) and the local fake Bot Connector: commands are
 * channel messages that @mention the bot, presses are `adaptiveCard/action` invokes built from the
 * card the connector last received for that message, and everything is read as the Adaptive Card's
 * text. The bot is removed by the connector refusing the channel (403), and invited back by an
 * `installationUpdate` add.
 */
import { start as startTeams } from '../../adapters/teams/index.js';
import { HttpServer } from '../../src/cli/http-server.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/main.js';
import type { RunningAdapter } from '../../src/ports/adapter-host.js';
import type { Reply } from '../../src/replies/reply.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector, type RosterMember } from './fake-connector.js';
import { CHANNEL_ID, TENANT, channelMessage, executeActions, fixture, postActivity } from './fake-connector-activities.js';
import { COORDINATOR, OWNERS, ZONE, type Delivery, type Post, type PressRequest, type SimPlatform } from './follow-up-sim.js';
import { tempDbPath } from './temp-db.js';
import { teamsDevEnv } from './teams-dev-env.js';

const PEOPLE = [...OWNERS, COORDINATOR];
/** The team of the recorded activities (tests/fixtures/teams). */
const TEAM_ID = '19:team-foreign-office@thread.tacv2';
const capital = (name: string) => name[0].toUpperCase() + name.slice(1);
/** `sara` → Sara Baig in the roster (`@sara` mentions her: the first name, lower-cased). */
export const teamsMember = (name: string): RosterMember => ({
  id: `29:1${capital(name)}TeamsUserId`,
  aadObjectId: `00000000-0000-0000-0000-${name.padStart(12, '0').slice(-12)}`,
  name: `${capital(name)} ${name === COORDINATOR ? 'Office' : 'Baig'}`,
});

export interface TeamsSim extends SimPlatform {
  connector(): FakeConnector;
}

/**
 * What a person reads in an activity the bot sent: the card when there is one (its text blocks and
 * facts in order, each row of buttons as `[Done] [Snooze]`), else its text.
 */
export function activityText(activity: any): string {
  const card = activity?.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) return String(activity?.text ?? '');
  const lines: string[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TextBlock' && typeof node.text === 'string') lines.push(node.text);
    if (node.type === 'FactSet') for (const fact of node.facts ?? []) lines.push(`${fact.title} ${fact.value}`);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'actions' && Array.isArray(value)) lines.push(value.map((a: any) => `[${a.title}]`).join(' '));
      else if (key !== 'card' && typeof value === 'object') walk(value);
    }
  };
  walk(card.body);
  if (card.actions) lines.push(card.actions.map((a: any) => `[${a.title}]`).join(' '));
  return lines.filter(Boolean).join('\n');
}

export function teamsPlatform(): TeamsSim {
  const db = tempDbPath();
  const address = `teams:${TENANT}:${CHANNEL_ID}`;
  let connector: FakeConnector;
  let http: HttpServer;
  let running: RunningAdapter;
  let base = '';
  let seen = 0;

  /** The activity a connector call carried (a new thread's first post travels inside the create call). */
  const activityOf = (call: ConnectorCall) => (call.path === '/v3/conversations' ? call.body?.activity : call.body);
  /** The message `activityId` as it is now: its last update, else its post. */
  const current = (activityId: string) => {
    const calls = connector.calls.filter(
      (c) => !c.refused && ((c.method === 'PUT' && c.activityId === activityId) || (c.method === 'POST' && c.answeredId === activityId)),
    );
    return activityOf(calls.at(-1)!);
  };
  const split = (messageId: string) => [messageId.slice(0, messageId.lastIndexOf('|')), messageId.slice(messageId.lastIndexOf('|') + 1)];
  const whereOf = (call: ConnectorCall) => {
    const conversation = call.conversationId ?? call.body?.channelData?.channel?.id ?? '';
    if (conversation.split(';')[0] === CHANNEL_ID) return 'channel';
    const owner = PEOPLE.find((p) => conversation === `a:personal-${teamsMember(p).id}`);
    return owner ? `dm:${owner}` : conversation;
  };

  return {
    name: 'teams',
    workspace: TENANT,
    channel: address,
    dm: (owner) => `teams:${TENANT}:user:${teamsMember(owner).aadObjectId}`,
    connector: () => connector,

    async start({ core }) {
      connector = await startFakeConnector();
      // The team's channel list, as Teams gives it: the General channel has no name.
      connector.teamChannels.set(TEAM_ID, [{ id: CHANNEL_ID }]);
      for (const name of PEOPLE) connector.roster.set(teamsMember(name).id, teamsMember(name));
      const config = loadConfig(
        teamsDevEnv(db.file, TENANT, {
          FOLLOWTHROUGH_DEFAULT_TZ: ZONE,
          TEAMS_ADMIN_AAD_IDS: teamsMember(COORDINATOR).aadObjectId,
          LOG_LEVEL: 'error',
        }),
      );
      const logger = createLogger('error');
      http = new HttpServer(logger);
      running = await startTeams({ config, core, logger, http });
      base = `http://127.0.0.1:${(await http.listen(0, '127.0.0.1')).port}`;
      // The coordinator adds the app to the team's General channel: the bot learns where to post.
      const install = fixture('installation-add', connector.url);
      install.from = { id: teamsMember(COORDINATOR).id, aadObjectId: teamsMember(COORDINATOR).aadObjectId };
      await postActivity(base, install);
      return running.chat;
    },

    async say(text, user) {
      const mentioned = PEOPLE.filter((p) => new RegExp(`(^|\\s)@${p}\\b`).test(text)).map(teamsMember);
      const mark = connector.calls.length;
      const activity = channelMessage(connector.url, text, { from: teamsMember(user), mentions: mentioned });
      const response = await postActivity(base, activity);
      if (response.status !== 200) throw new Error(`teams: ${text} answered HTTP ${response.status}`);
      return connector.calls
        .slice(mark)
        .filter((c) => c.method === 'POST' && c.path.includes('/activities'))
        .map((c) => activityText(c.body))
        .join('\n');
    },

    async press(on: Delivery, request: PressRequest) {
      const [conversationId, activityId] = split(on.messageId);
      const before = current(activityId);
      const card = before?.attachments?.[0]?.content;
      const { kind, target, choice } = request;
      const buttons = executeActions(card).filter((a) => a.verb === kind && a.data?.action?.id === target);
      const exact = buttons.find((a) => choice === undefined || a.data.action.choice === choice);
      const button = exact ?? buttons.find((a) => a.data.inputId || a.data.dateId);
      if (!button) throw new Error(`teams: no ${kind}${choice ? ` (${choice})` : ''} button for ${target} in\n${activityText(before)}`);
      const data = { ...button.data };
      if (!exact && choice !== undefined) data[data.dateId ?? data.inputId] = choice;
      const invoke = fixture('card-action', connector.url);
      const person = teamsMember(request.user);
      invoke.from = { id: person.id, name: person.name, aadObjectId: person.aadObjectId };
      if (conversationId.startsWith('a:')) {
        invoke.conversation = { conversationType: 'personal', tenantId: TENANT, id: conversationId };
        invoke.channelData = { tenant: { id: TENANT } };
      } else invoke.conversation.id = conversationId;
      invoke.replyToId = activityId;
      invoke.value.action = { type: 'Action.Execute', title: button.title, verb: kind, data };
      const mark = connector.calls.length;
      const answered = await postActivity(base, invoke);
      const since = connector.calls.slice(mark);
      const edits = since
        .filter((c) => c.method === 'PUT' && !c.refused)
        .map((c) => ({ messageId: `${conversationId}|${c.activityId}`, before: activityText(before), after: activityText(c.body) }));
      const message = answered.body?.type === 'application/vnd.microsoft.activity.message' ? String(answered.body.value ?? '') : '';
      return {
        ok: answered.body?.type === 'application/vnd.microsoft.card.adaptive',
        toPresser: message,
        edits,
        posts: since.filter((c) => c.method === 'POST').length,
      };
    },

    read(_address: string, messageId: string, reply: Reply) {
      return activityText(current(split(messageId)[1])) || reply.text;
    },

    async removeBot() {
      connector.refuse(CHANNEL_ID);
    },

    async inviteBack() {
      connector.allow(CHANNEL_ID);
      const install = fixture('installation-add', connector.url);
      install.from = { id: teamsMember(COORDINATOR).id, aadObjectId: teamsMember(COORDINATOR).aadObjectId };
      await postActivity(base, install);
    },

    collect(now) {
      const posts: Post[] = [];
      for (const call of connector.calls.slice(seen)) {
        if (call.refused || (call.method !== 'PUT' && !(call.method === 'POST' && activityOf(call)?.type === 'message'))) continue;
        posts.push({ at: now, where: whereOf(call), edit: call.method === 'PUT', read: activityText(activityOf(call)) });
      }
      seen = connector.calls.length;
      return posts;
    },

    async stop() {
      await running?.stop();
      await http?.close();
      await connector?.close();
      db.remove();
    },
  };
}
