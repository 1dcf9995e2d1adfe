// The operator's commands, run for real on a real SQLite file: typos, read-only commands that find
// no database, path arguments, workspace discovery, the report, and dry-run counts.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDbPath } from '../helpers/temp-db.js';

const temp = tempDbPath('ft-operator-');
const env = { FOLLOWTHROUGH_DB: temp.file, USER: 'coordinator' };
const missing = join(temp.dir, 'mistyped.db');

beforeAll(async () => {
  const seeded = await runCli(['start'], {
    input:
      'add Appoint liaison officers due 2099-02-05\nadd Open border markets due 2020-01-01\ndone C-1 appointed\n/in border\nadd Deploy officers\n',
    env,
  });
  expect(seeded.code).toBe(0);
  mkdirSync(join(temp.dir, 'out'));
});
afterAll(() => temp.remove());

describe.concurrent('operator CLI', () => {
  it('suggests the command a typo meant, instead of passing it to start', async () => {
    const result = await runCli(['stauts'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^followthrough: unknown command "stauts"\. Did you mean status\? Commands: start, backup/);
  });

  it.each([
    [['status'], /^Cannot run status: FOLLOWTHROUGH_DB=.*mistyped\.db does not exist, so there is nothing to report on/],
    [
      ['backup', join(temp.dir, 'copy.db')],
      /^Cannot run backup: FOLLOWTHROUGH_DB=.*mistyped\.db does not exist, so there is nothing to back up/,
    ],
    [['export', 'csv'], /^Cannot run export: FOLLOWTHROUGH_DB=.*mistyped\.db does not exist/],
  ])('%j refuses a database that does not exist, and creates none', async (args, message) => {
    const result = await runCli(args, { env: { FOLLOWTHROUGH_DB: missing } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(temp.dir, 'copy.db'))).toBe(false);
  });

  it.each([
    [
      ['backup', join(temp.dir, 'out')],
      /^Cannot run backup: The backup file ".*out" is a folder; give a file name, for example .*out\/followthrough-backup\.db\.$/,
    ],
    [
      ['backup', join(temp.dir, 'no', 'such', 'copy.db')],
      /^Cannot run backup: The backup file ".*copy\.db": the folder .*no\/such does not exist; create it first or give another path\.$/,
    ],
    [
      ['export', 'csv', '--out', join(temp.dir, 'out')],
      /^Cannot run export: --out ".*out" is a folder; give a file name, for example .*out\/commitments\.csv\.$/,
    ],
    [
      ['export', 'ics', '--out', join(temp.dir, 'nowhere', 'x.ics')],
      /^Cannot run export: --out ".*x\.ics": the folder .*nowhere does not exist/,
    ],
  ])('%j gives one clean line for a bad path', async (args, message) => {
    const result = await runCli(args, { env });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown --time-zone for extract', async () => {
    const result = await runCli(['extract', '-', '--time-zone', 'Mars/Olympus'], { input: 'Both sides agreed to meet.' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--time-zone must be an IANA time zone such as Asia\/Karachi or Europe\/Berlin; got "Mars\/Olympus"/);
  });

  it('says "0 reminders" when nothing is due', async () => {
    const result = await runCli(['reminders', '--dry-run', '--at', '2099-01-01T03:00:00Z'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^0 reminders due at 2099-01-01T03:00:00\.000Z \(nothing to send\)\.$/m);
  });

  it('lists workspaces and channels, so an operator learns the ids to pass', async () => {
    const text = await runCli(['workspaces'], { env });
    expect(text.stdout).toBe('console — 2 channels\n  console:border #border — 1 open of 1\n  console:local #local — 1 open of 2\n');
    const json = JSON.parse((await runCli(['workspaces', '--json'], { env })).stdout);
    expect(json[0]).toMatchObject({
      id: 'console',
      channels: [
        { address: 'console:border', open: 1, total: 1 },
        { address: 'console:local', open: 1, total: 2 },
      ],
    });
  });

  it('exports without --workspace when the database holds one', async () => {
    const result = await runCli(['export', 'csv', '--out', join(temp.dir, 'out', 'all.csv')], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Wrote 3 commitments of console to .*all\.csv/);
  });

  it('reports on the workspace, one channel, or as JSON', async () => {
    const everywhere = await runCli(['report'], { env });
    expect(everywhere.stdout).toMatch(
      /^Report everywhere in console: 3 promised · 1 kept on time · 1 under way · 1 late · 0 dropped\nCompliance \+0\.00/,
    );
    const channel = await runCli(['report', '--channel', 'console:border'], { env });
    expect(channel.stdout).toMatch(/^Report in console:border: 1 promised · 0 kept on time · 1 under way/);
    const json = JSON.parse((await runCli(['report', '--everywhere', '--json'], { env })).stdout);
    expect(json).toMatchObject({ workspace: 'console', counts: { promised: 3, kept: 1, late: 1 }, score: 0 });
    expect(json.items.map((i: { id: string }) => i.id).sort()).toEqual(['C-1', 'C-2', 'C-3']);
    const both = await runCli(['report', '--channel', 'console:border', '--everywhere'], { env });
    expect(both.stderr).toMatch(/give --channel <address> or --everywhere, not both/);
  });
});
