/**
 * A Slack fan-out for delivery tests and the `fanout` benchmark: W workspaces of C channels, each
 * channel with a daily 09:00 UTC digest and two items due on the slot day, each item owned by its own
 * user with a DM, so one tick at 09:00 writes a digest and two nudges per channel. Registers the same
 * channels and users with the fake Slack, and names which workspace a conversation belongs to.
 */
import { ManualClock } from '../../src/ports/clock.js';
import type { FakeSlack } from './fake-slack.js';
import { SEEDED_AT, SLOT_DAY } from './scheduler-child-seed.js';
import { openTargetStore, type StoreTarget } from './store-target.js';

export interface FanoutShape {
  workspaces: number;
  channelsPerWorkspace: number;
}

export const teamOf = (w: number) => `T${w}`;
const channelOf = (w: number, c: number) => `C${w}X${c}`;
const ownerOf = (w: number, c: number, n: number) => `U${w}X${c}X${n}`;

/** `C3X12` / `U3X12X1` / `D3X12X1` → `T3`. */
export function fanoutWorkspaceOf(conversation: string): string {
  return `T${/^[CUD](\d+)X/.exec(conversation)?.[1] ?? '?'}`;
}

export function fanoutWorkspaces(shape: FanoutShape): string[] {
  return Array.from({ length: shape.workspaces }, (_, w) => teamOf(w));
}

export function registerFanout(fake: FakeSlack, shape: FanoutShape): void {
  for (let w = 0; w < shape.workspaces; w++) {
    for (let c = 0; c < shape.channelsPerWorkspace; c++) {
      fake.addChannel({ id: channelOf(w, c), name: `team-${w}-${c}`, is_member: true });
      for (const n of [1, 2]) fake.addUser({ id: ownerOf(w, c, n), name: `owner-${w}-${c}-${n}`, tz: 'UTC' });
    }
  }
}

export async function seedFanout(target: StoreTarget, shape: FanoutShape): Promise<void> {
  const clock = new ManualClock(SEEDED_AT);
  const store = openTargetStore(target, clock);
  await store.ready?.();
  for (let w = 0; w < shape.workspaces; w++) {
    const workspaceId = teamOf(w);
    for (let c = 0; c < shape.channelsPerWorkspace; c++) {
      const address = `slack:${workspaceId}:${channelOf(w, c)}`;
      await store.channels.upsert({ workspaceId, address, timeZone: 'UTC', schedule: 'daily 09:00' });
      for (const n of [1, 2]) {
        const owner = { id: ownerOf(w, c, n), name: `owner-${w}-${c}-${n}` };
        await store.users.upsert({
          workspaceId,
          id: owner.id,
          name: owner.name,
          timeZone: 'UTC',
          dmAddress: `slack:${workspaceId}:${owner.id}`,
        });
        await store.commitments.create(
          {
            workspaceId,
            channel: address,
            title: `Item ${n} of channel ${c}`,
            parties: [],
            owners: [owner],
            tags: [],
            source: {},
            deadline: { kind: 'exact', text: `by ${SLOT_DAY}`, reference: '2024-03-01', due: SLOT_DAY },
            timeZone: 'UTC',
            status: 'open',
            createdBy: owner,
            createdAt: SEEDED_AT,
          },
          { at: SEEDED_AT, actor: owner, action: 'created' },
        );
      }
    }
  }
  await store.close();
}

/** The scheduler child's environment for a fan-out: its database, the fake Slack, the slot's clock, leases that never expire mid-run. */
export function fanoutChildEnv(file: string, slackApiUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DB: file,
    SLACK_API_URL: slackApiUrl,
    CLOCK_AT: `${SLOT_DAY}T09:00:30.000Z`,
    CLOCK_ORIGIN_MS: String(Date.now()),
    LEASE_MS: '60000',
    ...extra,
  };
}
