/** JSON columns in SQLite are text: written with `toJson`, read back with a fallback so one bad row never takes a list down. */
import type { JsonDecoder } from '../rows.js';

export function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** How SQLite's JSON columns decode, for the shared row mappers. */
export const sqliteJson: JsonDecoder = (stored, fallback) => fromJson(stored as string | null | undefined, fallback);
