/**
 * Ninety simulated days of the seed meeting (29 Jan 2024, DESIGN §1) through the real core, store,
 * scheduler tick and delivery loop, with an injected clock and a recording chat adapter: six
 * commitments, three owners, a "Keep ~5 Feb" then a done, a snooze, an event confirmed, an import,
 * a review answered, `remind daily 21:00`, and a channel that loses the bot for five days and is
 * invited back. Used by the follow-up test (assertions) and `tests/tools/follow-up-walk.ts` (the
 * week-by-week walk for the note).
 */
import { DateTime } from 'luxon';
import { createCore, type Core } from '../../src/core.js';
import { ManualClock } from '../../src/ports/clock.js';
import { Permanent, type ChatAdapter } from '../../src/ports/chat-adapter.js';
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
const START = '2024-01-29T10:00:00+05:00';
export const DAYS = 90;

export interface Delivery {
  at: Date;
  address: string;
  /** `digest` or `owner-day` (from the outbox key). */
  kind: string;
  reply: Reply;
  /** Commitment ids the message lists (its card items). */
  ids: string[];
}

/** Every reply a person got from a command or a press, with what it was about. */
export interface Answer {
  at: Date;
  about: string[];
  text: string;
}

export interface SimResult {
  deliveries: Delivery[];
  answers: Answer[];
  /** When each commitment was open (accepted/added → done/dropped), for the "never out of sight" check. */
  open: Map<string, { from: Date; to?: Date; ongoing: boolean }>;
  /** When the channel was unreachable and when it was invited back. */
  blocked: { from: Date; to: Date };
  store: SqliteStore;
  core: Core;
  close(): Promise<void>;
}

class RecordingAdapter implements ChatAdapter {
  readonly platform = 'test';
  readonly deliveries: Delivery[] = [];
  blocked = new Set<string>();
  private n = 0;
  constructor(private readonly clock: ManualClock) {}
  async deliver(address: string, reply: Reply, options: { key: string }) {
    if (this.blocked.has(address)) throw new Permanent('not_in_channel');
    const ids = reply.card?.sections.flatMap((s) => s.items ?? []).map((i) => i.id).filter((id): id is string => Boolean(id)) ?? [];
    this.deliveries.push({ at: this.clock.now(), address, kind: options.key.split('|')[2], reply, ids });
    return { messageId: `m${++this.n}` };
  }
  async update() {}
}

export async function runSeedScenario(): Promise<SimResult> {
  const db = tempDbPath();
  const clock = new ManualClock(new Date(START).toISOString());
  const store = new SqliteStore({ file: db.file, nextReminderAt: nextReminderCalculator, clock, defaultTimeZone: ZONE });
  const core = createCore({ store, clock, settings: { defaultTimeZone: ZONE } });
  const adapter = new RecordingAdapter(clock);
  const quiet = parseQuietHours('20:00-08:00');
  const loop = new DeliveryLoop({ store, clock, adapters: new Map([['test', adapter]]), concurrency: 1, minIntervalPerAddressMs: 0, faults: { reached() {} } });
  const answers: Answer[] = [];
  const open: SimResult['open'] = new Map();

  const invocation = (text: string, user: string): Invocation => {
    const mentions: Mention[] = [];
    const rewritten = text.replace(/(^|\s)@([\w.-]+)/g, (_, space: string, name: string) => {
      if (!mentions.some((m) => m.id === name)) mentions.push({ id: name, name, tz: ZONE });
      return `${space}<@${name}>`;
    });
    return {
      workspace: { id: 'w1' },
      channel: { address: CHANNEL, name: 'general', isDirect: false },
      user: { id: user, name: user, tz: ZONE, isAdmin: user === 'coordinator' },
      text: rewritten,
      mentions,
      receivedAt: clock.now(),
    };
  };
  const say = async (text: string, user = 'coordinator') => {
    const reply = await core.handle(invocation(text, user));
    answers.push({ at: clock.now(), about: [...new Set(reply.text.match(/\bC-\d+\b/g) ?? [])], text: reply.text });
    return reply;
  };
  const press = async (actionId: string, target: string, user: string, value?: string, context?: string) => {
    const base = invocation('', user);
    const action: Action = { workspace: base.workspace, channel: base.channel, user: base.user, actionId, target, value, context, receivedAt: clock.now() };
    const outcome = await core.act(action);
    const texts = [outcome.message, outcome.item ? [outcome.item.title, ...(outcome.item.lines ?? [])].join('\n') : '', outcome.refreshed?.text ?? ''];
    answers.push({ at: clock.now(), about: [target], text: texts.join('\n') });
    return outcome;
  };
  const markOpen = async (id: string) => {
    const c = await store.commitments.get('w1', id);
    open.set(id, { from: clock.now(), ongoing: c?.deadline.kind === 'ongoing' });
  };
  const markClosed = (id: string) => {
    const o = open.get(id);
    if (o) o.to = clock.now();
  };

  // Owners have DMs with the bot (the adapter would record these on first contact).
  for (const owner of OWNERS) await store.users.upsert({ workspaceId: 'w1', id: owner, name: owner, timeZone: ZONE, dmAddress: `test:dm:${owner}`, isAdmin: false });

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
    { when: at('2024-01-31T09:30'), run: async () => void (await press('confirm-date', 'C-1', 'sara', '2024-02-05', 'owner:sara')) },
    // An import: the statement of the next meeting; one item accepted for sara, one rejected.
    {
      when: at('2024-02-08T11:00'),
      run: async () => {
        await say('import agreed 2024-02-08 Both sides agreed to exchange lists of wanted individuals by 15 March 2024. The ministers agreed to meet again in the coming months.');
        await say('accept C-7 @sara');
        await markOpen('C-7');
        await say('reject C-8');
      },
    },
    // C-1 done two days after its date: "done Wed 7 Feb, 2 days late", never "overdue".
    { when: at('2024-02-07T15:00'), run: async () => { await say('done C-1', 'sara'); markClosed('C-1'); } },
    // Imran snoozes C-2 for a week when first asked to confirm its date.
    { when: at('2024-02-19T10:00'), run: async () => void (await say('snooze C-2 1w', 'imran')) },
    // Hina answers her first review of the ongoing duty.
    { when: at('2024-02-28T10:00'), run: async () => void (await press('review', 'C-3', 'hina', 'kept', 'owner:hina')) },
    // The event happens: the new government is formed on 4 March; C-6 gets its date.
    { when: at('2024-03-05T10:00'), run: async () => void (await say('event E-1 2024-03-04')) },
    // The bot is removed from the channel for five days (posts fail with not_in_channel), then invited back.
    { when: blocked.from, run: async () => void adapter.blocked.add(CHANNEL) },
    {
      when: blocked.to,
      run: async () => {
        adapter.blocked.delete(CHANNEL);
        await core.reactivateChannel(CHANNEL); // what the adapter does on member_joined_channel / install
      },
    },
    // Questions people ask about the done item afterwards.
    { when: at('2024-03-20T10:00'), run: async () => { await say('show C-1'); await say('list all'); await say('report'); } },
  ];
  script.sort((a, b) => a.when.getTime() - b.when.getTime());

  const end = new Date(new Date(START).getTime() + DAYS * 86_400_000);
  for (let t = new Date(START).getTime(); t <= end.getTime(); t += 3_600_000) {
    while (script.length > 0 && script[0].when.getTime() <= t) {
      const step = script.shift()!;
      clock.set(step.when.toISOString());
      await step.run();
    }
    clock.set(new Date(t).toISOString());
    await runTick(store, clock.now(), quiet);
    await loop.drain();
  }
  await loop.stop(0);
  return {
    deliveries: adapter.deliveries,
    answers,
    open,
    blocked,
    store,
    core,
    async close() {
      await store.close();
      db.remove();
    },
  };
}

/** "Tue 30 Jan 21:00" in the seed's zone. */
export function localTime(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toFormat('ccc d LLL HH:mm');
}

/** The walk for the note: what one owner and one channel received, week by week. */
export function walk(result: SimResult, address: string, label: string): string {
  const start = DateTime.fromISO(START, { zone: ZONE }).startOf('day');
  const lines = [`${label} (${address}):`];
  for (let week = 0; week * 7 < DAYS; week++) {
    const from = start.plus({ days: week * 7 });
    const to = from.plus({ days: 7 });
    const got = result.deliveries.filter((d) => d.address === address && d.at >= from.toJSDate() && d.at < to.toJSDate());
    lines.push(`  Week ${week + 1} (${from.toFormat('d LLL')}–${to.minus({ days: 1 }).toFormat('d LLL')}): ${got.length} message${got.length === 1 ? '' : 's'}`);
    for (const d of got) lines.push(`    ${localTime(d.at)}  ${d.reply.card?.title ?? d.reply.text.split('\n')[0]}${d.ids.length ? `  [${d.ids.join(' ')}]` : ''}`);
  }
  return lines.join('\n');
}
