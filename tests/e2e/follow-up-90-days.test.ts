// Issue 11's test: 90 simulated days of the seed meeting through the core, store, tick and delivery
// loop with an injected clock (tests/helpers/follow-up-sim.ts), asserting on what people received.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNeverOutOfSight } from '../helpers/follow-up-checks.js';
import { CHANNEL, OWNERS, ZONE, localTime, runSeedScenario, type SimResult } from '../helpers/follow-up-sim.js';

let sim: SimResult;
beforeAll(async () => {
  sim = await runSeedScenario();
}, 120_000);
afterAll(() => sim.close());

describe('90 days of the seed meeting', () => {
  it('every open item appears in a reminder at least every 14 days (ongoing: 30)', () => {
    expectNeverOutOfSight(sim, (id) => sim.deliveries.filter((d) => d.ids.includes(id)).map((d) => d.at.getTime()));
  });

  it('no owner gets more than one message a day, and each lists every item due for them that day', () => {
    for (const owner of OWNERS) {
      const days = sim.deliveries
        .filter((d) => d.address === `test:dm:${owner}`)
        .map((d) => DateTime.fromJSDate(d.at, { zone: ZONE }).toISODate());
      expect(days.length, `${owner} got something`).toBeGreaterThan(0);
      expect(new Set(days).size, `${owner}: ${days.join(', ')}`).toBe(days.length);
    }
    // Sara's first message holds both of her questions: C-1's date and C-5's missing one.
    const first = sim.deliveries.find((d) => d.address === 'test:dm:sara')!;
    expect(first.reply.text.split('\n')[0]).toBe('Your commitments, Wed 31 Jan — 2 need a date');
    expect(first.ids).toEqual(['C-1', 'C-5']);
    expect(first.reply.card?.sections[0].items?.map((i) => i.actions?.[0].label)).toEqual(['Keep ~5 Feb', 'Pick a date']);
  });

  it('no reply or message about a done item says "overdue"', () => {
    const doneAt = sim.answers.find((a) => /marked C-1 done/.test(a.text))!.at;
    const about = (text: string) => text.split('\n').filter((line) => /\bC-1\b/.test(line));
    for (const d of sim.deliveries.filter((x) => x.at > doneAt))
      for (const line of about(d.reply.text)) expect(line).not.toMatch(/overdue/);
    const later = sim.answers.filter((a) => a.at > doneAt);
    expect(later.map((a) => a.text).join('\n')).toMatch(/C-1 .*done Wed 7 Feb, 2 days late/);
    for (const a of later) for (const line of about(a.text)) expect(line).not.toMatch(/overdue/);
    // The report separates kept on time from kept late.
    expect(later.find((a) => a.text.startsWith('Report'))?.text).toMatch(/0 kept on time · 1 kept late/);
  });

  it("the `remind daily 21:00` digest goes at 21:00, whatever the owners' quiet hours", () => {
    const digests = sim.deliveries.filter((d) => d.address === CHANNEL);
    expect(digests.length).toBeGreaterThan(70);
    expect(new Set(digests.map((d) => DateTime.fromJSDate(d.at, { zone: ZONE }).toFormat('HH:mm')))).toEqual(new Set(['21:00']));
    expect(digests[0].reply.text.split('\n')[0]).toBe(
      'Mon 29 Jan — 3 need a date · 1 waiting on an event · 1 ongoing · 1 with no deadline',
    );
  });

  it('a channel that lost the bot gets its next digest once invited back', () => {
    const during = sim.deliveries.filter((d) => d.address === CHANNEL && d.at > sim.blocked.from && d.at < sim.blocked.to);
    expect(during).toEqual([]);
    const next = sim.deliveries.find((d) => d.address === CHANNEL && d.at > sim.blocked.to)!;
    expect(localTime(next.at)).toBe('Sat 16 Mar 21:00');
  });

  it('the event confirmed dates the waiting item, and the monthly "has it happened?" stops', () => {
    const imran = sim.deliveries.filter((d) => d.address === 'test:dm:imran');
    expect(imran.filter((d) => d.reply.text.includes('Has E-1')).map((d) => localTime(d.at))).toEqual(['Thu 29 Feb 09:00']);
    expect(imran.find((d) => d.ids.includes('C-6') && d.at > new Date('2024-03-05'))?.reply.text).toMatch(
      /C-6 President Raisi visits Pakistan — Due in 2 days \(~3 Apr\)\./,
    );
  });
});
