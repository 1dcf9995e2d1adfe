/** The README's generated blocks: what they should contain, and how to find them. */
import { commands } from '../../src/commands/registry.js';

/** The command table as the specs say it should be. */
export function commandTable(): string {
  const rows = commands.map((spec) => `| \`${spec.usage.replace(/\|/g, '\\|')}\` | ${spec.summary} |`);
  return ['| command | what it does |', '|---|---|', ...rows].join('\n');
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function readmeBlock(readme: string, name: string): string {
  return readme.split(`<!-- ${name}:start -->`)[1]?.split(`<!-- ${name}:end -->`)[0] ?? '';
}

/** The fenced console transcript of the console-session block. */
export function sessionBlock(readme: string): string {
  const fenced = /```[a-z]*\n([\s\S]*?)```/.exec(readmeBlock(readme, 'console-session'));
  return fenced ? fenced[1] : '';
}

/** The commands of a transcript: its lines after `> `. */
export function sessionCommands(transcript: string): string[] {
  return transcript
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.slice(2));
}
