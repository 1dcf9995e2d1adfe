// Every issue-2 command through the core: replies, stored state, log rows, refusals, idempotency.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/core-harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(async () => {
  await h.close();
});

async function logActions(id: string, workspace = 'w1'): Promise<string[]> {
  return (await h.store.commitments.history(workspace, id)).map((e) => e.action);
}

describe('add', () => {
  it('stores title, owners, tags, deadline and the agreed date, and answers in the channel', async () => {
    const reply = await h.say('add Appoint liaison officers @bob @carol tag:border due 2024-03-15 agreed 2024-01-29');
    expect(reply.visibility).toBe('channel');
    expect(reply.text).toMatch(/alice added C-1: Appoint liaison officers/);
    const c = await h.store.commitments.get('w1', 'C-1');
    expect(c?.title).toBe('Appoint liaison officers');
    expect(c?.owners.map((o) => o.id)).toEqual(['bob', 'carol']);
    expect(c?.tags).toEqual(['border']);
    expect(c?.deadline).toMatchObject({ kind: 'exact', due: '2024-03-15', reference: '2024-01-29' });
    expect(c?.source.agreedOn).toBe('2024-01-29');
    expect(c?.status).toBe('open');
    expect(await logActions('C-1')).toEqual(['created']);
  });

  it('makes the creator the owner when nobody is mentioned, and numbers ids per workspace', async () => {
    await h.say('add First thing');
    await h.say('add Second thing');
    await h.say('add Elsewhere', { workspace: 'w2' });
    expect((await h.store.commitments.get('w1', 'C-2'))?.owners).toEqual([{ id: 'alice', name: 'alice' }]);
    expect((await h.store.commitments.get('w2', 'C-1'))?.title).toBe('Elsewhere');
  });

  it('sets the channel digest schedule on the first commitment and says so, once', async () => {
    expect((await h.say('add First thing')).text).toMatch(/digest weekdays at 09:00 \(UTC\)/);
    expect((await h.say('add Second thing')).text).not.toMatch(/digest/);
    expect((await h.store.channels.get('w1', 'test:general'))?.schedule).toBe('weekdays 09:00');
  });

  it('takes the channel zone from the first user who speaks there', async () => {
    await h.say('add Something', { tz: 'Asia/Karachi' });
    expect((await h.store.channels.get('w1', 'test:general'))?.timeZone).toBe('Asia/Karachi');
    expect((await h.store.commitments.get('w1', 'C-1'))?.timeZone).toBe('Asia/Karachi');
  });

  it('refuses an empty or over-long title and changes nothing', async () => {
    expect((await h.say('add')).text).toMatch(/Say what was promised/);
    expect((await h.say(`add ${'x'.repeat(201)}`)).text).toMatch(/at most 200 characters/);
    expect((await h.say(`add ${'x'.repeat(4001)}`)).text).toMatch(/limit is 4000/);
    expect(await h.store.commitments.list('w1')).toEqual([]);
  });

  it('refuses an impossible agreed date', async () => {
    expect((await h.say('add Something agreed 2024-02-30')).text).toMatch(
      /could not read "2024-02-30"|impossible|no 30 February|not a real/i,
    );
    expect(await h.store.commitments.list('w1')).toEqual([]);
  });

  it('reads "agreed" as the option only where a date follows (issue 11: "the agreed minutes")', async () => {
    const reply = (await h.say('add Circulate the agreed minutes of the 29 Jan meeting by 5 Feb')).text;
    expect(reply).toMatch(/added C-1: Circulate the agreed minutes of the 29 Jan meeting/);
    const [c] = await h.store.commitments.list('w1');
    expect(c.deadline).toMatchObject({ kind: 'exact', due: '2024-02-05' });
    expect(c.source.agreedOn).toBeUndefined();
    await h.say('add Something agreed whenever');
    expect((await h.store.commitments.get('w1', 'C-2'))?.title).toBe('Something agreed whenever');
    await h.say('add Appoint officers immediately agreed 29 Jan 2024 tag:border');
    expect((await h.store.commitments.get('w1', 'C-3'))?.source.agreedOn).toBe('2024-01-29');
    await h.say('add Deploy officers agreed 2024-01-29 due 2024-03-01');
    expect(await h.store.commitments.get('w1', 'C-4')).toMatchObject({
      title: 'Deploy officers',
      source: { agreedOn: '2024-01-29' },
      deadline: { due: '2024-03-01' },
    });
  });
});

describe('list', () => {
  beforeEach(async () => {
    await h.say('add Overdue thing due 2024-01-20');
    await h.say('add Soon thing @bob due 2024-02-01 tag:border');
    await h.say('add Later thing due 2024-06-01', { channel: 'other' });
    await h.say('add Undated thing');
  });

  it("shows this channel's open items, overdue first", async () => {
    const { text, visibility } = await h.say('list');
    expect(visibility).toBe('private');
    expect(text.indexOf('Overdue thing')).toBeLessThan(text.indexOf('Soon thing'));
    expect(text).not.toMatch(/Later thing/);
    expect(text).toMatch(/Undated thing/);
  });

  it('filters by mine, @user, tag, overdue, everywhere and all', async () => {
    expect((await h.say('list mine', { user: 'bob' })).text).toMatch(/Soon thing/);
    expect((await h.say('list mine', { user: 'bob' })).text).not.toMatch(/Overdue thing/);
    expect((await h.say('list @bob')).text).toMatch(/Soon thing/);
    expect((await h.say('list tag:border')).text).toMatch(/Soon thing/);
    expect((await h.say('list tag:border')).text).not.toMatch(/Undated/);
    const overdue = (await h.say('list overdue')).text;
    expect(overdue).toMatch(/Overdue thing/);
    expect(overdue).not.toMatch(/Soon thing/);
    expect((await h.say('list everywhere')).text).toMatch(/Later thing/);
    await h.say('done C-1');
    expect((await h.say('list')).text).not.toMatch(/Overdue thing/);
    expect((await h.say('list all')).text).toMatch(/Overdue thing/);
  });

  it('means "mine" in a direct message', async () => {
    const text = (await h.say('list', { user: 'bob', direct: true, channel: 'dm-bob' })).text;
    expect(text).toMatch(/Soon thing/);
    expect(text).not.toMatch(/Undated thing/);
  });

  it('refuses an unknown filter', async () => {
    expect((await h.say('list sideways')).text).toMatch(/don't know the list filter "sideways"/);
  });
});

describe('done, reopen, drop', () => {
  beforeEach(async () => {
    await h.say('add Appoint liaison officers @bob');
  });

  it('done records one log row with note and evidence; a second done records nothing', async () => {
    const first = await h.say('done C-1 see https://example.org/notice', { user: 'bob' });
    expect(first.visibility).toBe('channel');
    expect(first.text).toMatch(/bob marked C-1 done/);
    const second = await h.say('done C-1', { user: 'bob' });
    expect(second.visibility).toBe('private');
    expect(second.text).toMatch(/already done \(by bob on Mon 29 Jan\)/);
    const history = await h.store.commitments.history('w1', 'C-1');
    expect(history.map((e) => e.action)).toEqual(['created', 'done']);
    expect(history[1]).toMatchObject({ note: 'see https://example.org/notice', evidence: 'https://example.org/notice' });
  });

  it('reopen brings a done item back; reopen of an open one changes nothing', async () => {
    await h.say('done C-1');
    expect((await h.say('reopen C-1')).text).toMatch(/reopened C-1/);
    expect((await h.store.commitments.get('w1', 'C-1'))?.status).toBe('open');
    expect((await h.say('reopen C-1')).text).toMatch(/is not done or dropped/);
    expect(await logActions('C-1')).toEqual(['created', 'done', 'reopened']);
  });

  it('drop keeps the reason; dropped items cannot be done until reopened', async () => {
    await h.say('drop C-1 superseded');
    expect((await h.say('done C-1')).text).toMatch(/was dropped/);
    expect((await h.store.commitments.history('w1', 'C-1'))[1]).toMatchObject({ action: 'dropped', note: 'superseded' });
  });

  it('accepts a bare number and lower case as an id', async () => {
    expect((await h.say('done 1')).text).toMatch(/marked C-1 done/);
    expect((await h.say('reopen c-1')).text).toMatch(/reopened C-1/);
  });

  it('answers an unknown or malformed id without changing anything', async () => {
    expect((await h.say('done C-7')).text).toMatch(/can't find C-7/);
    expect((await h.say('done banana')).text).toMatch(/An id looks like C-3/);
    expect(await logActions('C-1')).toEqual(['created']);
  });
});

describe('permissions', () => {
  beforeEach(async () => {
    await h.say('add Deploy officers @bob', { user: 'alice' });
  });

  it('owners, the creator and admins may change an item; others are refused with who can', async () => {
    const refused = await h.say('drop C-1', { user: 'mallory' });
    expect(refused.visibility).toBe('private');
    expect(refused.text).toBe('Only the owners (bob), the creator (alice) or an admin can change C-1.');
    expect(await logActions('C-1')).toEqual(['created']);
    expect((await h.say('edit C-1 tags urgent', { user: 'bob' })).text).toMatch(/Updated tags/);
    expect((await h.say('edit C-1 title Deploy military officers', { user: 'alice' })).text).toMatch(/Updated title/);
    expect((await h.say('done C-1', { user: 'root', admin: true })).text).toMatch(/marked C-1 done/);
  });
});

describe('edit', () => {
  beforeEach(async () => {
    await h.say('add Open border markets due 2024-03-01');
  });

  it('changes each field and logs old and new values', async () => {
    await h.say('edit C-1 title Operationalise joint border markets');
    await h.say('edit C-1 owner @bob @carol');
    await h.say('edit C-1 parties Pakistan, Iran');
    await h.say('edit C-1 tags border trade');
    await h.say('edit C-1 source https://example.org/statement');
    await h.say('edit C-1 quote "early operationalisation of the joint border markets"');
    await h.say('edit C-1 due 2024-04-15');
    const c = await h.store.commitments.get('w1', 'C-1');
    expect(c).toMatchObject({
      title: 'Operationalise joint border markets',
      parties: ['Pakistan', 'Iran'],
      tags: ['border', 'trade'],
      source: { url: 'https://example.org/statement', quote: 'early operationalisation of the joint border markets' },
      deadline: { kind: 'exact', due: '2024-04-15' },
    });
    expect(c?.owners.map((o) => o.id)).toEqual(['bob', 'carol']);
    const history = await h.store.commitments.history('w1', 'C-1');
    expect(history).toHaveLength(8);
    expect(history[1].detail).toEqual({ field: 'title', from: 'Open border markets', to: 'Operationalise joint border markets' });
  });

  it('refuses an unknown field, a missing value and an unreadable date', async () => {
    expect((await h.say('edit C-1 colour red')).text).toMatch(/Say which field to edit/);
    expect((await h.say('edit C-1 title')).text).toMatch(/Give the new value/);
    expect((await h.say('edit C-1 due whenever-ish')).text).toMatch(/could not read a date/);
    expect((await h.store.commitments.get('w1', 'C-1'))?.version).toBe(1);
  });
});

describe('show and help', () => {
  it('show gives fields and history', async () => {
    await h.say('add Appoint liaison officers @bob tag:border');
    await h.say('done C-1 appointed');
    const text = (await h.say('show C-1')).text;
    expect(text).toMatch(/Status: done/);
    expect(text).toMatch(/Owners: @bob/);
    expect(text).toMatch(/alice created/);
    expect(text).toMatch(/alice done — appointed/);
  });

  it('help lists every command from the specs and explains one', async () => {
    const overview = (await h.say('help')).text;
    for (const name of ['list', 'add', 'show', 'done', 'reopen', 'drop', 'edit', 'help']) expect(overview).toContain(`\`${name}`);
    expect((await h.say('help add')).text).toMatch(/Examples:/);
    expect((await h.say('help nonsense')).text).toMatch(/There is no command "nonsense"/);
    expect((await h.say('')).text).toMatch(/Commands:/);
  });

  it('folds curly quotes so a smart-quoted title is still a title', async () => {
    await h.say('add \u201cReview by legal\u201d due 2024-03-15');
    expect((await h.store.commitments.get('w1', 'C-1'))?.title).toBe('Review by legal');
  });
});

describe('buttons', () => {
  it('a Done press runs the done command and rebuilds the card it was on; a second press changes nothing', async () => {
    await h.say('add Appoint liaison officers');
    const base = h.invocation('');
    const press = { ...base, actionId: 'done', target: 'C-1', context: 'list:' };
    const first = await h.core.act(press);
    expect(first.ok).toBe(true);
    expect(first.refreshed?.card?.footer).toMatch(/alice marked C-1 done/);
    expect(first.refreshed?.text).not.toMatch(/C-1/);
    expect(first.note).toMatch(/^✅ alice marked C-1 done: Appoint liaison officers/);
    expect(first.rows?.map((r) => r.title)).toEqual(['C-1 Appoint liaison officers']);
    // Nothing changed, so it counts as refused: the presser is told, no message is edited.
    const second = await h.core.act(press);
    expect(second.ok).toBe(false);
    expect(second.message).toMatch(/already done/);
    expect(await logActions('C-1')).toEqual(['created', 'done']);
  });

  it('a refused press reports why and changes nothing', async () => {
    await h.say('add Appoint liaison officers');
    const outcome = await h.core.act({ ...h.invocation('', { user: 'mallory' }), actionId: 'done', target: 'C-1', context: 'item:C-1' });
    expect(outcome).toMatchObject({ ok: false });
    expect(outcome.message).toMatch(/Only the owners/);
    expect(outcome.refreshed).toBeUndefined();
  });
});

describe('report', () => {
  it('counts promised, kept (late or not), under way, late and dropped, and scores compliance', async () => {
    await h.say('add Late one due 2024-01-10');
    await h.say('add Future one due 2099-01-01');
    await h.say('add Kept late due 2024-01-20');
    h.clock.set('2024-01-25T12:00:00Z');
    await h.say('done C-3');
    await h.say('add Dropped one');
    await h.say('drop C-4 superseded');
    await h.say('add Elsewhere due 2024-01-01', { channel: 'other' });
    const here = (await h.say('report')).text;
    expect(here).toMatch(/4 promised · 0 kept on time · 1 kept late · 1 under way · 1 late · 1 dropped/);
    expect(here).toMatch(/Kept late:\n {2}C-3 {2}Kept late — done Thu 25 Jan, 5 days late/);
    expect(here).not.toMatch(/Kept late — overdue/);
    expect(here).toMatch(/Compliance −0\.25/);
    expect(here).not.toMatch(/Elsewhere/);
    expect((await h.say('report everywhere')).text).toMatch(/5 promised/);
    expect((await h.say('report nonsense')).text).toMatch(/takes `everywhere` and `tag:x` only/);
  });
});

describe('accept', () => {
  async function propose(title: string): Promise<string> {
    const importer = { id: 'followthrough-import', name: 'followthrough import' };
    const at = h.clock.now().toISOString();
    const c = await h.store.commitments.create(
      {
        workspaceId: 'w1',
        channel: 'test:general',
        title,
        parties: ['Pakistan'],
        owners: [],
        tags: [],
        source: { agreedOn: '2024-01-29' },
        deadline: { kind: 'none', text: '', reference: '2024-01-29' },
        timeZone: 'UTC',
        status: 'proposed',
        createdBy: importer,
        createdAt: at,
      },
      { at, actor: importer, action: 'created' },
    );
    return c.id;
  }

  it('turns a proposed item into an open one owned by whoever accepts, or by the mentioned owners', async () => {
    await propose('Appoint liaison officers');
    await propose('Open border markets');
    expect((await h.say('list')).text).not.toMatch(/Appoint/);
    expect((await h.say('list proposed')).text).toMatch(/Appoint liaison officers/);
    const reply = await h.say('accept C-1', { user: 'bob' });
    expect(reply.visibility).toBe('channel');
    expect(reply.text).toMatch(/bob accepted 1 proposed commitment:\n {2}C-1 Appoint liaison officers — @bob/);
    await h.say('accept C-2 @carol', { user: 'bob' });
    expect((await h.store.commitments.get('w1', 'C-2'))?.owners.map((o) => o.id)).toEqual(['carol']);
    expect((await h.store.commitments.history('w1', 'C-1')).map((e) => e.action)).toEqual(['created', 'accepted']);
  });

  it('accept all takes every proposed item of the channel; a second accept changes nothing', async () => {
    await propose('One');
    await propose('Two');
    expect((await h.say('accept all')).text).toMatch(/accepted 2 proposed commitments/);
    expect((await h.say('accept C-1')).text).toMatch(/C-1 is not proposed \(it is open\)\. Nothing changed\./);
    expect((await h.say('accept all')).text).toMatch(/no proposed commitments/);
  });
});

describe('import (chat)', () => {
  const statement =
    'The two foreign ministers agreed to immediately appoint liaison officers in Turbat and Zahedan. ' +
    'They also decided to establish a joint coordination mechanism at the level of foreign ministers. ' +
    'FM Jilani invited President Raisi to visit Pakistan after the formation of the new government.';

  it('proposes what a pasted statement promises, read from its date, for review; nothing is reminded yet', async () => {
    const reply = await h.say(`import agreed 2024-01-29 ${statement}`);
    expect(reply.visibility).toBe('channel');
    expect(reply.text).toMatch(/alice proposed 3 commitments from a statement of 2024-01-29/);
    expect(reply.text).toMatch(/C-1 Appoint liaison officers in Turbat and Zahedan — due ~5 Feb/);
    const proposed = await h.store.commitments.list('w1', { statuses: ['proposed'] });
    expect(proposed.map((c) => c.deadline.kind)).toEqual(['vague', 'none', 'event']);
    expect(proposed[0].source).toMatchObject({
      agreedOn: '2024-01-29',
      quote: expect.stringContaining('immediately appoint liaison officers'),
    });
    expect((await h.store.events.list('w1')).map((e) => e.name)).toEqual(['the formation of the new government']);
    expect((await h.say('list')).text).toMatch(/nothing here/);
  });

  it('answers an unreadable date, a too-short text and a text with no promise without storing anything', async () => {
    expect((await h.say(`import agreed someday ${statement}`)).text).toMatch(/could not read "someday"/);
    expect((await h.say('import hello')).text).toMatch(/Paste the statement/);
    expect((await h.say('import The weather was pleasant and the talks were described as cordial by all.')).text).toMatch(
      /found no commitments/,
    );
    expect(await h.store.commitments.list('w1')).toEqual([]);
  });
});

describe('reminder buttons', () => {
  it('confirm-date: keeping the soft date, picking one, or calling it ongoing', async () => {
    await h.say('add Deploy officers at an early date agreed 2024-01-29');
    await h.say('add Open markets at an early date agreed 2024-01-29');
    await h.say('add Share intelligence at an early date agreed 2024-01-29');
    const press = (target: string, value: string) =>
      h.core.act({ ...h.invocation(''), actionId: 'confirm-date', target, value, context: `item:${target}` });
    expect((await press('C-1', '2024-03-29')).ok).toBe(true);
    expect((await h.store.commitments.get('w1', 'C-1'))?.deadline).toMatchObject({ kind: 'exact', due: '2024-03-29' });
    await press('C-2', '2024-04-15');
    expect((await h.store.commitments.get('w1', 'C-2'))?.deadline).toMatchObject({ kind: 'exact', due: '2024-04-15' });
    await press('C-3', 'ongoing');
    expect((await h.store.commitments.get('w1', 'C-3'))?.deadline.kind).toBe('ongoing');
  });

  it('event-check: a picked date confirms the event, "not yet" changes nothing, "drop" drops the item', async () => {
    await h.say('add Visit Pakistan after the new government is formed');
    await h.say('add Sign the MoU after the new government is formed');
    const press = (target: string, value: string) =>
      h.core.act({ ...h.invocation(''), actionId: 'event-check', target, value, context: 'item:C-1' });
    const notYet = await press('E-1', 'not-yet');
    expect(notYet).toMatchObject({ ok: true, message: 'Noted: not yet. I will ask again next month.' });
    expect((await h.store.events.get('w1', 'E-1'))?.occurredOn).toBeUndefined();
    expect((await press('C-2', 'drop')).ok).toBe(true);
    expect((await h.store.commitments.get('w1', 'C-2'))?.status).toBe('dropped');
    expect((await press('E-1', '2024-03-04')).ok).toBe(true);
    expect((await h.store.commitments.get('w1', 'C-1'))?.deadline).toMatchObject({ due: '2024-04-03' });
  });
});

describe('status lifecycle', () => {
  it('refuses a move the lifecycle does not allow, naming the way out, and changes nothing', async () => {
    await h.say('add Appoint liaison officers');
    await h.say('done C-1');
    expect((await h.say('drop C-1 changed our mind')).text).toMatch(
      /C-1 is done, so it cannot become dropped\. Reopen it first with `reopen C-1`/,
    );
    expect((await h.store.commitments.get('w1', 'C-1'))?.status).toBe('done');
    expect(await logActions('C-1')).toEqual(['created', 'done']);
  });
});
