/**
 * The transport seam: the only file that touches botbuilder. Microsoft archived the Bot Framework
 * SDK, so everything above this file speaks plain JSON (activities, conversation references,
 * Adaptive Card objects) and a move to `@microsoft/agents-hosting` rewrites this file alone.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import { AuthenticationError, ServiceClientCredentialsFactory, type ConnectorClient, type ConnectorFactory } from 'botframework-connector';
import type { Logger } from 'pino';
import { readJsonRequest, shimResponse } from './http-shim.js';
import { routeLibraryConsole } from './library-console.js';
import { clipText, MAX_SUMMARY_CHARS } from './adaptive-card.js';

/** An activity as Teams sends it (only the fields we read). */
export interface InboundActivity {
  type: string;
  id?: string;
  name?: string;
  action?: string;
  text?: string;
  replyToId?: string;
  serviceUrl: string;
  channelId: string;
  localTimezone?: string;
  from: { id: string; name?: string; aadObjectId?: string };
  recipient: { id: string; name?: string };
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean; name?: string };
  channelData?: { tenant?: { id: string }; channel?: { id: string; name?: string }; team?: { id: string; name?: string } };
  entities?: { type: string; text?: string; mentioned?: { id: string; name?: string } }[];
  membersAdded?: { id: string }[];
  membersRemoved?: { id: string }[];
}

/** A conversation reference as plain JSON (serviceUrl, tenant, conversation, bot): safe to store. */
export type ConversationRef = Record<string, unknown> & {
  serviceUrl: string;
  conversation: { id: string };
  bot?: { id: string; name?: string };
};

export interface OutboundMessage {
  text: string;
  /** An Adaptive Card object. */
  card?: object;
}

export interface Member {
  id: string;
  aadObjectId?: string;
  name: string;
}

/** One incoming activity, with what can be done in reply while it is being handled. */
export interface Turn {
  activity: InboundActivity;
  /** Message text with the bot's own `<at>` mention removed (still HTML). */
  textWithoutBotMention: string;
  reference: ConversationRef;
  reply(message: OutboundMessage): Promise<string | undefined>;
  update(activityId: string, message: OutboundMessage): Promise<void>;
  member(userId: string): Promise<Member | undefined>;
  /** A team channel's name from the team's channel list (Teams leaves General unnamed); undefined when it cannot be read. */
  channelName(teamId: string, channelId: string): Promise<string | undefined>;
}

export interface BotLogic {
  /** False drops the activity before any work (a tenant not on the allow-list). */
  accepts(activity: InboundActivity): boolean;
  message(turn: Turn): Promise<void>;
  installed(turn: Turn): Promise<void>;
  uninstalled(turn: Turn): Promise<void>;
  /**
   * An `Action.Execute` press: a card to show the presser in place of the pressed one, or a message
   * shown to the presser alone that leaves the card as it is (a refusal).
   */
  cardAction(turn: Turn, verb: string, data: Record<string, unknown>): Promise<CardActionAnswer>;
}

export type CardActionAnswer = { card: object } | { message: string };

/** Outbound tokens: production uses MSAL through botbuilder; tests inject a fixed token. */
export type OutboundToken = (appId: string, audience: string | undefined) => Promise<string>;

export interface TransportOptions {
  /** botbuilder's configuration record (MicrosoftAppId, …, and for tests the OpenID settings). */
  settings: Record<string, string>;
  botId: string;
  outboundToken?: OutboundToken;
  logger: Logger;
}

export interface Transport {
  handle(req: IncomingMessage, res: ServerResponse, logic: BotLogic): Promise<void>;
  post(reference: ConversationRef, message: OutboundMessage): Promise<string>;
  /** A new top-level post in a team channel: returns the thread's conversation id and the post's id. */
  startChannelThread(
    reference: ConversationRef,
    channelId: string,
    message: OutboundMessage,
  ): Promise<{ conversationId: string; activityId: string }>;
  /** Creates (or reopens) the 1:1 chat with a member and posts in it. */
  createPersonalChat(
    serviceUrl: string,
    tenantId: string,
    memberId: string,
    message: OutboundMessage,
  ): Promise<{ reference: ConversationRef; activityId: string }>;
  update(reference: ConversationRef, activityId: string, message: OutboundMessage): Promise<void>;
  /** Looks a user (AAD object id or Teams id) up in the roster of the referenced conversation. */
  rosterMember(reference: ConversationRef, userId: string): Promise<Member | undefined>;
}

export function createTransport(options: TransportOptions): Transport {
  const credentialsFactory = options.outboundToken ? new FixedTokenCredentials(options.botId, options.outboundToken) : undefined;
  const auth = unauthorizedOnFailureAndNoSdkRetries(new ConfigurationBotFrameworkAuthentication(options.settings, credentialsFactory));
  const adapter = new CloudAdapter(auth);
  routeLibraryConsole(options.logger);
  answerRefusedTokensQuietly(adapter, options.logger);
  adapter.onTurnError = async (context, error) => {
    options.logger.error({ err: error, activityType: context.activity.type }, 'Teams turn failed');
  };
  const botId = options.botId;

  /** Errors thrown inside a proactive turn would land in onTurnError: carry them out instead. */
  async function proactive<T>(
    start: (logic: (ctx: TurnContext) => Promise<void>) => Promise<void>,
    run: (ctx: TurnContext) => Promise<T>,
  ): Promise<T> {
    let outcome: { value: T } | { error: unknown } | undefined;
    await start(async (ctx) => {
      try {
        outcome = { value: await run(ctx) };
      } catch (error) {
        outcome = { error };
      }
    });
    if (!outcome) throw new Error('the proactive turn did not run');
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }
  const continueIn = <T>(reference: ConversationRef, run: (ctx: TurnContext) => Promise<T>) =>
    proactive((logic) => adapter.continueConversationAsync(botId, reference as Partial<ConversationReference>, logic), run);

  return {
    async handle(req, res, logic) {
      const request = await readJsonRequest(req, res);
      if (!request) return;
      const bot = new FollowthroughHandler(logic);
      await adapter.process(request as never, shimResponse(res) as never, (context) => bot.run(context));
    },
    async post(reference, message) {
      return continueIn(reference, (ctx) => sendNew(ctx, reference, message));
    },
    async startChannelThread(reference, channelId, message) {
      return continueIn(reference, async (ctx) => {
        const [ref, reported] = await TeamsInfo.sendMessageToTeamsChannel(ctx, toActivity(message) as Activity, channelId, botId);
        // botbuilder reports the new conversation's id as the activity id; the post's id is its `;messageid=`.
        const activityId = /;messageid=(.+)$/.exec(ref.conversation.id)?.[1] ?? reported;
        return { conversationId: ref.conversation.id, activityId };
      });
    },
    async createPersonalChat(serviceUrl, tenantId, memberId, message) {
      const parameters = {
        isGroup: false,
        bot: { id: botId, name: 'Followthrough' },
        members: [{ id: memberId }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as unknown as ConversationParameters;
      return proactive(
        (logic) => adapter.createConversationAsync(botId, 'msteams', serviceUrl, undefined as unknown as string, parameters, logic),
        async (ctx) => {
          const reference = plainReference(TurnContext.getConversationReference(ctx.activity));
          reference.conversation = { ...reference.conversation, tenantId, conversationType: 'personal' } as ConversationRef['conversation'];
          const activityId = await sendNew(ctx, reference, message);
          return { reference, activityId };
        },
      );
    },
    async update(reference, activityId, message) {
      await continueIn(reference, async (ctx) => {
        await ctx.updateActivity({ ...toActivity(message), id: activityId, conversation: ctx.activity.conversation });
      });
    },
    async rosterMember(reference, userId) {
      return continueIn(reference, async (ctx) => toMember(await TeamsInfo.getMember(ctx, userId)));
    },
  };
}

class FollowthroughHandler extends TeamsActivityHandler {
  constructor(private readonly logic: BotLogic) {
    super();
    this.onMessage(async (ctx, next) => {
      await logic.message(turnFor(ctx));
      await next();
    });
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await logic.installed(turnFor(ctx));
      await next();
    });
    this.onInstallationUpdateRemove(async (ctx, next) => {
      await logic.uninstalled(turnFor(ctx));
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      if (ctx.activity.membersAdded?.some((m) => m.id === ctx.activity.recipient.id)) await logic.installed(turnFor(ctx));
      await next();
    });
    this.onMembersRemoved(async (ctx, next) => {
      if (ctx.activity.membersRemoved?.some((m) => m.id === ctx.activity.recipient.id)) await logic.uninstalled(turnFor(ctx));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (!this.logic.accepts(context.activity as unknown as InboundActivity)) return;
    await super.run(context);
  }

  protected override async onAdaptiveCardInvoke(ctx: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const data = (value.action.data ?? {}) as Record<string, unknown>;
    const answer = await this.logic.cardAction(turnFor(ctx), value.action.verb, data);
    // Universal Actions: a card replaces the pressed one for the presser; a message is shown to them alone.
    if ('card' in answer) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answer.card as never };
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer.message as never };
  }
}

/** What Teams calls the channel its channel list leaves unnamed. */
const GENERAL_CHANNEL = 'General';

function turnFor(ctx: TurnContext): Turn {
  const activity = ctx.activity as unknown as InboundActivity;
  return {
    activity,
    textWithoutBotMention: ctx.activity.type === 'message' ? (TurnContext.removeRecipientMention(ctx.activity) ?? '') : '',
    reference: plainReference(TurnContext.getConversationReference(ctx.activity)),
    async reply(message) {
      return (await ctx.sendActivity(toActivity(message)))?.id;
    },
    async update(activityId, message) {
      await ctx.updateActivity({ ...toActivity(message), id: activityId, conversation: ctx.activity.conversation });
    },
    async member(userId) {
      try {
        return toMember(await TeamsInfo.getMember(ctx, userId));
      } catch {
        return undefined;
      }
    },
    async channelName(teamId, channelId) {
      // The General channel's id is the team's id, and the channel list gives it no name.
      if (channelId === teamId) return GENERAL_CHANNEL;
      try {
        const found = (await TeamsInfo.getTeamChannels(ctx, teamId)).find((c) => c.id === channelId);
        return found ? (found.name ?? GENERAL_CHANNEL) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** A new message, straight to the connector: `ctx.sendActivity` in a proactive turn would reply to its synthetic event. */
async function sendNew(ctx: TurnContext, reference: ConversationRef, message: OutboundMessage): Promise<string> {
  const connector = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
  const activity = { ...toActivity(message), from: reference.bot, conversation: reference.conversation } as Activity;
  return (await connector.conversations.sendToConversation(reference.conversation.id, activity)).id ?? '';
}

/** A card goes alone (text beside it would show as a second bubble); its text becomes the summary. */
function toActivity(message: OutboundMessage): Partial<Activity> {
  if (!message.card) return { type: 'message', text: message.text };
  return { type: 'message', summary: clipText(message.text, MAX_SUMMARY_CHARS), attachments: [CardFactory.adaptiveCard(message.card)] };
}

function toMember(account: { id: string; aadObjectId?: string; name?: string }): Member {
  return { id: account.id, aadObjectId: account.aadObjectId, name: account.name ?? account.id };
}

/** Plain JSON without `activityId`: a stored reference must start new messages, not reply to one. */
function plainReference(reference: Partial<ConversationReference>): ConversationRef {
  const { activityId: _reply, ...rest } = reference;
  return JSON.parse(JSON.stringify(rest)) as ConversationRef;
}

/**
 * Wraps botbuilder's authentication so that (1) any failure to authenticate is a 401 — botbuilder
 * rethrows a bad signature as a plain error, which `process` would answer with 500 — and (2) the
 * connector clients it makes do not retry: the outbox owns retries and 429 must reach it at once.
 */
function unauthorizedOnFailureAndNoSdkRetries(inner: ConfigurationBotFrameworkAuthentication): ConfigurationBotFrameworkAuthentication {
  const wrapped = Object.create(inner) as ConfigurationBotFrameworkAuthentication;
  wrapped.authenticateRequest = async (activity, authHeader) => {
    try {
      const result = await inner.authenticateRequest(activity, authHeader);
      return { ...result, connectorFactory: result.connectorFactory && withoutRetries(result.connectorFactory) };
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${(error as Error).message}`, 401);
    }
  };
  wrapped.createConnectorFactory = (claimsIdentity) => withoutRetries(inner.createConnectorFactory(claimsIdentity));
  return wrapped;
}

/**
 * CloudAdapter.process prints every failure with console.error (a stack trace for each request
 * without a valid token): an expected refusal is answered 401 here instead, with one JSON log line
 * at warn and no stack, before process ever sees it. Other failures still reach process (500).
 */
function answerRefusedTokensQuietly(adapter: CloudAdapter, logger: Logger): void {
  // processActivity is protected in the typings; process calls it on the instance, so it is replaced there.
  const open = adapter as unknown as { processActivity: (...args: unknown[]) => Promise<unknown> };
  const processActivity = open.processActivity.bind(adapter);
  open.processActivity = async (...args) => {
    try {
      return await processActivity(...args);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      logger.warn({ reason: error.message }, 'Teams request refused: not authenticated');
      return { status: 401, body: 'Unauthorized' };
    }
  };
}

function withoutRetries(factory: ConnectorFactory): ConnectorFactory {
  const wrapped = Object.create(factory) as ConnectorFactory;
  wrapped.create = async (serviceUrl, audience) => {
    const client = await factory.create(serviceUrl, audience);
    (client as unknown as { client?: { pipeline?: { removePolicy(o: { name: string }): void } } }).client?.pipeline?.removePolicy({
      name: 'defaultRetryPolicy',
    });
    return client;
  };
  return wrapped;
}

/** Outbound credentials from an injected token source (MSAL cannot be reached offline). */
class FixedTokenCredentials extends ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly token: OutboundToken,
  ) {
    super();
  }
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials(appId: string, audience: string | undefined) {
    const token = this.token;
    return {
      async signRequest<T extends { headers: { set(name: string, value: string): void } }>(request: T): Promise<T> {
        request.headers.set('authorization', `Bearer ${await token(appId, audience)}`);
        return request;
      },
    } as never;
  }
}
