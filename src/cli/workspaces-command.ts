/** `followthrough workspaces [--json]`: the workspace ids and channel addresses the database holds, for --workspace and --channel. */
import { loadConfig } from '../config/config.js';
import { openExistingStore } from './open-existing-store.js';

interface ChannelSummary {
  address: string;
  name?: string;
  open: number;
  total: number;
  active: boolean;
}

export async function runWorkspaces(options: { json?: boolean }): Promise<void> {
  const store = await openExistingStore(loadConfig(), 'list');
  try {
    const channels = await store.channels.list();
    const ids = [...new Set(channels.map((c) => c.workspaceId))].sort();
    const workspaces = [];
    for (const id of ids) {
      const workspace = await store.workspaces.get(id);
      const commitments = await store.commitments.list(id, {
        statuses: ['proposed', 'open', 'in_progress', 'blocked', 'done', 'dropped'],
      });
      const summaries: ChannelSummary[] = channels
        .filter((c) => c.workspaceId === id)
        .map((c) => {
          const here = commitments.filter((m) => m.channel === c.address);
          const open = here.filter((m) => m.status === 'open' || m.status === 'in_progress' || m.status === 'blocked').length;
          return { address: c.address, name: c.name, open, total: here.length, active: c.active };
        });
      workspaces.push({ id, name: workspace?.name, channels: summaries });
    }
    if (options.json) {
      process.stdout.write(`${JSON.stringify(workspaces)}\n`);
      return;
    }
    if (workspaces.length === 0) {
      process.stdout.write('No workspaces yet: nothing has been added from Slack, Teams or the console.\n');
      return;
    }
    const lines = workspaces.flatMap((w) => [
      `${w.id}${w.name ? ` (${w.name})` : ''} — ${w.channels.length} channel${w.channels.length === 1 ? '' : 's'}`,
      ...w.channels.map(
        (c) => `  ${c.address}${c.name ? ` #${c.name}` : ''} — ${c.open} open of ${c.total}${c.active ? '' : ' (inactive)'}`,
      ),
    ]);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await store.close();
  }
}
