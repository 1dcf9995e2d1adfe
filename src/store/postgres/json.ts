/** jsonb columns in PostgreSQL: sent as JSON text, read back already parsed. */
import type { JsonDecoder } from '../rows.js';

/** jsonb parameters are always sent as JSON text, because pg would turn a JS array into a Postgres array. */
export function jsonb(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** jsonb columns arrive parsed: only a missing value needs its fallback. */
export const pgJson: JsonDecoder = <T>(stored: unknown, fallback: T): T => (stored ?? fallback) as T;

export { definedFields } from '../rows.js';
