// `followthrough extract --json` prints only a JSON array on stdout.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

describe('followthrough extract', () => {
  it('prints a JSON array of proposed commitments with --json', () => {
    const stdout = execFileSync('node', ['src/cli/bin.js', 'extract', '-', '--date', '2025-02-11', '--json'], {
      cwd: root,
      input: 'ACTION: Marco to fix the three failing payment tests by 2025-02-13.\nThe team welcomed the results.',
      env: { ...process.env, LOG_LEVEL: 'error' },
    }).toString();
    const items = JSON.parse(stdout);
    expect(items).toEqual([
      expect.objectContaining({
        action: 'fix the three failing payment tests',
        parties: ['Marco'],
        deadline: { kind: 'exact', text: 'by 2025-02-13', due: '2025-02-13' },
        quote: 'Marco to fix the three failing payment tests by 2025-02-13.',
        weak: false,
      }),
    ]);
  });

  it('refuses a malformed --date, naming the format', () => {
    expect(() =>
      execFileSync('node', ['src/cli/bin.js', 'extract', '-', '--date', '29/01/2024'], { cwd: root, input: 'x', stdio: 'pipe' }),
    ).toThrow(/YYYY-MM-DD/);
  });
});
