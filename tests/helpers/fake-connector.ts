/**
 * A local Bot Connector for tests: answers the REST calls botbuilder makes (create conversation,
 * post / reply / update an activity, get a member) on 127.0.0.1 and records every call.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  /** Decoded conversation id of the path, when there is one. */
  conversationId?: string;
  activityId?: string;
  authorization?: string;
  body: any;
  /** The activity id this call was answered with (a new post's id). */
  answeredId?: string;
  /** Answered with an error because the conversation refuses the bot (`refuse`). */
  refused?: boolean;
}

export interface RosterMember {
  id: string;
  aadObjectId: string;
  name: string;
}

export interface FakeConnector {
  url: string;
  calls: ConnectorCall[];
  roster: Map<string, RosterMember>;
  /** Each team's channel list (GET /v3/teams/{id}/conversations); Teams leaves General unnamed. */
  teamChannels: Map<string, { id: string; name?: string }[]>;
  /** The next `count` calls answer with this status (and headers) instead. */
  failNext(status: number, headers?: Record<string, string>, count?: number): void;
  /** Closes the socket on the next call (a network error). */
  dropNext(): void;
  /**
   * Holds the next `count` message updates (PUT) until all of them have arrived, then applies them
   * newest first — the order two instances' updates can reach Teams in. A held update enters
   * `calls` when it is applied, so the last PUT of an activity in `calls` is what everyone sees.
   */
  holdUpdates(count: number): void;
  /**
   * Leaves the next post of an activity unanswered until `release()` (a reply still on its way to
   * Teams); `arrived` resolves once it has come in. A test can then act while that post is in flight.
   */
  holdNextPost(): { arrived: Promise<void>; release(): void };
  /** Every call about this conversation (a channel id covers its threads) answers 403, as when the bot was removed; `allow` ends it. */
  refuse(conversationId: string): void;
  allow(conversationId: string): void;
  /** Activities the bot posted (new, replies), in order. */
  posted(): ConnectorCall[];
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const roster = new Map<string, RosterMember>();
  const teamChannels = new Map<string, { id: string; name?: string }[]>();
  const failures: { status: number; headers: Record<string, string> }[] = [];
  let drop = false;
  let counter = 0;
  const refused = new Set<string>();
  let held: { count: number; waiting: { call: ConnectorCall; apply: () => void }[] } | undefined;
  let postHold: { arrive: () => void; answer?: () => void; released: boolean } | undefined;
  const applyHeld = () => {
    const waiting = held?.waiting ?? [];
    held = undefined;
    for (const { call, apply } of waiting.reverse()) {
      calls.push(call);
      apply();
    }
  };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? '/').split('?')[0];
    const parts = path.split('/').map(decodeURIComponent);
    const call: ConnectorCall = {
      method: req.method ?? 'GET',
      path,
      conversationId: parts[3],
      activityId: parts[5],
      authorization: req.headers.authorization,
      body,
    };
    calls.push(call);
    if (drop) {
      drop = false;
      req.socket.destroy();
      return;
    }
    const failure = failures.shift();
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
    if (failure) return send(failure.status, { error: { code: 'Failure', message: `fake failure ${failure.status}` } }, failure.headers);
    const about = call.conversationId?.split(';')[0] ?? body?.channelData?.channel?.id;
    if (about && refused.has(about)) {
      call.refused = true;
      return send(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    }
    // POST /v3/conversations
    if (call.method === 'POST' && parts.length === 3) {
      const activityId = `act-${++counter}`;
      const channelId = body?.channelData?.channel?.id as string | undefined;
      const id = channelId ? `${channelId};messageid=${activityId}` : `a:personal-${body?.members?.[0]?.id ?? counter}`;
      call.answeredId = activityId;
      return send(201, { id, activityId });
    }
    // POST /v3/conversations/{id}/activities[/{replyToId}]
    if (call.method === 'POST' && parts[4] === 'activities') {
      call.answeredId = `act-${++counter}`;
      const hold = postHold;
      if (!hold) return send(200, { id: call.answeredId });
      postHold = undefined;
      const answer = () => send(200, { id: call.answeredId });
      if (hold.released) answer();
      else hold.answer = answer;
      hold.arrive();
      return;
    }
    // PUT /v3/conversations/{id}/activities/{id}
    if (call.method === 'PUT' && parts[4] === 'activities') {
      if (!held) return send(200, { id: parts[5] });
      calls.splice(calls.indexOf(call), 1);
      held.waiting.push({ call, apply: () => send(200, { id: parts[5] }) });
      if (held.waiting.length === held.count) applyHeld();
      return;
    }
    // GET /v3/conversations/{id}/members/{userId}
    if (call.method === 'GET' && parts[4] === 'members') {
      const member = roster.get(parts[5]) ?? [...roster.values()].find((m) => m.aadObjectId === parts[5]);
      return member
        ? send(200, { ...member, userPrincipalName: `${member.name}@example.org` })
        : send(404, { error: { code: 'NotFound' } });
    }
    // GET /v3/teams/{teamId}/conversations
    if (call.method === 'GET' && parts[2] === 'teams' && parts[4] === 'conversations') {
      const channels = teamChannels.get(parts[3]);
      return channels ? send(200, { conversations: channels }) : send(404, { error: { code: 'NotFound' } });
    }
    send(404, { error: { code: 'NotFound', message: `fake connector has no route for ${call.method} ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    roster,
    teamChannels,
    failNext(status, headers = {}, count = 1) {
      for (let i = 0; i < count; i++) failures.push({ status, headers });
    },
    dropNext() {
      drop = true;
    },
    holdUpdates(count) {
      const hold = { count, waiting: [] };
      held = hold;
      // Never a hang: updates still held after a minute (one never came) are applied anyway.
      setTimeout(() => held === hold && applyHeld(), 60_000).unref();
    },
    holdNextPost() {
      let arrive = () => {};
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const hold: { arrive: () => void; answer?: () => void; released: boolean } = { arrive, released: false };
      postHold = hold;
      return {
        arrived,
        release() {
          hold.released = true;
          hold.answer?.();
          if (postHold === hold) postHold = undefined;
        },
      };
    },
    refuse: (conversationId) => void refused.add(conversationId),
    allow: (conversationId) => void refused.delete(conversationId),
    posted: () => calls.filter((c) => c.method === 'POST' && c.path.includes('/activities')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
