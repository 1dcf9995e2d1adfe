/**
 * The Playground user's daily message, built by the core's own `ownerMessage` from their open
 * commitments (each with the question its kind asks), and the 1:1 address the outbox would send it to.
 */
import { ACTIVE_STATUSES } from '../../../src/commitments/commitment.js';
import type { App } from '../../../src/main.js';
import { reminderKindFor } from '../../../src/reminders/cadence.js';
import { ownerMessage } from '../../../src/reminders/owner-message.js';
import type { Reply } from '../../../src/replies/reply.js';

export async function ownerDailyMessage(app: App): Promise<{ address: string; reply: Reply }> {
  // The Playground's tenant is whatever it sends: the one workspace its conversation created.
  const workspaceId = (await app.store.channels.list())[0]?.workspaceId;
  if (!workspaceId) throw new Error('no conversation from the Playground yet');
  const first = await app.store.commitments.get(workspaceId, 'C-1');
  const owner = first?.owners[0];
  if (!first || !owner) throw new Error('C-1 has no owner');
  const user = await app.store.users.get(workspaceId, owner.id);
  if (!user?.dmAddress) throw new Error(`${owner.name} has no 1:1 address yet`);
  const open = await app.store.commitments.list(workspaceId, { ownerId: owner.id, statuses: ACTIVE_STATUSES });
  const reminders = open.flatMap((commitment) => {
    const kind = reminderKindFor(commitment);
    return kind ? [{ kind, commitment }] : [];
  });
  const reply = ownerMessage({ id: owner.id, name: owner.name }, reminders, app.core.clock.now(), user.timeZone ?? first.timeZone);
  return { address: user.dmAddress, reply };
}
