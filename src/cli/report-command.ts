/**
 * `followthrough report [--channel <address> | --everywhere] [--workspace <id>] [--tag x] [--json]`:
 * the chat `report` for an operator — what was promised, kept, late and dropped, and the score.
 */
import type { Command } from 'commander';
import { assess, type Assessment } from '../commitments/compliance.js';
import { loadConfig } from '../config/config.js';
import { reportView } from '../replies/report-view.js';
import { openExistingStore } from './open-existing-store.js';
import { pickWorkspace } from './pick-workspace.js';

interface ReportOptions {
  workspace?: string;
  channel?: string;
  everywhere?: boolean;
  tag?: string;
  json?: boolean;
}

export async function runReport(this: Command, options: ReportOptions): Promise<void> {
  if (options.channel && options.everywhere) this.error('give --channel <address> or --everywhere, not both');
  const store = await openExistingStore(loadConfig(), 'report on');
  try {
    const workspace = await pickWorkspace(store, options);
    const now = new Date();
    const commitments = await store.commitments.list(workspace, {
      channel: options.channel,
      tag: options.tag?.toLowerCase(),
      statuses: ['open', 'in_progress', 'blocked', 'done', 'dropped'],
    });
    const assessments: Assessment[] = [];
    for (const c of commitments) assessments.push(assess(c, await store.commitments.history(c.workspaceId, c.id), now));
    const where = `${options.channel ? `in ${options.channel}` : `everywhere in ${workspace}`}${options.tag ? ` tagged ${options.tag}` : ''}`;
    if (options.json) {
      const view = assessments.length > 0 ? reportView(assessments, where, now) : undefined;
      const items = assessments.map((a) => ({
        id: a.commitment.id,
        title: a.commitment.title,
        channel: a.commitment.channel,
        status: a.commitment.status,
        score: a.score,
        late: a.late,
        keptLate: a.keptLate,
      }));
      process.stdout.write(
        `${JSON.stringify({ workspace, channel: options.channel ?? null, counts: view?.counts ?? null, score: view?.score ?? null, items })}\n`,
      );
      return;
    }
    process.stdout.write(assessments.length === 0 ? `Nothing to report ${where} yet.\n` : `${reportView(assessments, where, now).text}\n`);
  } finally {
    await store.close();
  }
}
