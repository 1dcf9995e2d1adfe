/** A `commitment_log` row as PostgreSQL returns it (jsonb already parsed), mapped as every engine maps it. */
import { toLogEntry as mapLogEntry, type LogRow } from '../rows.js';
import { pgJson } from './json.js';

export type { LogRow };
export const toLogEntry = (row: LogRow) => mapLogEntry(row, pgJson);
