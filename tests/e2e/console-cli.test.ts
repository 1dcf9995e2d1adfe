// The console adapter end to end: the real CLI in a child process, commands piped in, a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDbPath } from '../helpers/temp-db.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0)) f();
});

function session() {
  const db = tempDbPath();
  cleanups.push(db.remove);
  const env = { FOLLOWTHROUGH_DB: db.file, USER: 'coordinator' };
  return {
    file: db.file,
    run: (...lines: string[]) => runCli(['start'], { input: `${lines.join('\n')}\n`, env }),
  };
}

describe('console, end to end', () => {
  it('exits at end of input and keeps data across runs (fixed identity)', async () => {
    const s = session();
    const first = await s.run('add Appoint liaison officers due 2099-02-05');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/coordinator added C-1: Appoint liaison officers — @coordinator/);
    const second = await s.run('list');
    expect(second.stdout).toMatch(/C-1 {2}Appoint liaison officers — due Thu 5 Feb 2099 — @coordinator/);
  });

  it('switches user and channel with /as and /in', async () => {
    const s = session();
    const { stdout } = await s.run('add Deploy officers', '/as bob', 'drop C-1', '/in border', 'list', '/in local', 'list');
    expect(stdout).toMatch(/\(you are now bob\)/);
    expect(stdout).toMatch(/Only the owners \(coordinator\)/);
    expect(stdout).toMatch(/> list\nCommitments in this channel: nothing here/);
    expect(stdout).toMatch(/C-1 {2}Deploy officers/);
  });

  it('events: three wordings join one event; one confirmation dates all three', async () => {
    const s = session();
    const { stdout } = await s.run(
      'add Raisi visits Pakistan after the formation of the new government agreed 2024-01-29',
      'add Sign the trade MoU within 2 weeks after new government formed agreed 2024-01-29',
      'add Brief parliament before the new government is formed agreed 2024-01-29',
      'event',
      'event E-1 2024-03-04',
      'list all',
    );
    expect(stdout).toMatch(/New event E-1 "the formation of the new government"/);
    expect(stdout.match(/Joined event E-1/g)).toHaveLength(2);
    expect(stdout).toMatch(/E-1 "the formation of the new government" — not yet — 3 commitments: C-1, C-2, C-3/);
    expect(stdout).toMatch(/confirmed E-1 "the formation of the new government" happened on 2024-03-04/);
    expect(stdout).toMatch(/C-1 Raisi visits Pakistan — overdue since ~3 Apr 2024/);
    expect(stdout).toMatch(/C-2 Sign the trade MoU — overdue since Mon 18 Mar 2024/);
    expect(stdout).toMatch(/C-3 Brief parliament — overdue since Sun 3 Mar 2024/);
    expect(stdout).not.toMatch(/Waiting on an event/);
  });

  it('an ambiguous event name asks which; an unknown one says so; nothing changes', async () => {
    const s = session();
    const { stdout } = await s.run(
      'add Visit after the border talks',
      'add Report after the border market opening',
      'event "border" 2024-03-04',
      'event "harvest festival" 2024-03-04',
      'event',
    );
    expect(stdout).toMatch(/"border" could be E-1 "the border talks" or E-2 "the border market opening"/);
    expect(stdout).toMatch(/No event is called "harvest festival"/);
    expect(stdout).toMatch(/E-1 "the border talks" — not yet/);
    expect(stdout).toMatch(/E-2 "the border market opening" — not yet/);
  });

  it('snooze, status and timezone work, and bad values are answered without change', async () => {
    const s = session();
    const { stdout } = await s.run(
      'add Open border markets due 2099-03-01',
      'snooze C-1 1w',
      'snooze C-1 whenever',
      'status C-1 blocked waiting for customs staff',
      'status C-1 sideways',
      'status C-1 at-risk',
      'timezone Asia/Karachi',
      'timezone Mars/Olympus',
      'timezone',
      'show C-1',
    );
    expect(stdout).toMatch(/Snoozed C-1 until .*It is still due Sun 1 Mar 2099/);
    expect(stdout).toMatch(/could not read "whenever" as a time to snooze until/);
    expect(stdout).toMatch(/Status of C-1 is now blocked — waiting for customs staff/);
    expect(stdout).toMatch(/The status is one of in-progress, blocked, at-risk or ok/);
    expect(stdout).toMatch(/Status of C-1 is now blocked, at risk/);
    expect(stdout).toMatch(/time zone is now Asia\/Karachi \(was UTC\)/);
    expect(stdout).toMatch(/"Mars\/Olympus" is not a time zone I know/);
    expect(stdout).toMatch(/This channel's time zone is Asia\/Karachi/);
    const history = stdout.slice(stdout.lastIndexOf('History:'));
    expect(history.match(/coordinator (snoozed|set status)/g)).toEqual([
      'coordinator snoozed',
      'coordinator set status',
      'coordinator set status',
    ]);
  });

  it('gives console users a DM address, so owner nudges reach the console too', async () => {
    const s = session();
    // One console run for both adds: each start of the CLI costs seconds on a loaded machine.
    await s.run('add Appoint officers @bob due 2099-03-02', 'add Open the border markets @bob due 2099-03-02');
    const dry = await runCli(['reminders', '--dry-run', '--at', '2099-03-02T09:05:00Z'], { env: { FOLLOWTHROUGH_DB: s.file } });
    const rows = dry.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; address: string; commitments: string[]; text: string });
    // Bob's day is one message, printed as one line (issue 11: the combined owner message).
    const bob = rows.filter((r) => r.address === 'console:dm:bob');
    expect(bob).toEqual([expect.objectContaining({ kind: 'owner-day', commitments: ['C-1', 'C-2'] })]);
    expect(bob[0].text).toMatch(
      /^Your commitments, Mon 2 Mar — 2 due soon\nDue soon:\n {2}C-1 Appoint officers — Due today \(Mon 2 Mar\)\.\n {2}C-2 Open the border markets — Due today/,
    );
  });

  it('backup writes a copy the bot can open', async () => {
    const s = session();
    await s.run('add Kept in the backup');
    const copy = `${s.file}.copy`;
    const backup = await runCli(['backup', copy], { env: { FOLLOWTHROUGH_DB: s.file } });
    expect(backup.stdout).toMatch(/Backed up to/);
    const fromCopy = await runCli(['start'], { input: 'list\n', env: { FOLLOWTHROUGH_DB: copy, USER: 'coordinator' } });
    expect(fromCopy.stdout).toMatch(/Kept in the backup/);
  });

  it('refuses to start on a bad variable, naming it and where to get it', async () => {
    const s = session();
    const result = await runCli(['start'], { env: { FOLLOWTHROUGH_DB: s.file, FOLLOWTHROUGH_DEFAULT_TZ: 'Nowhere/Land' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/FOLLOWTHROUGH_DEFAULT_TZ is not an IANA time zone.*Where to get it/);
  });
});
