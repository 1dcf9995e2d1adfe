// The README's command table is the registry's: every spec is documented with its usage, and nothing else is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/registry.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.split('<!-- commands:start -->')[1]?.split('<!-- commands:end -->')[0] ?? '';

/** The table as the specs say it should be (regenerate the README block from this when a spec changes). */
export function commandTable(): string {
  const rows = commands.map((spec) => `| \`${spec.usage.replace(/\|/g, '\\|')}\` | ${spec.summary} |`);
  return ['| command | what it does |', '|---|---|', ...rows].join('\n');
}

describe('README command table', () => {
  it('matches the command specs exactly', () => {
    expect(section.trim()).toBe(commandTable());
  });
});
