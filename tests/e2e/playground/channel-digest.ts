/**
 * The digest of the conversation the Playground's commands were typed in, built by the core's own
 * `digestFor` (the weekly form, so every group shows), and the address the outbox would post it to.
 */
import type { App } from '../../../src/main.js';
import { digestFor } from '../../../src/reminders/channel-digest.js';
import type { Reply } from '../../../src/replies/reply.js';

export async function channelDigest(app: App): Promise<{ address: string; reply: Reply }> {
  const workspaceId = (await app.store.channels.list())[0]?.workspaceId;
  if (!workspaceId) throw new Error('no conversation from the Playground yet');
  const first = await app.store.commitments.get(workspaceId, 'C-1');
  if (!first) throw new Error('no C-1 yet');
  const reply = await digestFor(app.store, workspaceId, first.channel, app.core.clock.now(), { weekly: true });
  if (!reply) throw new Error('the digest would be skipped: nothing to report');
  return { address: first.channel, reply };
}
