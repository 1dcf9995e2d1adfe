/** jsonb parameters: always sent as JSON text, because pg would turn a JS array into a Postgres array. */
export function jsonb(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Keeps only the fields a partial update actually gives, so `undefined` never overwrites a stored value. */
export function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
