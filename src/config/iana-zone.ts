/** Whether a time zone name is one the runtime knows (IANA, e.g. Europe/Berlin); its own file so `extract` need not load zod. */
export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
