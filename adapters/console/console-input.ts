/** Turns a console line into an invocation: `@name` becomes a mention, like a chat client would. */
import type { Invocation, Mention } from '../../src/ports/invocation.js';

export interface ConsoleIdentity {
  workspace: string;
  channel: string;
  user: string;
  timeZone?: string;
}

export function consoleInvocation(line: string, identity: ConsoleIdentity, receivedAt: Date): Invocation {
  const mentions: Mention[] = [];
  const text = line.replace(/(^|\s)@([\w.-]+)/g, (_, space: string, name: string) => {
    if (!mentions.some((m) => m.id === name)) mentions.push({ id: name, name });
    return `${space}<@${name}>`;
  });
  return {
    workspace: { id: identity.workspace },
    channel: { address: `console:${identity.channel}`, name: identity.channel, isDirect: false, kind: 'channel' },
    user: { id: identity.user, name: identity.user, tz: identity.timeZone, isAdmin: false },
    text,
    mentions,
    receivedAt,
  };
}
