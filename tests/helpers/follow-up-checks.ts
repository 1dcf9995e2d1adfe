/**
 * Issue 11's checks on 90 simulated days, asserted on what people read on a platform (Block Kit or
 * Adaptive Card text, as the fake server received it): the same for Slack and Teams. Each test file
 * runs the scenario once through its platform (follow-up-sim.ts) and calls `followUpChecks`.
 */
import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { OWNERS, ZONE, localTime, type SimResult } from './follow-up-sim.js';

const DAY_MS = 86_400_000;
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Every item, while open, is seen at least every 14 days (ongoing: 30): `seenAt(id)` gives the times
 * (epoch ms, in order) of the messages that show it; the simulation ends at its last delivery.
 */
export function expectNeverOutOfSight(sim: SimResult, seenAt: (id: string) => number[]): void {
  const simEnd = Math.max(...sim.deliveries.map((d) => d.at.getTime()));
  for (const [id, { from, to, ongoing }] of sim.open) {
    const limit = (ongoing ? 30 : 14) * DAY_MS;
    let last = from.getTime();
    for (const at of [...seenAt(id), to?.getTime() ?? simEnd]) {
      if (at < last) continue;
      expect(at - last, `${id} unseen from ${localTime(new Date(last))} to ${localTime(new Date(at))}`).toBeLessThanOrEqual(limit);
      last = at;
    }
  }
}

/** `buttons`: the platform has buttons and shared messages a press edits (Slack, Teams; not the console). */
export function followUpChecks(sim: () => SimResult, { buttons }: { buttons: boolean }): void {
  it('every open item appears in a message people read at least every 14 days (ongoing: 30)', () => {
    const { deliveries } = sim();
    expectNeverOutOfSight(sim(), (id) =>
      deliveries.filter((d) => lines(d.read).some((l) => l.startsWith(`${id} `))).map((d) => d.at.getTime()),
    );
  });

  it("no owner gets more than one message a day in their DM; the first holds both of sara's questions, answer buttons first", () => {
    const { posts, deliveries, platform } = sim();
    for (const owner of OWNERS) {
      const days = posts
        .filter((p) => p.where === `dm:${owner}` && !p.edit)
        .map((p) => DateTime.fromJSDate(p.at, { zone: ZONE }).toISODate());
      expect(days.length, `${owner} got something`).toBeGreaterThan(0);
      expect(new Set(days).size, `${owner}: ${days.join(', ')}`).toBe(days.length);
    }
    const first = deliveries.find((d) => d.address === platform.dm('sara'))!;
    expect(lines(first.read)[0]).toBe('Your commitments, Wed 31 Jan — 2 need a date');
    expect(
      lines(first.read)
        .filter((l) => /^C-\d+ (?!—)/.test(l))
        .map((l) => l.split(' ')[0]),
    ).toEqual(['C-1', 'C-5']);
  });

  it('no message or reply about the done item says "overdue"; `show` says when it was done and `report` counts it late', () => {
    const { posts, answers, presses } = sim();
    const doneAt = presses.find((p) => p.kind === 'done' && p.ok)!.at;
    const about = (text: string) => {
      // A row is its title line and the lines under it, up to the next row or heading.
      const out: string[] = [];
      let inRow = false;
      for (const line of lines(text)) {
        if (/^C-\d+ /.test(line) || /\(\d+\)$/.test(line)) inRow = line.startsWith('C-1 ');
        if (inRow || /\bC-1\b/.test(line)) out.push(line);
      }
      return out;
    };
    const later = [...posts.filter((p) => p.at >= doneAt).map((p) => p.read), ...answers.filter((a) => a.at >= doneAt).map((a) => a.text)];
    expect(later.flatMap(about).length).toBeGreaterThan(3);
    for (const line of later.flatMap(about)) expect(line).not.toMatch(/overdue/i);
    const show = answers.find((a) => a.at > doneAt && a.about.includes('C-1') && /done Wed 7 Feb, 2 days late/.test(a.text));
    expect(show, 'an answer saying when C-1 was done').toBeDefined();
    expect(answers.find((a) => /^Report/m.test(a.text))?.text).toMatch(/0 kept on time · 1 kept late/);
  });

  if (buttons) {
    it('a press on the channel digest leaves that digest: its day and other rows kept, the row updated and counted anew, "✅ … marked C-1 done" under it', () => {
      const { presses, platform } = sim();
      const done = presses.find((p) => p.kind === 'done' && p.user === 'sara')!;
      expect(done.on.address).toBe(platform.channel);
      expect(done.on.kind).toBe('digest');
      expect(done.ok).toBe(true);
      expect(done.posts).toBe(0);
      expect(done.edits.map((e) => e.messageId)).toEqual([done.on.messageId]);
      const [before, after] = [lines(done.edits[0].before), lines(done.edits[0].after)];
      // Its day stays; its counts follow the rows as they now are (C-1 was the one overdue item).
      expect(before[0]).toBe('Tue 6 Feb — 1 overdue · 2 need a date · 1 waiting on an event');
      expect(after[0]).toBe('Tue 6 Feb — 2 need a date · 1 waiting on an event · 1 done');
      // C-1 was its one overdue item: the "Overdue" heading goes with it rather than read "Overdue (0)" over nothing.
      expect(after.filter((l) => /^Overdue \(\d+\)$/.test(l))).toEqual([]);
      expect(before).toContain('Overdue (1)');
      const rows = (text: string[]) => text.filter((l) => /^C-\d+ /.test(l));
      // C-1 leaves Overdue at once for a Done heading after the other rows, which keep their order.
      const c1 = rows(before).find((l) => l.startsWith('C-1 '))!;
      expect(rows(after)).toEqual([...rows(before).filter((l) => l !== c1), c1]);
      expect(after[after.indexOf(c1) - 1]).toBe('Done (1)');
      expect(rows(after).length).toBeGreaterThan(2);
      // The rows other than C-1 read exactly as before; C-1's says done, late.
      const others = (text: string[]) =>
        text.slice(
          text.findIndex((l) => l.startsWith('C-2 ')),
          text.findIndex((l) => l.startsWith('C-6 ')) + 2,
        );
      expect(others(after)).toEqual(others(before));
      expect(after[after.indexOf(c1) + 1]).toMatch(/^done Wed 7 Feb, 2 days late/);
      expect(after.at(-1)).toMatch(
        /^✅ Sara( Baig)? marked C-1 done: Appoint liaison officers in Turbat and Zahedan \(done Wed 7 Feb, 2 days late\)$/i,
      );
    });
  }

  it('a refused press (Done again, on the digest of the night before) changes no shared message and answers only the presser', () => {
    const { presses, platform } = sim();
    const refused = presses.find((p) => p.kind === 'done' && !p.ok)!;
    expect(refused.on.kind).toBe('digest');
    expect(refused.user).not.toBe('sara');
    expect(refused.edits).toEqual([]);
    expect(refused.posts).toBe(0);
    expect(refused.toPresser).toMatch(/^C-1 is already done \(by Sara( Baig)? on Wed 7 Feb\)\. Nothing changed\.$/i);
    // The older digest still reads as it did when it arrived.
    expect(platform.read(refused.on.address, refused.on.messageId, refused.on.reply)).toBe(refused.on.read);
  });

  it('the `remind daily 21:00` digest goes at 21:00 every day, naming its day and a summary first', () => {
    const { deliveries, platform, blocked } = sim();
    const digests = deliveries.filter((d) => d.address === platform.channel);
    expect(digests.length).toBeGreaterThan(80);
    expect(new Set(digests.map((d) => DateTime.fromJSDate(d.at, { zone: ZONE }).toFormat('HH:mm')))).toEqual(new Set(['21:00']));
    for (const d of digests)
      expect(lines(d.read)[0].startsWith(DateTime.fromJSDate(d.at, { zone: ZONE }).toFormat('ccc d LLL — '))).toBe(true);
    const days = new Set(digests.map((d) => DateTime.fromJSDate(d.at, { zone: ZONE }).toISODate()));
    const missed = [];
    for (
      let day = DateTime.fromISO('2024-01-29', { zone: ZONE });
      day < DateTime.fromISO('2024-04-28', { zone: ZONE });
      day = day.plus({ days: 1 })
    ) {
      const at = day.set({ hour: 21 }).toJSDate();
      if (!days.has(day.toISODate()) && !(at > blocked.from && at < blocked.to)) missed.push(day.toISODate());
    }
    expect(missed).toEqual([]);
  });

  it('the channel that lost the bot got nothing while it was out, and its next digest once invited back', () => {
    const { deliveries, posts, platform, blocked } = sim();
    expect(posts.filter((p) => p.where === 'channel' && p.at > blocked.from && p.at < blocked.to)).toEqual([]);
    const next = deliveries.find((d) => d.address === platform.channel && d.at > blocked.to)!;
    expect(localTime(next.at)).toBe('Sat 16 Mar 21:00');
    expect(lines(next.read)[0]).toMatch(/^Sat 16 Mar — /);
  });
}
