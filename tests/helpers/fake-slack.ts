/**
 * A local fake of Slack for end-to-end tests: the Web API methods the adapter calls, response_url
 * endpoints, and a Socket Mode WebSocket. It records every call and answers as Slack does
 * (`message_not_found`, `not_in_channel`, `channel_not_found`, `invalid_blocks`, `no_text`,
 * `ratelimited` with HTTP 429 and Retry-After). Listens on 127.0.0.1 only.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockProblem } from './fake-slack-blocks.js';
import type { FakeRateLimits } from './fake-slack-limits.js';
import { FakeSocketMode } from './fake-slack-socket.js';
import { FakeViews, permalink } from './fake-slack-views.js';

export interface FakeUser {
  id: string;
  name: string;
  real_name?: string;
  tz?: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  is_member: boolean;
  is_archived?: boolean;
  /** A group DM ("mpdm-…"): conversations.info says is_mpim, not is_channel. */
  is_mpim?: boolean;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: any[];
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  bot_id?: string;
}

export interface RecordedCall {
  method: string;
  args: Record<string, any>;
  /** What the fake answered: `ok` or the error code. */
  outcome: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, any>;
}

/** A failure to serve instead of the next answer of a method. */
export type Failure = { error: string } | { status: 429; retryAfter: number } | { status: number };

export const FAKE_TEAM = { id: 'T0FAKE', name: 'Fake Team' };
export const FAKE_BOT = { userId: 'U0BOT', botId: 'B0BOT' };

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly messages: FakeMessage[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly socket = new FakeSocketMode();
  /** Modals (views.open with trigger ids that expire) and each user's published Home tab. */
  readonly views = new FakeViews();
  private readonly failures = new Map<string, Failure[]>();
  private readonly responseUses = new Map<string, number>();
  private heldResponses?: (() => void)[];
  private readonly heldMethods = new Map<string, { arrive: () => void; released: Promise<void> }>();
  private readonly events = new EventEmitter();
  /** Set for an org-wide (Enterprise Grid) install: auth.test then names the organisation. */
  enterprise?: { id: string; name: string };
  private server?: Server;
  private seq = 0;
  /** Optional rate limits on chat.postMessage (unannounced, as Slack's are). */
  limits?: FakeRateLimits;
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.socket.attach(this.server);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    await this.socket.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The Web API base URL for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url, as Slack puts in every command and interaction payload. */
  responseUrl(): string {
    return `${this.baseUrl}/response/${++this.seq}`;
  }

  addUser(user: FakeUser): this {
    this.users.set(user.id, user);
    return this;
  }

  addChannel(channel: FakeChannel): this {
    this.channels.set(channel.id, channel);
    return this;
  }

  /** Serve `failure` for the next call(s) of `method`. */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array(times).fill(failure)]);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call or response_url post matching `match`, waiting for it if needed. */
  waitFor<T extends RecordedCall | ResponseUrlPost>(
    match: (record: RecordedCall | ResponseUrlPost) => record is T,
    timeoutMs?: number,
  ): Promise<T>;
  waitFor(match: (record: RecordedCall | ResponseUrlPost) => boolean, timeoutMs?: number): Promise<RecordedCall | ResponseUrlPost>;
  waitFor(match: (record: RecordedCall | ResponseUrlPost) => boolean, timeoutMs = 5000): Promise<RecordedCall | ResponseUrlPost> {
    const found = [...this.calls, ...this.responses].find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('record', listener);
        reject(new Error(`FakeSlack: nothing matching arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (record: RecordedCall | ResponseUrlPost) => {
        if (!match(record)) return;
        clearTimeout(timer);
        this.events.off('record', listener);
        resolve(record);
      };
      this.events.on('record', listener);
    });
  }

  /** The n-th post (1-based) to response_url `url`, waiting for it. */
  responseTo(url: string, n = 1): Promise<ResponseUrlPost> {
    const id = url.split('/').pop()!;
    let seen = 0;
    return this.waitFor((r): r is ResponseUrlPost => 'id' in r && r.id === id && ++seen === n) as Promise<ResponseUrlPost>;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0];
    if (path.startsWith('/response/')) return this.handleResponseUrl(path.slice('/response/'.length), raw, res);
    if (!path.startsWith('/api/')) return void res.writeHead(404).end();
    const method = path.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type']);
    const held = this.heldMethods.get(method);
    if (held) {
      this.heldMethods.delete(method);
      held.arrive();
      await held.released;
    }
    const failure = this.failures.get(method)?.shift();
    if (failure) return this.fail(method, args, failure, res);
    if (method === 'chat.postMessage' && this.limits && typeof args.channel === 'string') {
      const admitted = this.limits.admit(/^[UW]/.test(args.channel) ? this.dmOf(args.channel) : args.channel);
      if (!admitted.ok) return this.fail(method, args, { status: 429, retryAfter: admitted.retryAfterSeconds }, res);
    }
    let answer: Record<string, any>;
    try {
      answer = this.answer(method, args, req.headers.authorization ?? '');
    } catch (error) {
      answer = { ok: false, error: (error as Error).message };
    }
    this.record({ method, args, outcome: answer.ok ? 'ok' : answer.error });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  private fail(method: string, args: Record<string, any>, failure: Failure, res: ServerResponse): void {
    if ('error' in failure) {
      this.record({ method, args, outcome: failure.error });
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: failure.error }));
    }
    this.record({ method, args, outcome: `http ${failure.status}` });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if ('retryAfter' in failure) headers['retry-after'] = String(failure.retryAfter);
    res
      .writeHead(failure.status, headers)
      .end(JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'fatal_error' }));
  }

  private handleResponseUrl(id: string, raw: string, res: ServerResponse): void {
    const uses = (this.responseUses.get(id) ?? 0) + 1;
    this.responseUses.set(id, uses);
    // Slack allows 5 responses per response_url (within 30 minutes).
    if (uses > 5) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('used_url');
    const body = JSON.parse(raw || '{}');
    const problem = body.blocks ? blockProblem(body.blocks) : undefined;
    if (problem) return void res.writeHead(400, { 'content-type': 'text/plain' }).end(`invalid_blocks: ${problem}`);
    if (!body.text && !body.blocks) return void res.writeHead(400, { 'content-type': 'text/plain' }).end('no_text');
    this.record({ id, body });
    const answer = () => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (this.heldResponses) this.heldResponses.push(answer);
    else answer();
  }

  /**
   * From now on, response_url posts are recorded at once but answered only when the returned
   * function is called: a listener stays in flight (awaiting `respond`) for as long as a test needs.
   */
  holdResponses(): () => void {
    const held: (() => void)[] = [];
    this.heldResponses = held;
    return () => {
      if (this.heldResponses === held) this.heldResponses = undefined;
      for (const answer of held.splice(0)) answer();
    };
  }

  /**
   * The next call of `method` waits, unanswered, until `release()` (a Web API call still in flight);
   * `arrived` resolves once it has come in, so a test can act in between.
   */
  holdNextCall(method: string): { arrived: Promise<void>; release(): void } {
    let arrive = () => {};
    let release = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.heldMethods.set(method, { arrive, released });
    return { arrived, release };
  }

  private record(record: RecordedCall | ResponseUrlPost): void {
    if ('method' in record) this.calls.push(record);
    else this.responses.push(record);
    this.events.emit('record', record);
  }

  private answer(method: string, args: Record<string, any>, authorization: string): Record<string, any> {
    // A token whose text says "revoked" is refused as Slack refuses a revoked or mistyped one.
    if (authorization.includes('revoked')) return { ok: false, error: 'invalid_auth' };
    if (method === 'apps.connections.open') {
      if (!authorization.includes('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
      return { ok: true, url: this.socket.url(this.baseUrl) };
    }
    if (!authorization.includes('xoxb-')) return { ok: false, error: 'not_authed' };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.com/',
          team: FAKE_TEAM.name,
          user: 'followthrough',
          team_id: FAKE_TEAM.id,
          user_id: FAKE_BOT.userId,
          bot_id: FAKE_BOT.botId,
          ...(this.enterprise ? { enterprise_id: this.enterprise.id, is_enterprise_install: true } : {}),
        };
      case 'users.info': {
        const user = this.users.get(args.user);
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { ...user, profile: { display_name: user.name, real_name: user.real_name ?? user.name } } };
      }
      case 'conversations.info': {
        const channel = this.channels.get(args.channel);
        if (!channel) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: { ...channel, is_channel: !channel.is_mpim, is_mpim: Boolean(channel.is_mpim), is_im: false } };
      }
      case 'users.conversations': {
        // The bot's channels, a page at a time (cursor = offset), as Slack lists them.
        const mine = [...this.channels.values()].filter((c) => c.is_member && !(args.exclude_archived && c.is_archived));
        const start = Number(args.cursor ?? 0);
        const limit = Number(args.limit ?? 100);
        const page = mine.slice(start, start + limit).map((c) => ({ id: c.id, name: c.name, is_member: true }));
        return { ok: true, channels: page, response_metadata: { next_cursor: start + limit < mine.length ? String(start + limit) : '' } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: this.dmOf(args.users) } };
      case 'conversations.history': {
        const found = this.messages.filter((m) => m.channel === args.channel).reverse();
        return { ok: true, messages: found.map((m) => (args.include_all_metadata ? m : { ...m, metadata: undefined })) };
      }
      case 'chat.postMessage':
        return this.post(args);
      case 'chat.postEphemeral': {
        this.checkMessage(args);
        this.target(args.channel);
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'chat.update': {
        this.checkMessage(args);
        const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        Object.assign(message, { text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      }
      case 'views.open':
        return this.views.open(args);
      case 'views.publish':
        return this.views.publish(args, (id) => this.users.has(id));
      case 'chat.getPermalink':
        return permalink(args);
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private post(args: Record<string, any>): Record<string, any> {
    this.checkMessage(args);
    const channel = this.target(args.channel);
    const message: FakeMessage = {
      channel,
      ts: this.nextTs(),
      text: args.text,
      blocks: args.blocks,
      thread_ts: args.thread_ts,
      metadata: args.metadata,
      bot_id: FAKE_BOT.botId,
    };
    this.messages.push(message);
    return { ok: true, channel, ts: message.ts, message };
  }

  /** Where a post lands: a user id opens the app's DM; a channel must exist, be live and have the bot. */
  private target(id: string): string {
    if (/^[UW]/.test(id)) {
      if (!this.users.has(id)) throw new Error('channel_not_found');
      return this.dmOf(id);
    }
    if (id.startsWith('D')) return id;
    const channel = this.channels.get(id);
    if (!channel) throw new Error('channel_not_found');
    if (channel.is_archived) throw new Error('is_archived');
    if (!channel.is_member) throw new Error('not_in_channel');
    return id;
  }

  private checkMessage(args: Record<string, any>): void {
    if (!args.text && !args.blocks) throw new Error('no_text');
    if (args.blocks && blockProblem(args.blocks)) throw new Error('invalid_blocks');
  }

  private dmOf(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  private nextTs(): string {
    return `1700000000.${String(++this.seq).padStart(6, '0')}`;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The Web API client sends form fields, with objects (blocks, metadata) as JSON strings. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}');
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value === 'true' ? true : value === 'false' ? false : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
