/**
 * `json_rows(json, 'a,b,c')`: a table-valued function on each connection, yielding every object of a
 * JSON array as a row of those fields, in columns c0, c1, … (an object or array field comes back as
 * its JSON text). It is how a batch of any size reaches one SQLite statement (`Dialect.recordset`).
 * The array is parsed once, by V8: SQLite's json_each hands each element back as text and re-parses it
 * for every field taken from it, which made a 500-row UPDATE cost twice what the rows themselves did.
 */
import type Database from 'better-sqlite3';

/** Fields a recordset may have (the outbox row has 11). */
const MAX_FIELDS = 16;

export function registerJsonRows(db: Database.Database): void {
  db.table('json_rows', {
    parameters: ['json', 'fields'],
    columns: Array.from({ length: MAX_FIELDS }, (_, i) => `c${i}`),
    *rows(json: unknown, fields: unknown) {
      const names = String(fields).split(',');
      for (const item of JSON.parse(String(json)) as Record<string, unknown>[]) {
        const row: unknown[] = new Array(MAX_FIELDS).fill(null);
        names.forEach((name, i) => {
          row[i] = sqliteValue(item[name]);
        });
        yield row as never;
      }
    },
  });
}

function sqliteValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** The rows of `param` (a JSON array of objects) with `columns` named, as a subquery. */
export function jsonRowsSql(param: string, columns: string[]): string {
  if (columns.length > MAX_FIELDS) throw new Error(`json_rows takes at most ${MAX_FIELDS} fields`);
  return `(SELECT ${columns.map((name, i) => `r.c${i} AS ${name}`).join(', ')} FROM json_rows(${param}, '${columns.join(',')}') r)`;
}
