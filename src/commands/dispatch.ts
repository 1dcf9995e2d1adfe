/** Turns one invocation into one reply: limits, lookup, argument validation, friendly errors. */
import type { Logger } from 'pino';
import type { Clock } from '../ports/clock.js';
import type { ChannelKind, Invocation } from '../ports/invocation.js';
import { privateReply, type Reply } from '../replies/reply.js';
import { StoreUnavailable, type ChannelRecord, type Store } from '../store/store.js';
import { UserError } from './errors.js';
import { findCommand, overview } from './help.js';
import { reactivateChannel, reactivatedLine } from './reactivate-channel.js';
import type { CommandContext, CommandSpec, CoreSettings } from './spec.js';
import { commandInput, foldQuotes, textAfterWords } from './tokenize.js';

export const MAX_COMMAND_LENGTH = 4000;

export interface DispatchDeps {
  store: Store;
  clock: Clock;
  settings: CoreSettings;
  registry: readonly CommandSpec[];
  logger?: Pick<Logger, 'error' | 'warn'>;
}

export async function dispatch(deps: DispatchDeps, invocation: Invocation): Promise<Reply> {
  return (await execute(deps, invocation)).reply;
}

export interface Execution {
  reply: Reply;
  /** True when the command was refused or could not run (bad input, not allowed, unknown id). */
  failed: boolean;
}

export async function execute(deps: DispatchDeps, invocation: Invocation): Promise<Execution> {
  const failed = (reply: Reply): Execution => ({ reply, failed: true });
  const text = foldQuotes(invocation.text).trim();
  if (text.length > MAX_COMMAND_LENGTH) {
    // Minutes and statements often run longer than a command may: say how to import one anyway.
    const longImport = /^import\b/i.test(text)
      ? `\nImport it in parts (one \`import\` per section), or have whoever runs Followthrough run \`npx followthrough import <file> --channel ${invocation.channel.address} --date <YYYY-MM-DD>\`.`
      : '';
    return failed(
      privateReply(`That command is ${text.length} characters long; the limit is ${MAX_COMMAND_LENGTH}. Nothing was changed.${longImport}`),
    );
  }
  if (text === '')
    return {
      reply: overview(deps.registry, { direct: invocation.channel.isDirect, kind: invocation.channel.kind ?? fallbackKind(invocation) }),
      failed: false,
    };
  const word = text.split(/\s+/)[0];
  const spec = findCommand(deps.registry, word);
  if (!spec) {
    const names = deps.registry.map((c) => c.name).join(', ');
    return failed(privateReply(`I don't know "${word}". Commands: ${names}. Type \`help\` for what each does.`));
  }
  return run(deps, invocation, spec, () => spec.read(commandInput(textAfterWords(text, 1))));
}

/**
 * Runs one command spec with arguments given as an object (a button press), through the same
 * validation, permission checks and friendly errors as typed words.
 */
export async function executeCommand(
  deps: DispatchDeps,
  invocation: Invocation,
  name: string,
  args: Record<string, unknown>,
): Promise<Execution> {
  const spec = deps.registry.find((c) => c.name === name);
  if (!spec)
    return {
      reply: privateReply(`This button needs the \`${name}\` command, which is not available here. Nothing was changed.`),
      failed: true,
    };
  return run(deps, invocation, spec, () => args);
}

async function run(deps: DispatchDeps, invocation: Invocation, spec: CommandSpec, rawArgs: () => unknown): Promise<Execution> {
  const failed = (reply: Reply): Execution => ({ reply, failed: true });
  try {
    const context = await contextFor(deps, invocation);
    const parsed = spec.args.safeParse(rawArgs());
    if (!parsed.success) {
      const problem = parsed.error.issues[0]?.message ?? 'That did not fit.';
      // After a mistake, an example with arguments helps; the bare command (`remind`) does not.
      const example = spec.examples.find((e) => e.trim().includes(' ')) ?? spec.examples[0];
      return failed(privateReply(`${problem}\nUsage: \`${spec.usage}\` — for example \`${example}\`. Nothing was changed.`));
    }
    const reactivated = await reactivateHere(deps, context);
    const reply = await spec.run(context, parsed.data);
    return { reply: reactivated ? withLine(reply, reactivatedLine(context.channel.kind)) : reply, failed: false };
  } catch (error) {
    if (error instanceof UserError) {
      const usage = error.code === 'usage' ? `\nUsage: \`${spec.usage}\`` : '';
      return failed(privateReply(`${error.message}${usage}`));
    }
    if (error instanceof StoreUnavailable) {
      deps.logger?.error({ err: error, command: spec.name, reason: error.reason }, 'store refused a write');
      return failed(
        privateReply(
          `I could not save that: the database cannot be written right now, so nothing was changed. Please tell whoever runs Followthrough (${error.reason}).`,
        ),
      );
    }
    deps.logger?.error({ err: error, command: spec.name }, 'command failed');
    return failed(
      privateReply('Something went wrong on my side, and nothing was changed. Please try again; if it keeps happening, tell your admin.'),
    );
  }
}

/**
 * A well-formed command in a channel marked inactive, where the bot can post (not a Slack slash
 * command in a channel it is not in), brings the channel back before the command runs, so
 * `remind` there already answers with the next digest.
 */
async function reactivateHere(deps: DispatchDeps, context: CommandContext): Promise<boolean> {
  const { channel, invocation } = context;
  if (channel.active || invocation.channel.isDirect || invocation.channel.botIsMember === false) return false;
  if ((await reactivateChannel(deps.store, channel.address)) === 0) return false;
  context.channel = (await deps.store.channels.get(channel.workspaceId, channel.address)) ?? channel;
  return true;
}

function withLine(reply: Reply, line: string): Reply {
  return {
    ...reply,
    text: `${reply.text}\n${line}`,
    card: reply.card && { ...reply.card, footer: [reply.card.footer, line].filter(Boolean).join('\n') },
  };
}

/**
 * Records where (creating the channel in the asker's zone on first sight). Who asked is the
 * adapter's to record: it alone knows a person's DM address, profile zone and platform ids, so user
 * rows have one writer and a command never overwrites them with what one payload happened to say.
 */
async function contextFor(deps: DispatchDeps, invocation: Invocation): Promise<CommandContext> {
  const { store } = deps;
  const workspaceId = invocation.workspace.id;
  await store.workspaces.ensure({ id: workspaceId, name: invocation.workspace.name });
  const { user } = invocation;
  const stored = await store.channels.get(workspaceId, invocation.channel.address);
  // The kind is recorded (or corrected) here, so replies and later digests can say "this chat" in a
  // group chat. A payload that does not say (a Slack @mention) keeps what an earlier one recorded.
  const kind = invocation.channel.kind ?? stored?.kind ?? fallbackKind(invocation);
  const channel: ChannelRecord = !stored
    ? await store.channels.upsert({
        workspaceId,
        address: invocation.channel.address,
        name: invocation.channel.name,
        kind,
        timeZone: user.tz ?? deps.settings.defaultTimeZone,
      })
    : stored.kind === kind
      ? stored
      : await store.channels.upsert({ workspaceId, address: stored.address, kind });
  return {
    invocation,
    store,
    clock: deps.clock,
    settings: deps.settings,
    actor: { id: user.id, name: user.name },
    channel,
    registry: deps.registry,
  };
}

/** An adapter that does not say what kind of place it is: a DM, or else a channel. */
function fallbackKind(invocation: Invocation): ChannelKind {
  return invocation.channel.kind ?? (invocation.channel.isDirect ? 'direct' : 'channel');
}
