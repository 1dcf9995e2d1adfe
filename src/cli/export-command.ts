/** `followthrough export csv|ics`: writes a workspace's (or a channel's) commitments to a file or stdout. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { commitmentsCsv } from '../exports/commitments-csv.js';
import { commitmentsIcs } from '../exports/commitments-ics.js';
import { openStore } from '../store/open-store.js';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write commitments as CSV or as an iCalendar feed of due dates')
    .argument('<format>', 'csv or ics')
    .requiredOption('--workspace <id>', 'workspace id (the Slack team id, the Teams tenant id, or console)')
    .option('--channel <address>', 'only this channel (slack:T123:C456, teams:<tenant>:<channel>, console:local)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async function (this: Command, format: string, options: { workspace: string; channel?: string; out?: string }) {
      if (format !== 'csv' && format !== 'ics') this.error(`format must be csv or ics, not "${format}"`);
      const store = openStore(loadConfig());
      try {
        const commitments = await store.commitments.list(options.workspace, { channel: options.channel });
        const content = format === 'csv' ? commitmentsCsv(commitments) : commitmentsIcs(commitments, new Date());
        if (options.out) {
          writeFileSync(options.out, content);
          process.stderr.write(`Wrote ${commitments.length} commitments to ${options.out}\n`);
        } else process.stdout.write(content);
      } finally {
        await store.close();
      }
    });
}
