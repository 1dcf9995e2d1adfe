/**
 * The cost of one commitment's reminder look (nudgesAt + next reminder) for a due date next week and
 * for 0001-01-01 (issue 15), as a ratio in one run. `npx tsx tests/tools/cadence-cost.ts [src root]`
 */
const root = process.argv[2] ?? new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const { nudgesAt } = await import(`${root}/src/reminders/nudge-policy.ts`);
const { nextCommitmentReminder } = await import(`${root}/src/reminders/next-reminder.ts`);
const { parseQuietHours } = await import(`${root}/src/reminders/quiet-hours.ts`);
const quiet = parseQuietHours('20:00-08:00');
const mk = (due: string) => ({
  workspaceId: 'W1',
  id: 'C-1',
  channel: 'x',
  title: 't',
  parties: [],
  owners: [{ id: 'U1', name: 'a' }],
  tags: [],
  source: {},
  deadline: { kind: 'exact', text: due, reference: '2024-01-01', due },
  timeZone: 'UTC',
  status: 'open',
  atRisk: false,
  createdBy: { id: 'U1', name: 'a' },
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  version: 1,
});
const r = [{ id: 'U1', name: 'a', timeZone: 'UTC', dmAddress: 'x:dm' }];
const now = new Date('2026-12-01T10:00Z');
const time = (due: string, n: number) => {
  const s = performance.now();
  for (let i = 0; i < n; i++) {
    nudgesAt(mk(due), r, now, quiet);
    nextCommitmentReminder(mk(due), now);
  }
  return (performance.now() - s) / n;
};
time('2026-12-05', 5);
const near = time('2026-12-05', 20),
  far = time('0001-01-01', 3);
console.log(JSON.stringify({ root, nearMs: near.toFixed(2), year1Ms: far.toFixed(2), ratio: (far / near).toFixed(1) }));
