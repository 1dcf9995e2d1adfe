// Issue 11 through the core: presses keep shared messages what they were, review is review, imports
// do not duplicate, ongoing reviews feed the report, an inactive channel comes back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action } from '../../src/ports/invocation.js';
import { createHarness, type Harness } from '../helpers/core-harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness('2024-01-29T09:00:00Z');
});
afterEach(() => h.close());

function press(actionId: string, target: string, options: { value?: string; context?: string; user?: string } = {}): Action {
  const base = h.invocation('', { user: options.user });
  return {
    workspace: base.workspace,
    channel: base.channel,
    user: base.user,
    actionId,
    target,
    value: options.value,
    context: options.context,
    receivedAt: h.clock.now(),
  };
}

const STATEMENT =
  'The two foreign ministers agreed to immediately appoint liaison officers in Turbat and Zahedan. Both sides agreed to operationalise the joint border markets at an early date.';

describe('a press on a shared message updates its row only (issue 11 item 4, core side)', () => {
  it('Done on a digest row: the row now says done and when, a note for everyone, and the rebuilt card is still a digest', async () => {
    await h.say('add Appoint liaison officers due 2024-02-02');
    await h.say('add Open the border markets due 2024-02-01');
    h.clock.set('2024-01-30T09:00:00Z');
    const outcome = await h.core.act(press('done', 'C-1', { context: 'digest:' }));
    expect(outcome.ok).toBe(true);
    expect(outcome.shared).toBe(true);
    expect(outcome.note).toMatch(/^✅ alice marked C-1 done: Appoint liaison officers \(done Tue 30 Jan, 3 days early\)/);
    expect(outcome.item).toMatchObject({ id: 'C-1', lines: ['done Tue 30 Jan, 3 days early · @alice'] });
    expect(outcome.item?.actions?.map((a) => a.label)).toEqual(['Reopen']);
    expect(outcome.refreshed?.card?.title).toMatch(/^Tue 30 Jan — /);
    expect(outcome.refreshed?.text).not.toMatch(/overdue/);
  });

  it('Done on a digest row the platform patches in place (rowsOnly): the same row and note, and the channel is not read again for a card nobody would see', async () => {
    await h.say('add Appoint liaison officers due 2024-02-02');
    await h.say('add Open the border markets due 2024-02-01');
    h.clock.set('2024-01-30T09:00:00Z');
    const list = h.store.commitments.list.bind(h.store.commitments);
    let lists = 0;
    h.store.commitments.list = (...args) => {
      lists++;
      return list(...args);
    };
    const outcome = await h.core.act({ ...press('done', 'C-1', { context: 'digest:' }), rowsOnly: true });
    expect(outcome.ok).toBe(true);
    expect(outcome.note).toMatch(/^✅ alice marked C-1 done: Appoint liaison officers \(done Tue 30 Jan, 3 days early\)/);
    expect(outcome.item).toMatchObject({ id: 'C-1', lines: ['done Tue 30 Jan, 3 days early · @alice'] });
    expect(outcome.refreshed).toBeUndefined();
    expect(lists).toBe(0);
    expect((await h.store.commitments.get('w1', 'C-1'))?.status).toBe('done');
  });

  it('a refused press answers only the presser and carries no row or card', async () => {
    await h.say('add Appoint liaison officers due 2024-02-02');
    await h.say('done C-1');
    const outcome = await h.core.act(press('status', 'C-1', { value: 'in-progress', context: 'digest:' }));
    expect(outcome).toEqual({ ok: false, shared: true, message: expect.stringMatching(/C-1 is done; reopen it first/) });
  });

  it('typed actions: a value that does not fit the button is refused, nothing is run', async () => {
    await h.say('add Appoint liaison officers due 2024-02-02');
    const forged = await h.core.act(press('confirm-date', 'C-1', { value: '2024-03-01 title hacked' }));
    expect(forged.ok).toBe(false);
    expect((await h.store.commitments.get('w1', 'C-1'))?.title).toBe('Appoint liaison officers');
    expect((await h.core.act(press('done', 'C-1; drop C-2'))).ok).toBe(false);
  });

  it('an owner-message row keeps its answers: "Keep ~5 Feb" dates the item and the row shows the new date', async () => {
    await h.say('add Appoint liaison officers immediately agreed 2024-01-29');
    const outcome = await h.core.act(press('confirm-date', 'C-1', { value: '2024-02-05', context: 'owner:alice' }));
    expect(outcome.ok).toBe(true);
    expect(outcome.refreshed).toBeUndefined();
    expect(outcome.item?.lines?.[0]).toMatch(/^Due (in \d+ days|tomorrow|today) \(Mon 5 Feb\)\.$/);
    expect(outcome.item?.lines?.at(-1)).toBe('@alice');
    expect(outcome.item?.actions?.map((a) => a.label)).toEqual(['Done', 'Snooze', 'Update status']);
  });
});

describe('review is review (issue 11 item 6)', () => {
  it('Done on a proposed item does not skip review; Accept offers owners, Reject drops it', async () => {
    const imported = await h.say(`import agreed 2024-01-29 ${STATEMENT}`);
    expect(imported.text).toMatch(/proposed 2 commitments/);
    expect((await h.say('done C-1', { admin: true })).text).toMatch(
      /C-1 is proposed and not yet reviewed\. Accept it first \(`accept C-1`\)/,
    );
    expect((await h.store.commitments.get('w1', 'C-1'))?.status).toBe('proposed');
    const accepted = await h.core.act(press('accept', 'C-1', { value: 'sara', user: 'bob', context: 'list:proposed' }));
    expect(accepted.ok).toBe(true);
    expect((await h.store.commitments.get('w1', 'C-1'))?.owners.map((o) => o.id)).toEqual(['sara']);
    const rejected = await h.core.act(press('reject', 'C-2', { user: 'bob', context: 'list:proposed' }));
    expect(rejected.ok).toBe(true);
    expect((await h.store.commitments.get('w1', 'C-2'))?.status).toBe('dropped');
    expect((await h.core.act(press('edit', 'C-1'))).message).toMatch(/edit C-1 title/);
  });

  it('importing the same statement again offers the existing items instead of duplicates', async () => {
    await h.say(`import agreed 2024-01-29 ${STATEMENT}`);
    const again = await h.say(`import agreed 2024-01-29 ${STATEMENT}`);
    expect(again.text).toMatch(
      /^This statement was imported here before: every commitment in it is already tracked\. Nothing new was added\./,
    );
    expect(again.text).toMatch(/C-1 Appoint liaison officers in Turbat and Zahedan — already here \(proposed, due ~5 Feb\): `show C-1`/);
    expect(await h.store.commitments.list('w1')).toHaveLength(2);
  });

  it('an imported item that matches an open one in the channel is not added again', async () => {
    await h.say('add Appoint liaison officers in Turbat and Zahedan due 2024-02-10');
    const reply = await h.say(`import agreed 2024-01-29 ${STATEMENT}`);
    expect(reply.text).toMatch(/proposed 1 commitment/);
    expect(reply.text).toMatch(
      /Already tracked here \(not added again\):\n {2}C-1 Appoint liaison officers in Turbat and Zahedan — already here \(open, due Sat 10 Feb\)/,
    );
  });
});

describe('ongoing reviews feed the report', () => {
  it('Still kept re-arms; Not kept and It has ended are reported', async () => {
    await h.say('add Fully implement the security agreements till full eradication of terrorism');
    await h.say('add Send a monthly progress note monthly');
    await h.say('add Appoint officers due 2024-02-02');
    h.clock.set('2024-02-05T09:00:00Z');
    await h.say('done C-3');
    expect((await h.say('review C-1 kept')).text).toMatch(/still being kept/);
    expect((await h.say('review C-1 not kept no meeting since')).text).toMatch(/is not being kept/);
    expect((await h.say('review C-2 ended')).text).toMatch(/has ended \(kept to the end\)/);
    const report = (await h.say('report')).text;
    expect(report).toMatch(/3 promised · 1 kept on time · 1 kept late · 0 under way · 0 late · 1 not kept · 0 dropped/);
    expect(report).toMatch(/Not kept \(ongoing duties\):\n {2}C-1 /);
    expect(report).toMatch(/Kept late:\n {2}C-3 {2}Appoint officers — done Mon 5 Feb, 3 days late/);
    expect((await h.say('review C-3 kept')).text).toMatch(/C-3 is done; reopen it first/);
  });
});

describe('an inactive channel comes back (issue 11 item 8, core side)', () => {
  it('when a command succeeds there, or the adapter reports the bot invited back', async () => {
    await h.say('add Appoint officers due 2024-02-02');
    await h.store.outbox.markAddressInactive('test:general', 'not_in_channel');
    expect((await h.say('remind', { user: 'bob' })).text).toMatch(/next .*\nI can post here again: this channel’s digests resume\./s);
    expect((await h.store.channels.get('w1', 'test:general'))?.active).toBe(true);
    await h.store.outbox.markAddressInactive('test:general', 'not_in_channel');
    expect(await h.core.reactivateChannel('test:general')).toBe(1);
    expect(await h.core.reactivateChannel('test:general')).toBe(0);
  });

  it('a Slack slash command in a channel the bot is not in does not reactivate it, and `remind` says the digest is paused', async () => {
    await h.say('add Appoint officers due 2024-02-02');
    await h.store.outbox.markAddressInactive('test:general', 'not_in_channel');
    const inv = h.invocation('remind');
    const reply = await h.core.handle({ ...inv, channel: { ...inv.channel, botIsMember: false } });
    expect(reply.text).toMatch(/paused: my last post here failed \(not_in_channel\)/);
    expect((await h.store.channels.get('w1', 'test:general'))?.active).toBe(false);
  });
});
