// The README's console session is run for real and must give what the README shows: it cannot drift.
// After a deliberate change of wording, run `npm run readme` to regenerate it.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionBlock, sessionCommands } from '../helpers/readme-blocks.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDbPath } from '../helpers/temp-db.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/**
 * Instants (history times, snooze ends) vary run to run, and so does the day an item is marked done
 * ("done Tue 1 Dec" is today); the session's own calendar dates and ids do not.
 */
function normalise(text: string): string {
  return text
    .replace(/\b\d{1,2} [A-Z][a-z]{2} \d{2}:\d{2}\b/g, '<instant>')
    .replace(/\(done [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}(?: \d{4})?\)/g, '(done <today>)')
    .trimEnd();
}

describe('README console session', () => {
  const db = tempDbPath();
  afterAll(() => db.remove());

  it('has a session to run', () => {
    expect(sessionCommands(sessionBlock(readme)).length).toBeGreaterThan(5);
  });

  it('gives exactly the output the README shows', async () => {
    const block = sessionBlock(readme);
    const { stdout, code } = await runCli(['start'], {
      input: `${sessionCommands(block).join('\n')}\n`,
      env: { FOLLOWTHROUGH_DB: db.file, USER: 'coordinator' },
    });
    expect(code).toBe(0);
    expect(normalise(stdout)).toBe(normalise(block));
  });
});
