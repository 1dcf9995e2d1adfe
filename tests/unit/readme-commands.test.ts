// The README's command table is the registry's: every spec is documented with its usage, and nothing else is.
// After changing a spec, run `npm run readme` to regenerate the table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandTable, readmeBlock } from '../helpers/readme-blocks.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README command table', () => {
  it('matches the command specs exactly', () => {
    expect(readmeBlock(readme, 'commands').trim()).toBe(commandTable());
  });
});
