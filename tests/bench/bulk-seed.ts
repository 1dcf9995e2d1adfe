/**
 * Seeds a big SQLite workspace fast for benchmarks: channels, users and two template commitments are
 * written through the real store (so every column, index and derived value is what `add` writes),
 * then cloned in one transaction with plain SQL. Cloning reads the column list from the database, so
 * it keeps working when the schema gains columns; any text column holding the template's id is
 * rewritten to the clone's id (normalised-id columns stay consistent).
 */
import Database from 'better-sqlite3';
import { ManualClock } from '../../src/ports/clock.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

export interface BigWorkspace {
  file: string;
  workspaceId: string;
  /** Slack channel ids (`C000123`), and their `slack:` addresses are what the store keeps. */
  channels: string[];
  owners: string[];
  total: number;
  /** Commitments that become due when `makeDue` runs (titles start with "Due "). */
  due: number;
}

export const channelId = (i: number) => `C${String(i).padStart(6, '0')}`;
export const ownerId = (i: number) => `U${String(i).padStart(6, '0')}`;

export async function seedBigWorkspace(options: {
  file: string;
  workspaceId: string;
  total: number;
  channels: number;
  owners: number;
  due: number;
  dueDate: string;
  createdAt: string;
}): Promise<BigWorkspace> {
  const { file, workspaceId } = options;
  const clock = new ManualClock(options.createdAt);
  const store = new SqliteStore({ file, nextReminderAt: nextReminderCalculator, clock });
  const channels = Array.from({ length: options.channels }, (_, i) => channelId(i));
  const owners = Array.from({ length: options.owners }, (_, i) => ownerId(i));
  await store.workspaces.ensure({ id: workspaceId, name: 'Bench' });
  for (const id of channels)
    await store.channels.upsert({
      workspaceId,
      address: `slack:${workspaceId}:${id}`,
      name: id.toLowerCase(),
      timeZone: 'UTC',
      schedule: 'weekdays 09:00',
    });
  for (const id of owners)
    await store.users.upsert({
      workspaceId,
      id,
      name: `owner-${id}`,
      timeZone: 'UTC',
      dmAddress: `slack:${workspaceId}:${id}`,
      platformData: { slackFetchedAt: '2999-01-01T00:00:00.000Z' },
    });
  const template = async (title: string, due: string) => {
    const owner = { id: owners[0], name: `owner-${owners[0]}` };
    return store.commitments.create(
      {
        workspaceId,
        channel: `slack:${workspaceId}:${channels[0]}`,
        title,
        parties: [],
        owners: [owner],
        tags: ['bench'],
        source: {},
        deadline: { kind: 'exact', text: `by ${due}`, reference: options.createdAt.slice(0, 10), due },
        timeZone: 'UTC',
        status: 'open',
        createdBy: owner,
        createdAt: options.createdAt,
      },
      { at: options.createdAt, actor: owner, action: 'created' },
    );
  };
  const later = await template('Later 1', '2999-12-31');
  const soon = await template('Due 2', options.dueDate);
  await store.close();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const clone = cloner(db);
  db.transaction(() => {
    for (let n = 3; n <= options.total; n++) {
      const isDue = n - 2 < options.due;
      const source = isDue ? soon : later;
      const id = `C-${n}`;
      const channel = `slack:${workspaceId}:${channels[n % channels.length]}`;
      const owner = owners[n % owners.length];
      const title = `${isDue ? 'Due' : 'Later'} ${n}: deliver the item agreed at meeting ${n % 97}`;
      clone('commitments', workspaceId, source.id, id, { seq: n, channel, title });
      clone('commitment_owners', workspaceId, source.id, id, { user_id: owner, user_name: `owner-${owner}` });
      clone('commitment_log', workspaceId, source.id, id, {});
    }
    // The next short id continues after the clones.
    for (const row of db.prepare('SELECT name FROM counters WHERE workspace_id = ?').all(workspaceId) as { name: string }[]) {
      if (/commit/i.test(row.name))
        db.prepare('UPDATE counters SET value = ? WHERE workspace_id = ? AND name = ?').run(options.total, workspaceId, row.name);
    }
  })();
  // Clones of the due template, and the channels' digests, wait far off until `makeDue`.
  db.prepare("UPDATE commitments SET next_reminder_at = '2999-01-01T00:00:00.000Z' WHERE workspace_id = ? AND title LIKE 'Due %'").run(
    workspaceId,
  );
  db.prepare("UPDATE channels SET next_reminder_at = '2999-01-01T00:00:00.000Z' WHERE workspace_id = ?").run(workspaceId);
  db.exec('ANALYZE');
  db.close();
  return { file, workspaceId, channels, owners, total: options.total, due: options.due };
}

/** Brings the due clones' next reminder into the past, as if their time had come. */
export function makeDue(file: string, workspaceId: string): number {
  const db = new Database(file);
  try {
    return db
      .prepare("UPDATE commitments SET next_reminder_at = '2000-01-01T00:00:00.000Z' WHERE workspace_id = ? AND title LIKE 'Due %'")
      .run(workspaceId).changes;
  } finally {
    db.close();
  }
}

type Clone = (table: string, workspaceId: string, fromId: string, toId: string, overrides: Record<string, unknown>) => void;

function cloner(db: Database.Database): Clone {
  const cache = new Map<
    string,
    { columns: string[]; idColumn: string; templates: Map<string, Record<string, unknown>[]>; insert: Database.Statement }
  >();
  return (table, workspaceId, fromId, toId, overrides) => {
    let entry = cache.get(table);
    if (!entry) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[]).map((c) => c.name);
      const idColumn = columns.includes('commitment_id') ? 'commitment_id' : 'id';
      // An autoincrement key (the log's seq) is left to the database.
      const pk = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number; type: string }[]).filter(
        (c) => c.pk === 1 && /INTEGER/i.test(c.type),
      );
      const writable = columns.filter((c) => !(pk.length === 1 && pk[0].name === c && table !== 'commitments'));
      const insert = db.prepare(`INSERT INTO ${table} (${writable.join(', ')}) VALUES (${writable.map((c) => `@${c}`).join(', ')})`);
      entry = { columns: writable, idColumn, templates: new Map(), insert };
      cache.set(table, entry);
    }
    let rows = entry.templates.get(fromId);
    if (!rows) {
      rows = db.prepare(`SELECT * FROM ${table} WHERE workspace_id = ? AND ${entry.idColumn} = ?`).all(workspaceId, fromId) as Record<
        string,
        unknown
      >[];
      entry.templates.set(fromId, rows);
    }
    for (const row of rows) {
      const values: Record<string, unknown> = {};
      for (const column of entry.columns) {
        const value = column in overrides ? overrides[column] : row[column];
        values[column] = typeof value === 'string' ? swapId(value, fromId, toId) : value;
      }
      entry.insert.run(values);
    }
  };
}

/** `C-2` → `C-7`, `c-2` → `c-7`, inside any text, without touching `C-21`. */
function swapId(value: string, fromId: string, toId: string): string {
  if (value === fromId) return toId;
  if (value === fromId.toLowerCase()) return toId.toLowerCase();
  return value;
}
