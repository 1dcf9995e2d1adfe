/** Drives the core directly: a real SQLite file, a manual clock, and invocations built in one line. */
import { createCore, type Core } from '../../src/core.js';
import { ManualClock } from '../../src/ports/clock.js';
import type { Invocation, Mention } from '../../src/ports/invocation.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from './temp-db.js';

export interface InvocationOptions {
  user?: string;
  channel?: string;
  workspace?: string;
  admin?: boolean;
  direct?: boolean;
  tz?: string;
}

export interface Harness {
  core: Core;
  store: SqliteStore;
  clock: ManualClock;
  file: string;
  /** Runs `text` as `user` in `channel` (workspace `w1` unless given); `@name` becomes a mention. */
  say(text: string, options?: InvocationOptions): Promise<{ text: string; visibility: string }>;
  invocation(text: string, options?: InvocationOptions): Invocation;
  close(): Promise<void>;
}

export function createHarness(start = '2024-01-29T09:00:00Z', defaultTimeZone = 'UTC'): Harness {
  const db = tempDbPath();
  const store = new SqliteStore({ file: db.file, defaultTimeZone });
  const clock = new ManualClock(start);
  const core = createCore({ store, clock, settings: { defaultTimeZone } });
  const invocation: Harness['invocation'] = (text, options) => buildInvocation(text, clock.now(), options);
  return {
    core,
    store,
    clock,
    file: db.file,
    invocation,
    async say(text, options) {
      const asked = invocation(text, options);
      // As an adapter does: it, not the core, records the sender and the people mentioned.
      const workspaceId = asked.workspace.id;
      await store.users.upsert({
        workspaceId,
        id: asked.user.id,
        name: asked.user.name,
        timeZone: asked.user.tz,
        isAdmin: asked.user.isAdmin,
      });
      for (const m of asked.mentions)
        if (!(await store.users.get(workspaceId, m.id))) await store.users.upsert({ workspaceId, id: m.id, name: m.name });
      const reply = await core.handle(asked);
      return { text: reply.text, visibility: reply.visibility };
    },
    async close() {
      await store.close();
      db.remove();
    },
  };
}

/** An invocation as an adapter builds one: `user` (alice) in `test:<channel>` of workspace `w1`; `@name` becomes a mention. */
export function buildInvocation(text: string, receivedAt: Date, options: InvocationOptions = {}): Invocation {
  const mentions: Mention[] = [];
  const rewritten = text.replace(/(^|\s)@([\w.-]+)/g, (_, space: string, name: string) => {
    if (!mentions.some((m) => m.id === name)) mentions.push({ id: name, name });
    return `${space}<@${name}>`;
  });
  const user = options.user ?? 'alice';
  return {
    workspace: { id: options.workspace ?? 'w1' },
    channel: { address: `test:${options.channel ?? 'general'}`, isDirect: options.direct ?? false },
    user: { id: user, name: user, isAdmin: options.admin ?? false, tz: options.tz },
    text: rewritten,
    mentions,
    receivedAt,
  };
}
