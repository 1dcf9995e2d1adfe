/** `help [command]`: generated from the command specs, so it never drifts from what exists. */
import { z } from 'zod';
import type { ChannelKind } from '../ports/invocation.js';
import { inPlaceWords } from '../replies/place-words.js';
import { privateReply, type Reply } from '../replies/reply.js';
import { NotFound } from './errors.js';
import { defineCommand, type CommandSpec } from './spec.js';

export const helpCommand = defineCommand({
  name: 'help',
  aliases: ['?', 'commands'],
  summary: 'List the commands, or explain one.',
  usage: 'help [command]',
  examples: ['help', 'help add'],
  args: z.object({ command: z.string().optional() }),
  read: (input) => ({ command: input.words[0]?.toLowerCase() }),
  async run(context, args) {
    const place = { direct: context.invocation.channel.isDirect, kind: context.channel.kind };
    if (!args.command) return overview(context.registry, place);
    const spec = findCommand(context.registry, args.command);
    if (!spec) throw new NotFound(`There is no command "${args.command}". ${overview(context.registry, place).text}`);
    return commandHelp(spec, place);
  },
});

export function findCommand(registry: readonly CommandSpec[], word: string): CommandSpec | undefined {
  const w = word.toLowerCase();
  return registry.find((spec) => spec.name === w || spec.aliases?.includes(w));
}

/**
 * Where help is read: in a DM or 1:1 chat (`direct`) the lines say what each command does there;
 * in a group chat (`kind: 'chat'`) "this channel" reads "this chat".
 */
interface HelpPlace {
  direct?: boolean;
  kind?: ChannelKind;
}

/** A command's line for `help`, in words that fit where it is read. */
export function summaryOf(spec: CommandSpec, place: HelpPlace = {}): string {
  if (place.direct && spec.summaryInDirect) return spec.summaryInDirect;
  return place.kind === 'chat' ? inPlaceWords(spec.summary, 'chat') : spec.summary;
}

export function overview(registry: readonly CommandSpec[], place: HelpPlace = {}): Reply {
  const lines = registry.map((spec) => `\`${spec.usage}\` — ${summaryOf(spec, place)}`);
  const text = ['Followthrough keeps track of what was promised. Commands:', ...lines, 'Type `help <command>` for examples.'].join('\n');
  return privateReply(text, {
    title: 'Followthrough commands',
    sections: [{ fields: registry.map((spec) => ({ label: spec.usage, value: summaryOf(spec, place) })) }],
    footer: 'Type `help <command>` for examples.',
  });
}

export function commandHelp(spec: CommandSpec, place: HelpPlace = {}): Reply {
  const summary = summaryOf(spec, place);
  const text = [`\`${spec.usage}\` — ${summary}`, 'Examples:', ...spec.examples.map((e) => `  ${e}`)].join('\n');
  return privateReply(text, {
    title: spec.name,
    sections: [{ text: `\`${spec.usage}\`\n${summary}` }, { heading: 'Examples', text: spec.examples.map((e) => `\`${e}\``).join('\n') }],
  });
}
