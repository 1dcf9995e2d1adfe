/** How people's spellings become the keys the store compares exactly (and so by index). */

/** Short ids (`C-12`, `E-3`) are written upper case and looked up that way, whatever case was typed. */
export function canonicalId(id: string): string {
  return id.trim().toUpperCase();
}

/**
 * A name's key for case-insensitive matching in any script (`Zainab`, `ZAINAB`; `Łukasz`, `ŁUKASZ`;
 * `straße`, `STRASSE`): computed here rather than by the database, whose lower() is ASCII-only in
 * SQLite and locale-dependent in PostgreSQL, so both engines match the same names.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase();
}
