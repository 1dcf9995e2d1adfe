/**
 * The workspace an operator command works on: `--workspace`, else the channel address's, else the
 * only one the database holds. When it cannot tell, it lists the ids there are (`followthrough
 * workspaces` shows them with their channels).
 */
import type { Store } from '../store/store.js';
import { workspaceOf } from './import-command.js';

export async function pickWorkspace(store: Store, options: { workspace?: string; channel?: string }): Promise<string> {
  if (options.workspace) return options.workspace;
  if (options.channel) return workspaceOf(options.channel);
  const ids = [...new Set((await store.channels.list()).map((c) => c.workspaceId))].sort();
  if (ids.length === 1) return ids[0];
  if (ids.length === 0) throw new Error('The database has no workspace yet: nothing has been added from Slack, Teams or the console.');
  throw new Error(
    `Say which workspace with --workspace <id>: this database holds ${ids.join(', ')} (followthrough workspaces lists their channels).`,
  );
}
