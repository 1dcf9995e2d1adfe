/**
 * Ninety simulated days of the seed meeting (29 Jan 2024, DESIGN §1) through the real core, store,
 * scheduler tick and delivery loop, with an injected clock: six commitments, three owners, a
 * "Keep ~5 Feb" then a done pressed on the channel digest (and a second Done on an older digest,
 * refused), a snooze, an event confirmed, an import, a review answered, `remind daily 21:00`, and a
 * channel that loses the bot for five days and is invited back.
 *
 * The people act through a `SimPlatform`: by default a recording adapter over the core itself;
 * `tests/helpers/follow-up-sim-slack.ts` and `…-teams.ts` run the same days through the real Slack
 * and Teams adapters and their local fakes. Used by the follow-up tests (assertions) and
 * `tests/tools/follow-up-walk.ts` (the week-by-week walk for the note).
 */
import { DateTime } from 'luxon';
import { createCore, type Core } from '../../src/core.js';
import { ManualClock } from '../../src/ports/clock.js';
import { Permanent, type ChatAdapter, type DeliverOptions } from '../../src/ports/chat-adapter.js';
import type { Action, Invocation, Mention } from '../../src/ports/invocation.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import type { Reply } from '../../src/replies/reply.js';
import { DeliveryLoop } from '../../src/scheduler/delivery-loop.js';
import { runTick } from '../../src/scheduler/tick.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from './temp-db.js';

export const ZONE = 'Asia/Karachi';
export const CHANNEL = 'test:general';
export const OWNERS = ['sara', 'imran', 'hina'] as const;
/** Who types the seed meeting's commands (an admin). */
export const COORDINATOR = 'coordinator';
const START = '2024-01-29T10:00:00+05:00';
export const DAYS = 90;

export interface Delivery {
  at: Date;
  address: string;
  /** `digest` or `owner-day` (from the outbox key). */
  kind: string;
  reply: Reply;
  /** Commitment ids the message lists (its card items; on a real platform, the ids a person reads). */
  ids: string[];
  /** What the platform answered the post with (a Slack ts, a Teams `<conversation>|<activity>`). */
  messageId: string;
  /** The message as a person reads it on the platform. */
  read: string;
}

/** Every reply a person got from a command or a press, with what it was about. */
export interface Answer {
  at: Date;
  about: string[];
  text: string;
}

/** A button pressed on a message the bot delivered. */
export interface PressRequest {
  kind: string;
  target: string;
  user: string;
  /** The typed action's choice (a date, `kept`); matches the button carrying it. */
  choice?: string;
}

export interface Press extends PressRequest {
  at: Date;
  on: Delivery;
  ok: boolean;
  /** What the presser alone was told (an ephemeral answer, an invoke response), if anything. */
  toPresser: string;
  /** Every edit of a message the bot made because of the press: the message as read before and after. */
  edits: { messageId: string; before: string; after: string }[];
  /** New messages the bot posted anywhere because of the press. */
  posts: number;
}

/** Everything the bot put into a conversation on the platform, stamped with the simulated time. */
export interface Post {
  at: Date;
  /** `channel`, `dm:<owner>`, or another conversation's id. */
  where: string;
  edit: boolean;
  read: string;
}

/** How the simulated people reach the bot, and how the bot's messages reach them. */
export interface SimPlatform {
  readonly name: string;
  /** The workspace (Slack team, Teams tenant) the core keys everything by. */
  readonly workspace: string;
  /** The channel's address, and each owner's DM address, as the core stores them. */
  readonly channel: string;
  dm(owner: string): string;
  /** Starts the platform's adapter over this core; returns what delivers reminders. */
  start(env: { store: SqliteStore; core: Core; clock: ManualClock }): Promise<ChatAdapter>;
  /** `user` types `text` in the channel (`@name` mentions a person); returns the reply as read. */
  say(text: string, user: string): Promise<string>;
  press(on: Delivery, request: PressRequest): Promise<Omit<Press, keyof PressRequest | 'at' | 'on'>>;
  /** What a person reads in a message just delivered. */
  read(address: string, messageId: string, reply: Reply): string;
  /** The bot is removed from the channel (posts fail), then invited back. */
  removeBot(): Promise<void>;
  /** Returns what the person who brought the bot back read, if they typed something. */
  inviteBack(): Promise<string | void>;
  /** Posts since the last call (platforms with a fake server record them). */
  collect(now: Date): Post[];
  stop(): Promise<void>;
}

export interface SimResult {
  platform: SimPlatform;
  deliveries: Delivery[];
  answers: Answer[];
  presses: Press[];
  posts: Post[];
  /** When each commitment was open (accepted/added → done/dropped), for the "never out of sight" check. */
  open: Map<string, { from: Date; to?: Date; ongoing: boolean }>;
  /** When the channel was unreachable and when it was invited back. */
  blocked: { from: Date; to: Date };
  store: SqliteStore;
  core: Core;
  close(): Promise<void>;
}

/** Commitment ids a text names. */
export const idsIn = (text: string) => [...new Set(text.match(/\bC-\d+\b/g) ?? [])];

/** The core alone: a recording adapter, commands through `core.handle`, presses through `core.act`. */
export function corePlatform(): SimPlatform {
  let core: Core;
  let clock: ManualClock;
  const blocked = new Set<string>();
  let n = 0;
  const invocation = (text: string, user: string): Invocation => {
    const mentions: Mention[] = [];
    const rewritten = text.replace(/(^|\s)@([\w.-]+)/g, (_, space: string, name: string) => {
      if (!mentions.some((m) => m.id === name)) mentions.push({ id: name, name, tz: ZONE });
      return `${space}<@${name}>`;
    });
    return {
      workspace: { id: 'w1' },
      channel: { address: CHANNEL, name: 'general', isDirect: false },
      user: { id: user, name: user, tz: ZONE, isAdmin: user === COORDINATOR },
      text: rewritten,
      mentions,
      receivedAt: clock.now(),
    };
  };
  return {
    name: 'core',
    workspace: 'w1',
    channel: CHANNEL,
    dm: (owner) => `test:dm:${owner}`,
    async start(env) {
      ({ core, clock } = env);
      // Owners have DMs with the bot (the adapter would record these on first contact).
      for (const owner of OWNERS)
        await env.store.users.upsert({
          workspaceId: 'w1',
          id: owner,
          name: owner,
          timeZone: ZONE,
          dmAddress: `test:dm:${owner}`,
          isAdmin: false,
        });
      return {
        platform: 'test',
        async deliver(address: string, _reply: Reply, _options: DeliverOptions) {
          if (blocked.has(address)) throw new Permanent('not_in_channel');
          return { messageId: `m${++n}` };
        },
        async update() {},
      };
    },
    async say(text, user) {
      return (await core.handle(invocation(text, user))).text;
    },
    async press(on, { kind, target, user, choice }) {
      const base = invocation('', user);
      const action: Action = {
        workspace: base.workspace,
        channel: base.channel,
        user: base.user,
        actionId: kind,
        target,
        value: choice,
        context: on.reply.card?.context,
        receivedAt: clock.now(),
      };
      const outcome = await core.act(action);
      const toPresser = [
        outcome.message,
        outcome.item ? [outcome.item.title, ...(outcome.item.lines ?? [])].join('\n') : '',
        outcome.refreshed?.text ?? '',
      ].join('\n');
      return { ok: outcome.ok, toPresser, edits: [], posts: 0 };
    },
    read: (_address, _messageId, reply) => reply.text,
    async removeBot() {
      blocked.add(CHANNEL);
    },
    async inviteBack() {
      blocked.delete(CHANNEL);
      await core.reactivateChannel(CHANNEL); // what the adapter does on member_joined_channel / install
    },
    collect: () => [],
    async stop() {},
  };
}

/** Records each delivery, with what the platform shows, around the platform's real adapter. */
class RecordingAdapter implements ChatAdapter {
  readonly platform: string;
  readonly deliveries: Delivery[] = [];
  constructor(
    private readonly inner: ChatAdapter,
    private readonly sim: SimPlatform,
    private readonly clock: ManualClock,
  ) {
    this.platform = inner.platform;
  }
  async deliver(address: string, reply: Reply, options: DeliverOptions) {
    const delivered = await this.inner.deliver(address, reply, options);
    const read = this.sim.read(address, delivered.messageId, reply);
    const cardIds =
      reply.card?.sections
        .flatMap((s) => s.items ?? [])
        .map((i) => i.id)
        .filter((id): id is string => Boolean(id)) ?? [];
    const ids = this.sim.name === 'core' ? cardIds : idsIn(read);
    this.deliveries.push({
      at: this.clock.now(),
      address,
      kind: options.key.split('|')[2],
      reply,
      ids,
      messageId: delivered.messageId,
      read,
    });
    return delivered;
  }
  update(address: string, messageId: string, reply: Reply) {
    return this.inner.update(address, messageId, reply);
  }
}

export async function runSeedScenario(platform: SimPlatform = corePlatform()): Promise<SimResult> {
  const db = tempDbPath();
  const clock = new ManualClock(new Date(START).toISOString());
  const store = new SqliteStore({ file: db.file, nextReminderAt: nextReminderCalculator, clock, defaultTimeZone: ZONE });
  const core = createCore({ store, clock, settings: { defaultTimeZone: ZONE } });
  const adapter = new RecordingAdapter(await platform.start({ store, core, clock }), platform, clock);
  const quiet = parseQuietHours('20:00-08:00');
  const loop = new DeliveryLoop({
    store,
    clock,
    adapters: new Map([[adapter.platform, adapter]]),
    concurrency: 1,
    minIntervalPerAddressMs: 0,
    faults: { reached() {} },
  });
  const answers: Answer[] = [];
  const presses: Press[] = [];
  const posts: Post[] = [];
  const open: SimResult['open'] = new Map();
  const collect = () => posts.push(...platform.collect(clock.now()));

  const say = async (text: string, user = COORDINATOR) => {
    const reply = await platform.say(text, user);
    answers.push({ at: clock.now(), about: idsIn(reply), text: reply });
    collect();
    return reply;
  };
  /** `user` presses a button on the latest message to `address` that lists `target` (the `nth` latest: 2 is the one before). */
  const press = async (address: string, request: PressRequest, nth = 1) => {
    const on = adapter.deliveries.filter((d) => d.address === address && d.ids.includes(request.target)).at(-nth);
    if (!on) throw new Error(`${platform.name}: no message to ${address} lists ${request.target}`);
    const pressed: Press = { ...request, at: clock.now(), on, ...(await platform.press(on, request)) };
    presses.push(pressed);
    // Everyone reads the shared message as edited; the presser also reads the answer.
    answers.push({ at: clock.now(), about: [request.target], text: [pressed.toPresser, ...pressed.edits.map((e) => e.after)].join('\n') });
    collect();
    return pressed;
  };
  const markOpen = async (id: string) => {
    const c = await store.commitments.get(platform.workspace, id);
    open.set(id, { from: clock.now(), ongoing: c?.deadline.kind === 'ongoing' });
  };
  const markClosed = (id: string) => {
    const o = open.get(id);
    if (o) o.to = clock.now();
  };

  // Day 0, Mon 29 Jan: the six commitments of the seed meeting, three owners.
  const seed = [
    'add Appoint liaison officers in Turbat and Zahedan @sara immediately agreed 2024-01-29',
    "add Deploy military liaison officers in each other's country @imran at an early date agreed 2024-01-29",
    'add Fully implement existing security cooperation agreements @hina till full eradication of terrorism agreed 2024-01-29',
    'add Operationalise the joint border markets @hina early operationalisation agreed 2024-01-29',
    'add Establish a joint coordination mechanism at foreign-minister level @sara agreed 2024-01-29',
    'add President Raisi visits Pakistan @imran after the formation of the new government following the Feb 8 elections agreed 2024-01-29',
  ];
  for (const line of seed) await say(line);
  for (let i = 1; i <= 6; i++) await markOpen(`C-${i}`);
  await say('remind daily 21:00');

  // What people do, by local date-time: each runs once when the clock passes it.
  const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toJSDate();
  const blocked = { from: at('2024-03-11T12:00'), to: at('2024-03-16T12:00') };
  const script: { when: Date; run: () => Promise<void> }[] = [
    // Sara answers the "confirm a date?" for C-1 by keeping ~5 Feb, from her daily message.
    {
      when: at('2024-01-31T09:30'),
      run: async () => void (await press(platform.dm('sara'), { kind: 'confirm-date', target: 'C-1', user: 'sara', choice: '2024-02-05' })),
    },
    // C-1 done two days after its date, pressed on last night's channel digest: "done Wed 7 Feb, 2 days late", never "overdue".
    {
      when: at('2024-02-07T15:00'),
      run: async () => {
        const pressed = await press(platform.channel, { kind: 'done', target: 'C-1', user: 'sara' });
        if (pressed.ok) markClosed('C-1');
      },
    },
    // The coordinator presses Done on C-1 in the digest of the night before (it still shows the button): refused, nothing changes.
    {
      when: at('2024-02-07T16:00'),
      run: async () => void (await press(platform.channel, { kind: 'done', target: 'C-1', user: COORDINATOR }, 2)),
    },
    // An import: the statement of the next meeting; one item accepted for sara, one rejected.
    {
      when: at('2024-02-08T11:00'),
      run: async () => {
        await say(
          'import agreed 2024-02-08 Both sides agreed to exchange lists of wanted individuals by 15 March 2024. The ministers agreed to meet again in the coming months.',
        );
        await say('accept C-7 @sara');
        await markOpen('C-7');
        await say('reject C-8');
      },
    },
    // Imran snoozes C-2 for a week when first asked to confirm its date.
    { when: at('2024-02-19T10:00'), run: async () => void (await say('snooze C-2 1w', 'imran')) },
    // Hina answers her first review of the ongoing duty, on her daily message.
    {
      when: at('2024-02-28T10:00'),
      run: async () => void (await press(platform.dm('hina'), { kind: 'review', target: 'C-3', user: 'hina', choice: 'kept' })),
    },
    // The event happens: the new government is formed on 4 March; C-6 gets its date.
    { when: at('2024-03-05T10:00'), run: async () => void (await say('event E-1 2024-03-04')) },
    // The bot is removed from the channel for five days (posts fail with not_in_channel), then invited back.
    { when: blocked.from, run: () => platform.removeBot() },
    {
      when: blocked.to,
      run: async () => {
        const said = await platform.inviteBack();
        if (said) answers.push({ at: clock.now(), about: idsIn(said), text: said });
      },
    },
    // Questions people ask about the done item afterwards.
    {
      when: at('2024-03-20T10:00'),
      run: async () => {
        await say('show C-1');
        await say('list all');
        await say('report');
      },
    },
  ];
  script.sort((a, b) => a.when.getTime() - b.when.getTime());

  const end = new Date(new Date(START).getTime() + DAYS * 86_400_000);
  for (let t = new Date(START).getTime(); t <= end.getTime(); t += 3_600_000) {
    while (script.length > 0 && script[0].when.getTime() <= t) {
      const step = script.shift()!;
      clock.set(step.when.toISOString());
      await step.run();
      collect();
    }
    clock.set(new Date(t).toISOString());
    await runTick(store, clock.now(), quiet);
    await loop.drain();
    collect();
  }
  await loop.stop(0);
  return {
    platform,
    deliveries: adapter.deliveries,
    answers,
    presses,
    posts,
    open,
    blocked,
    store,
    core,
    async close() {
      await platform.stop();
      await store.close();
      db.remove();
    },
  };
}

/** "Tue 30 Jan 21:00" in the seed's zone. */
export function localTime(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toFormat('ccc d LLL HH:mm');
}

/** The walk for the note: what one owner and one channel received, week by week (`full`: each message as read). */
export function walk(result: SimResult, address: string, label: string, full = false): string {
  const start = DateTime.fromISO(START, { zone: ZONE }).startOf('day');
  const lines = [`${label} (${address}):`];
  for (let week = 0; week * 7 < DAYS; week++) {
    const from = start.plus({ days: week * 7 });
    const to = from.plus({ days: 7 });
    const got = result.deliveries.filter((d) => d.address === address && d.at >= from.toJSDate() && d.at < to.toJSDate());
    lines.push(
      `  Week ${week + 1} (${from.toFormat('d LLL')}–${to.minus({ days: 1 }).toFormat('d LLL')}): ${got.length} message${got.length === 1 ? '' : 's'}`,
    );
    for (const d of got)
      lines.push(
        `    ${localTime(d.at)}  ${d.reply.card?.title ?? d.reply.text.split('\n')[0]}${d.ids.length ? `  [${d.ids.join(' ')}]` : ''}`,
      );
    if (full) for (const d of got) lines.push(`    — ${localTime(d.at)}:`, ...d.read.split('\n').map((l) => `      ${l}`));
  }
  return lines.join('\n');
}
