/** Slack addresses: `slack:<team>:<channel or user>`, opaque to the core, owned here. */

export function slackAddress(teamId: string, conversationId: string): string {
  return `slack:${teamId}:${conversationId}`;
}

export function parseSlackAddress(address: string): { teamId: string; conversationId: string } {
  const match = /^slack:([^:]+):([^:]+)$/.exec(address);
  if (!match) throw new Error(`not a Slack address: ${address}`);
  return { teamId: match[1], conversationId: match[2] };
}

/** DMs have ids starting with D; a user id (U/W) as a target opens the app's DM with that user. */
export function isDirectConversation(conversationId: string): boolean {
  return /^[DUW]/.test(conversationId);
}
