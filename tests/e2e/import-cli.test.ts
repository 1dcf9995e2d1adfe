// `followthrough import` on a real SQLite file: proposed items, their logs, and events joined like `add` joins them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventMatchKey } from '../../src/commitments/event-names.js';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDbPath } from '../helpers/temp-db.js';

const STATEMENT = `Joint Statement
Lima, 4 March 2024

1. Pakistan and Peru agreed to reopen the Callao trade office after the formation of the new government.
2. The two sides will sign a visa waiver agreement before the Lima summit.
3. Peru will host a business forum before the Lima summit.
4. The two ministers welcomed the growth in trade.
5. Pakistan will send a trade delegation within 30 days.
`;

const storeAt = (file: string) => openStore({ FOLLOWTHROUGH_DB: file, FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' });

describe('followthrough import', () => {
  let temp: ReturnType<typeof tempDbPath> | undefined;
  afterEach(() => temp?.remove());

  it('stores proposed items with a log entry, joins an existing event, creates one event for two items, and plans no reminders', async () => {
    temp = tempDbPath();
    const before = storeAt(temp.file);
    await before.workspaces.ensure({ id: 'console' });
    const existing = await before.events.create({
      workspaceId: 'console',
      name: 'new government formed',
      matchKey: eventMatchKey('new government formed'),
      createdAt: '2024-03-01T00:00:00.000Z',
    });
    await before.close();
    const file = join(temp.dir, 'statement.txt');
    writeFileSync(file, STATEMENT);

    const result = await runCli(['import', file, '--channel', 'console:local', '--date', '2024-03-04'], {
      env: { FOLLOWTHROUGH_DB: temp.file },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`joined ${existing.id}`);
    expect(result.stdout).toContain('4 proposed commitment(s) stored in console:local');

    const store = storeAt(temp.file);
    try {
      const items = await store.commitments.list('console');
      expect(items.map((c) => c.title)).toEqual([
        'Reopen the Callao trade office',
        'Sign a visa waiver agreement',
        'Host a business forum',
        'Send a trade delegation',
      ]);
      expect(items.every((c) => c.status === 'proposed')).toBe(true);
      for (const item of items) {
        const history = await store.commitments.history('console', item.id);
        expect(history[0]).toMatchObject({ action: 'created', note: 'proposed by extraction' });
      }
      const [reopen, visa, forum, delegation] = items;
      expect(reopen.deadline).toMatchObject({ kind: 'event', eventId: existing.id });
      expect(visa.deadline).toMatchObject({ kind: 'event', eventName: 'the Lima summit' });
      const summitId = visa.deadline.kind === 'event' ? visa.deadline.eventId : undefined;
      expect(summitId).toMatch(/^E-\d+$/);
      expect(forum.deadline).toMatchObject({ kind: 'event', eventId: summitId });
      expect(delegation.deadline).toMatchObject({ kind: 'exact', due: '2024-04-03' });
      expect((await store.events.list('console')).map((e) => e.id).sort()).toEqual([existing.id, summitId].sort());
      // Proposed items wait for review: nothing is due to anyone, even a year later.
      const yearLater = new Date('2025-03-04T00:00:00Z');
      expect(await store.reminders.dueCommitments(yearLater, 100)).toEqual([]);
      expect(await store.outbox.pendingDue(yearLater, 100)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
