/** `help [command]`: generated from the command specs, so it never drifts from what exists. */
import { z } from 'zod';
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
    if (!args.command) return overview(context.registry);
    const spec = findCommand(context.registry, args.command);
    if (!spec) throw new NotFound(`There is no command "${args.command}". ${overview(context.registry).text}`);
    return commandHelp(spec);
  },
});

export function findCommand(registry: readonly CommandSpec[], word: string): CommandSpec | undefined {
  const w = word.toLowerCase();
  return registry.find((spec) => spec.name === w || spec.aliases?.includes(w));
}

export function overview(registry: readonly CommandSpec[]): Reply {
  const lines = registry.map((spec) => `\`${spec.usage}\` — ${spec.summary}`);
  const text = ['Followthrough keeps track of what was promised. Commands:', ...lines, 'Type `help <command>` for examples.'].join('\n');
  return privateReply(text, {
    title: 'Followthrough commands',
    sections: [{ fields: registry.map((spec) => ({ label: spec.usage, value: spec.summary })) }],
    footer: 'Type `help <command>` for examples.',
  });
}

export function commandHelp(spec: CommandSpec): Reply {
  const text = [`\`${spec.usage}\` — ${spec.summary}`, 'Examples:', ...spec.examples.map((e) => `  ${e}`)].join('\n');
  return privateReply(text, {
    title: spec.name,
    sections: [
      { text: `\`${spec.usage}\`\n${spec.summary}` },
      { heading: 'Examples', text: spec.examples.map((e) => `\`${e}\``).join('\n') },
    ],
  });
}
