/**
 * The seed meeting's 90 days through the real console adapter (`ConsoleAdapter` on an in-memory
 * input and output): people type at the console (`/as <name>` first), reminders and digests are
 * printed as the console prints them, and everything is read from that output. The console has no
 * buttons, so a press is typed as the words the owner's message says to type (`edit C-1 due …`,
 * `review C-3 kept`) or, on a digest, the command the button stands for (`done C-1`). The console
 * cannot lose the bot, so "removed from the channel" is a delivery refused with `not_in_channel`;
 * it comes back when a command succeeds there (issue 11 item 8).
 */
import { PassThrough, Writable } from 'node:stream';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.js';
import { Permanent } from '../../src/ports/chat-adapter.js';
import { COORDINATOR, ZONE, type Delivery, type Post, type PressRequest, type SimPlatform } from './follow-up-sim.js';

const CHANNEL = 'console:general';

/** The words a console user types for what a button would do. */
function typed({ kind, target, choice }: PressRequest): string {
  switch (kind) {
    case 'confirm-date':
    case 'set-date':
      return `edit ${target} due ${choice}`;
    case 'review':
      return `review ${target} ${choice}`;
    default:
      return choice ? `${kind} ${target} ${choice}` : `${kind} ${target}`;
  }
}

export function consolePlatform(): SimPlatform {
  const input = new PassThrough();
  const chunks: string[] = [];
  let wake: (() => void) | undefined;
  const output = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk).replace(/\n$/, ''));
      wake?.();
      done();
    },
  });
  let adapter: ConsoleAdapter;
  let running: Promise<number>;
  let seen = 0;
  let blocked = false;
  const delivered = new Map<string, string>();
  let as = '';

  /** Waits until the console has printed `count` more chunks after `from`. */
  const printed = async (from: number, count: number) => {
    while (chunks.length < from + count) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  };
  const type = async (line: string, replies = 1) => {
    const from = chunks.length;
    input.write(`${line}\n`);
    await printed(from, 1 + replies); // the echo, then the reply
    return chunks.slice(from + 1, from + 1 + replies).join('\n');
  };
  const become = async (user: string) => {
    if (as !== user) await type(`/as ${user}`);
    as = user;
  };
  const say = async (text: string, user: string) => {
    await become(user);
    return type(text);
  };

  return {
    name: 'console',
    workspace: 'console',
    channel: CHANNEL,
    dm: (owner) => `console:dm:${owner}`,

    async start({ core }) {
      adapter = new ConsoleAdapter({ core, input, output, user: COORDINATOR, timeZone: ZONE, echo: true });
      running = adapter.run();
      await type('/in general');
      return {
        platform: adapter.platform,
        async deliver(address, reply, options) {
          if (blocked && address === CHANNEL) throw new Permanent('not_in_channel');
          const from = chunks.length;
          const sent = await adapter.deliver(address, reply, options);
          delivered.set(
            sent.messageId,
            chunks
              .slice(from)
              .join('\n')
              .slice(address.length + 3),
          );
          return sent;
        },
        update: (address, messageId, reply) => adapter.update(address, messageId, reply),
      };
    },

    say,

    async press(on: Delivery, request: PressRequest) {
      const words = typed(request);
      // An owner's message says what to type; a digest's buttons stand for the plain commands.
      if (on.kind === 'owner-day' && !on.read.includes(words))
        throw new Error(`console: the message does not say to type "${words}":\n${on.read}`);
      const answer = await say(words, request.user);
      return { ok: !/Nothing (was )?changed|not one I know|Only the owners/.test(answer), toPresser: answer, edits: [], posts: 0 };
    },

    read: (_address, messageId) => delivered.get(messageId) ?? '',

    async removeBot() {
      blocked = true;
    },

    async inviteBack() {
      blocked = false;
      // Any command that succeeds in the channel brings it back.
      return say('list', COORDINATOR);
    },

    collect(now) {
      const posts: Post[] = [];
      for (const chunk of chunks.slice(seen)) {
        const to = /^\[(console:[^\]\s]+)\] /.exec(chunk)?.[1];
        if (!to) continue;
        const where = to === CHANNEL ? 'channel' : to.startsWith('console:dm:') ? `dm:${to.slice('console:dm:'.length)}` : to;
        posts.push({ at: now, where, edit: false, read: chunk.slice(to.length + 3) });
      }
      seen = chunks.length;
      return posts;
    },

    async stop() {
      input.end();
      await running;
    },
  };
}
