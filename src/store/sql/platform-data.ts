/**
 * The atomic read-modify-write of an adapter's `platform_data` (a channel's or a user's), shared by
 * both repositories. An adapter keeps several things in one JSON value (Teams: the conversation
 * reference and the cards it sent) and changes one part at a time; a plain read then upsert from two
 * processes would let the later write drop the earlier one's part. Here the read takes the row's
 * write lock first — `SELECT … FOR UPDATE` on PostgreSQL, the database's write lock at SQLite's
 * BEGIN IMMEDIATE — so a second writer, in any process, reads only after the first has committed.
 * (A lock rather than a version column and retries: it is what the store's upserts already do, it
 * needs no migration, and a writer never has to run its change again because another one won.)
 */
import { toJson } from './channel-repository.js';
import type { Executor } from './executor.js';

/** Which row: `table` and its key columns, in the order of `key`'s values. */
export interface PlatformDataRow {
  table: 'channels' | 'users';
  columns: readonly [string, string];
  key: readonly [string, string];
}

/**
 * Runs `change` on the row's stored `platform_data` under its lock and writes the result in the same
 * transaction; returns the row as read and the data as written, or null when there is no such row
 * (then `change` is not called). A result equal to what was stored writes nothing.
 */
export async function changePlatformData<Row extends { platform_data: unknown }>(
  sql: Executor,
  row: PlatformDataRow,
  change: (current: unknown) => unknown,
): Promise<{ row: Row; platformData: unknown } | null> {
  const [a, b] = row.columns;
  return sql.transaction(async (tx) => {
    const [found] = await tx.rows<Row>(`SELECT * FROM ${row.table} WHERE ${a} = $1 AND ${b} = $2${tx.dialect.forUpdate}`, row.key);
    if (!found) return null;
    const current = tx.dialect.decodeJson<unknown>(found.platform_data, undefined);
    const next = change(current);
    if (toJson(next) === toJson(current)) return { row: found, platformData: current };
    await tx.run(`UPDATE ${row.table} SET platform_data = ${tx.dialect.json('$1')}, updated_at = $2 WHERE ${a} = $3 AND ${b} = $4`, [
      toJson(next),
      new Date().toISOString(),
      ...row.key,
    ]);
    return { row: found, platformData: next };
  });
}
