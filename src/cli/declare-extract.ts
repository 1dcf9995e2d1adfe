/**
 * The `extract` command's arguments and options, declared for the full program (declare-commands.ts)
 * and for the program started from a snapshot (extract-snapshot-entry.ts), which has only this one.
 */
import type { Command } from 'commander';
import { lazyAction } from './lazy-action.js';

export function declareExtract(program: Command): void {
  program
    .command('extract')
    .description('propose commitments found in a statement or minutes (- reads standard input)')
    .argument('<file>', 'a text file, or - for standard input')
    .option('--date <YYYY-MM-DD>', 'the date the statement was made (deadlines are read from it)')
    .option('--time-zone <zone>', 'IANA time zone of the due dates', 'UTC')
    .option('--json', 'print only a JSON array of the proposed commitments')
    .action(lazyAction(async () => (await import('./extract-command.js')).runExtract));
}
