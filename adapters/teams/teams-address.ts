/**
 * Teams addresses: `teams:<tenant>:<channel or conversation id>` for places, and
 * `teams:<tenant>:user:<aadObjectId>` for a person's 1:1 chat with the bot (created on first use).
 */

export type TeamsAddress =
  | { kind: 'conversation'; tenantId: string; conversationKey: string }
  | { kind: 'user'; tenantId: string; aadObjectId: string };

export function conversationAddress(tenantId: string, conversationKey: string): string {
  return `teams:${tenantId}:${conversationKey}`;
}

export function userAddress(tenantId: string, aadObjectId: string): string {
  return `teams:${tenantId}:user:${aadObjectId}`;
}

/** Reads an address this adapter made; Teams ids contain colons, so only the first two split. */
export function parseTeamsAddress(address: string): TeamsAddress {
  const match = /^teams:([^:]+):(.+)$/.exec(address);
  if (!match) throw new Error(`not a Teams address: ${address}`);
  const [, tenantId, rest] = match;
  if (rest.startsWith('user:')) return { kind: 'user', tenantId, aadObjectId: rest.slice('user:'.length) };
  return { kind: 'conversation', tenantId, conversationKey: rest };
}
