/** `followthrough export csv|ics`: writes a workspace's (or a channel's) commitments to a file or stdout. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { commitmentsCsv } from '../exports/commitments-csv.js';
import { commitmentsIcs } from '../exports/commitments-ics.js';
import { openExistingStore } from './open-existing-store.js';
import { writableFilePath } from './output-path.js';
import { pickWorkspace } from './pick-workspace.js';

export async function runExport(
  this: Command,
  format: string,
  options: { workspace?: string; channel?: string; out?: string },
): Promise<void> {
  if (format !== 'csv' && format !== 'ics') this.error(`format must be csv or ics, not "${format}"`);
  const out = options.out ? writableFilePath(options.out, '--out', `commitments.${format}`) : undefined;
  const store = await openExistingStore(loadConfig(), 'export');
  try {
    const workspace = await pickWorkspace(store, options);
    const commitments = await store.commitments.list(workspace, { channel: options.channel });
    const content = format === 'csv' ? commitmentsCsv(commitments) : commitmentsIcs(commitments, new Date());
    if (out) {
      writeFileSync(out, content);
      process.stderr.write(`Wrote ${commitments.length} commitments of ${workspace} to ${out}\n`);
    } else process.stdout.write(content);
  } finally {
    await store.close();
  }
}
