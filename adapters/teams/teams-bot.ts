/**
 * What the bot does with each Teams activity: commands as text → core → reply in the same
 * conversation (thread), card buttons → core.act → the refreshed card in place, install and removal
 * → conversation references and the welcome card. Speaks only the transport's plain-JSON types.
 */
import type { Logger } from 'pino';
import { isIanaZone } from '../../src/config/config.js';
import type { Core } from '../../src/core.js';
import type { Invocation, Mention } from '../../src/ports/invocation.js';
import { replaceInstants, type Reply } from '../../src/replies/reply.js';
import { NOT_A_BUTTON } from '../../src/commands/button-action.js';
import { plainText, renderAdaptiveCard } from './adaptive-card.js';
import { pressedCardAction } from './card-action-data.js';
import { patchReply, withLogLine } from './patch-reply.js';
import {
  patchSentCard,
  rememberSentCard,
  sentCard,
  serialisedOn,
  showUntilCurrent,
  updatePlaceData,
  type SentWhere,
} from './sent-cards.js';
import { teamsMessageText } from './teams-markdown.js';
import { tenantAllowed, type TeamsAuth } from './auth-settings.js';
import { channelKindOf, placeOf, tenantOf, type ChannelPlatformData, type Place, type UserPlatformData } from './conversation-place.js';
import { commandText, type TeamsMentionEntity } from './message-text.js';
import { userAddress } from './teams-address.js';
import type { BotLogic, CardActionAnswer, InboundActivity, OutboundMessage, Turn } from './transport.js';
import { welcomeReply } from './welcome-card.js';

export interface BotDeps {
  core: Core;
  auth: Pick<TeamsAuth, 'allowedTenants'>;
  admins: readonly string[];
  logger: Logger;
}

export function createBotLogic(deps: BotDeps): BotLogic {
  const { core, logger } = deps;
  const store = core.store;

  async function render(reply: Reply, tenantId: string, options: { log?: readonly string[] } = {}): Promise<OutboundMessage> {
    const names = await mentionNames(reply, tenantId);
    // A time goes in a card even in a text answer: only a card shows it in each reader's own zone.
    if (!reply.card && !hasInstant(reply.text)) return { text: teamsMessageText(plainText(reply.text, names)) };
    // The summary (notifications, the activity feed) ends with the "✅ who did what" lines the card shows.
    const text = [reply.text, ...(options.log ?? [])].join('\n');
    return { text: plainText(text, names), card: renderAdaptiveCard(reply, { names, log: options.log }) };
  }

  async function mentionNames(reply: Reply, tenantId: string): Promise<Map<string, string>> {
    const ids = new Set([...JSON.stringify(reply).matchAll(/<@([^>|]+)>/g)].map((m) => m[1]));
    const names = new Map<string, string>();
    for (const id of ids) {
      const user = await store.users.get(tenantId, id);
      if (user) names.set(id, user.name);
    }
    return names;
  }

  /** Stores the conversation reference (refreshed on every activity) and marks the place active. */
  function remember(place: Place, turn: Turn, extra: Partial<ChannelPlatformData> = {}): Promise<ChannelPlatformData> {
    return serialisedOn([{ tenantId: place.tenantId, address: place.address }], () => rememberNow(place, turn, extra));
  }

  async function rememberNow(place: Place, turn: Turn, extra: Partial<ChannelPlatformData>): Promise<ChannelPlatformData> {
    const existing = await store.channels.get(place.tenantId, place.address);
    const zone = zoneOf(turn.activity);
    await store.channels.upsert({
      workspaceId: place.tenantId,
      address: place.address,
      name: place.name ?? existing?.name ?? (await lookUpName(place, turn)),
      kind: channelKindOf(place.kind),
      active: true,
      ...(existing ? {} : { timeZone: zone ?? core.settings.defaultTimeZone }),
    });
    // Made by an install, in nobody's zone: the first person to speak there gives it theirs.
    const unzoned = !existing && !zone && turn.activity.type !== 'message' ? { zoneFromFirstSpeaker: true } : {};
    // Merged into the data as stored now (row locked): a card another instance just kept stays kept.
    let data: ChannelPlatformData = { ...place.data, ...unzoned, ...extra };
    await updatePlaceData<ChannelPlatformData>(store, place, (stored) => (data = { ...stored, ...place.data, ...unzoned, ...extra }));
    return data;
  }

  /**
   * The first person to speak in a conversation made by an install gives it their zone (none said:
   * it keeps the default, as a conversation a message reached first would). Done before their
   * command runs, so a `timezone` typed as the first words still has the last word.
   */
  async function takeFirstSpeakerZone(place: Place, zone: string | undefined): Promise<void> {
    // Only a conversation made by an install carries the mark: a plain look first, the lock only then.
    const marked = ((await store.channels.get(place.tenantId, place.address))?.platformData as ChannelPlatformData | undefined)
      ?.zoneFromFirstSpeaker;
    if (!marked) return;
    await serialisedOn([{ tenantId: place.tenantId, address: place.address }], async () => {
      const stored = await store.channels.get(place.tenantId, place.address);
      if (!(stored?.platformData as ChannelPlatformData | undefined)?.zoneFromFirstSpeaker) return;
      // Claimed in one atomic change of the data as stored now: of two first messages, one sets the zone.
      let first = false;
      await updatePlaceData<ChannelPlatformData>(store, place, (data) => {
        first = Boolean(data.zoneFromFirstSpeaker);
        return { ...data, zoneFromFirstSpeaker: false };
      });
      if (first && zone && zone !== stored?.timeZone)
        await store.channels.upsert({ workspaceId: place.tenantId, address: place.address, timeZone: zone });
    });
  }

  /** Channels whose name could not be read this run: asked once, not on every message. */
  const nameUnknown = new Set<string>();

  /**
   * A team channel's name, which message activities do not carry (only channel events do), read
   * once from the team's channel list so digests name it as Slack's do ("for #General").
   */
  async function lookUpName(place: Place, turn: Turn): Promise<string | undefined> {
    const teamId = place.data.teamId;
    const channelId = place.data.teamsChannelId;
    if (place.kind !== 'channel' || !teamId || !channelId || nameUnknown.has(place.address)) return undefined;
    const name = await turn.channelName(teamId, channelId);
    if (!name) nameUnknown.add(place.address);
    return name;
  }

  /** The adapter is the only writer of user rows: the sender (with zone and admin flag) and everyone mentioned. */
  function rememberUser(
    tenantId: string,
    user: { aad: string; teamsId: string; name: string; tz?: string; isAdmin?: boolean },
    place?: Place,
    turn?: Turn,
  ): Promise<void> {
    return serialisedOn([{ tenantId, userId: user.aad }], () => rememberUserNow(tenantId, user, place, turn));
  }

  async function rememberUserNow(
    tenantId: string,
    user: { aad: string; teamsId: string; name: string; tz?: string; isAdmin?: boolean },
    place?: Place,
    turn?: Turn,
  ): Promise<void> {
    await store.users.upsert({
      workspaceId: tenantId,
      id: user.aad,
      name: user.name,
      dmAddress: userAddress(tenantId, user.aad),
      ...(user.tz ? { timeZone: user.tz } : {}),
      ...(user.isAdmin === undefined ? {} : { isAdmin: user.isAdmin }),
    });
    const personal = place?.kind === 'personal' && turn ? { personal: place.data.reference } : {};
    // Merged into the data as stored now (row locked), so a nudge card kept meanwhile is not dropped.
    await updatePlaceData<UserPlatformData>(store, { tenantId, userId: user.aad }, (stored) => ({
      ...stored,
      teamsId: user.teamsId,
      ...personal,
    }));
  }

  function invocationUser(activity: InboundActivity) {
    const id = activity.from.aadObjectId ?? activity.from.id;
    return { id, name: activity.from.name ?? id, tz: zoneOf(activity), isAdmin: deps.admins.includes(id) };
  }

  return {
    accepts(activity) {
      const ok = tenantAllowed(deps.auth, tenantOf(activity));
      if (!ok) logger.warn({ tenant: tenantOf(activity) }, 'Teams activity from a tenant not on TEAMS_ALLOWED_TENANTS: ignored');
      return ok;
    },

    async message(turn) {
      const { activity } = turn;
      const place = placeOf(activity, turn.reference);
      if (activity.id && !(await store.receipts.claim(`teams:${activity.conversation.id}:${activity.id}`, core.clock.now()))) return;
      const entities: TeamsMentionEntity[] = [];
      const mentions: Mention[] = [];
      for (const entity of activity.entities ?? []) {
        if (entity.type !== 'mention' || !entity.mentioned || !entity.text || entity.mentioned.id === activity.recipient.id) continue;
        const member = await turn.member(entity.mentioned.id);
        const aad = member?.aadObjectId ?? entity.mentioned.id;
        const name = member?.name ?? entity.mentioned.name ?? aad;
        entities.push({ text: entity.text, aadObjectId: aad });
        if (!mentions.some((m) => m.id === aad)) mentions.push({ id: aad, name });
        await rememberUser(place.tenantId, { aad, teamsId: member?.id ?? entity.mentioned.id, name });
      }
      const user = invocationUser(activity);
      const invocation: Invocation = {
        workspace: { id: place.tenantId },
        channel: {
          address: place.address,
          name: place.name,
          isDirect: place.kind === 'personal',
          kind: channelKindOf(place.kind),
          botIsMember: true,
        },
        user,
        text: commandText(turn.textWithoutBotMention, entities),
        mentions,
        receivedAt: core.clock.now(),
      };
      await rememberUser(
        place.tenantId,
        { aad: user.id, teamsId: activity.from.id, name: user.name, tz: user.tz, isAdmin: user.isAdmin },
        place,
        turn,
      );
      await takeFirstSpeakerZone(place, user.tz);
      const reply = await core.handle(invocation);
      // Any message there means the bot is there: a conversation marked inactive gets its digests again,
      // and in a 1:1 the person's nudge address (their user address) gets its owner messages again.
      await core.reactivateChannel(place.address);
      if (place.kind === 'personal') await core.reactivateChannel(userAddress(place.tenantId, user.id));
      await remember(place, turn);
      // Teams has no ephemeral messages: a private reply is answered in the same thread (see README).
      const posted = await turn.reply(await render(reply, place.tenantId));
      // Kept so a press on this card can update just its row (a press does not send the card back).
      if (posted) await rememberSentCard(store, { tenantId: place.tenantId, address: place.address }, posted, reply);
    },

    async installed(turn) {
      const place = placeOf(turn.activity, turn.reference);
      // Installed again (or added back to the conversation): one marked inactive gets its digests again.
      await core.reactivateChannel(place.address);
      if (place.kind === 'personal') await core.reactivateChannel(userAddress(place.tenantId, invocationUser(turn.activity).id));
      const data = await remember(place, turn);
      // Once per conversation, ever, even when two instances get the install at the same moment: the
      // store's insert-if-absent claim decides who posts (`welcomed` marks conversations welcomed before it).
      const claim = `teams:welcome:${place.address}`;
      if (data.welcomed || !(await store.once.claim(claim, core.clock.now()))) return;
      const channel = await store.channels.get(place.tenantId, place.address);
      try {
        await turn.reply(await render(welcomeReply(place.kind, channel?.timeZone ?? core.settings.defaultTimeZone), place.tenantId));
      } catch (error) {
        // Not posted: the next install event may try again.
        await store.once.release(claim);
        throw error;
      }
      await remember(place, turn, { welcomed: true });
    },

    async uninstalled(turn) {
      const place = placeOf(turn.activity, turn.reference);
      const teamId = place.data.teamId;
      const affected = (await store.channels.list(place.tenantId)).filter(
        (c) =>
          c.address === place.address || (teamId !== undefined && (c.platformData as ChannelPlatformData | undefined)?.teamId === teamId),
      );
      for (const channel of affected) {
        await serialisedOn([{ tenantId: channel.workspaceId, address: channel.address }], async () => {
          await store.channels.upsert({
            workspaceId: channel.workspaceId,
            address: channel.address,
            active: false,
            inactiveReason: 'Followthrough was removed from this Teams conversation',
          });
        });
      }
    },

    async cardAction(turn, verb, data) {
      const { activity } = turn;
      const place = placeOf(activity, turn.reference);
      const user = invocationUser(activity);
      const pressed = pressedCardAction(verb, data);
      if (!pressed) return { message: NOT_A_BUTTON };
      const outcome = await core.act({
        workspace: { id: place.tenantId },
        channel: { address: place.address, name: place.name, isDirect: place.kind === 'personal', kind: channelKindOf(place.kind) },
        user,
        actionId: pressed.kind,
        target: pressed.id,
        value: pressed.choice,
        context: pressed.context,
        // Only an item's own card is ever rebuilt here (below); every other card is patched row by row.
        rowsOnly: !pressed.context?.startsWith('item:'),
        receivedAt: core.clock.now(),
      });
      // Refused or nothing changed: the card stays as everyone sees it; the presser alone reads why.
      if (!outcome.ok) return { message: outcome.message };
      const messageId = activity.replyToId;
      const places: SentWhere[] = [
        { tenantId: place.tenantId, address: place.address },
        { tenantId: place.tenantId, userId: user.id },
      ];
      // Two presses on one card each patch it as the other left it, and the card shows both: in this
      // process they take turns (serialisedOn); across instances the patch is made on the card as
      // stored at that moment, under its row's lock, and the newest card is what is shown last.
      const answer = await serialisedOn(places, async (): Promise<CardActionAnswer | undefined> => {
        const found = messageId ? await sentCard(store, places, messageId) : undefined;
        if (!messageId || !found) return undefined;
        // The same message, only the pressed row as it is now, and who did it underneath.
        const kept = await patchSentCard(store, found.where, messageId, (sent) => {
          const patched = patchReply(sent.reply, outcome.rows ?? []);
          return patched.found ? { reply: patched.reply, log: withLogLine(sent.log ?? [], outcome.note) } : undefined;
        });
        if (!kept) return undefined;
        return showUntilCurrent(store, found.where, kept, async ({ reply, log }) => {
          const message = await render(reply, place.tenantId, { log });
          await turn.update(messageId, message).catch((err: unknown) => logger.warn({ err }, 'could not update the card for everyone'));
          return { card: message.card ?? renderAdaptiveCard(reply, { log }) };
        });
      });
      if (answer) return answer;
      // A card not kept (older than the last few): one item's card rebuilds to itself; anything
      // else (a digest) is left as it is rather than turned into another message.
      if (messageId && outcome.refreshed?.card && pressed.context?.startsWith('item:')) {
        const message = await render(outcome.refreshed, place.tenantId);
        await turn.update(messageId, message).catch((err: unknown) => logger.warn({ err }, 'could not update the card for everyone'));
        return { card: message.card ?? renderAdaptiveCard(outcome.refreshed) };
      }
      return { message: outcome.note ?? outcome.message };
    },
  };
}

function hasInstant(text: string): boolean {
  return replaceInstants(text, () => '') !== text;
}

function zoneOf(activity: InboundActivity): string | undefined {
  const zone = activity.localTimezone;
  return zone && isIanaZone(zone) ? zone : undefined;
}
