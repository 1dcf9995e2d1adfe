/**
 * Every `followthrough` subcommand with its arguments, options and help text, declared up front so
 * `--help` and argument checks need no command code. Each command's module (and the store,
 * scheduler, extractor or bot it uses) is imported only when that command runs.
 */
import type { Command } from 'commander';
import { declareExtract } from './declare-extract.js';
import { lazyAction } from './lazy-action.js';

export function declareCommands(program: Command): void {
  program
    .command('start', { isDefault: true })
    .description('run the bot (console when no Slack or Teams credentials are set)')
    .action(lazyAction(async () => (await import('./start-command.js')).runStart));

  program
    .command('backup')
    .description('write a consistent copy of the database to <file>, safe while the bot runs')
    .argument('<file>', 'where to write the copy')
    .action(lazyAction(async () => (await import('./backup-command.js')).runBackup));

  program
    .command('reminders')
    .description('show what one reminder tick would send (JSON lines on stdout); records nothing')
    .option('--dry-run', 'compute and print, record nothing (the only mode: `start` sends reminders)')
    .option('--at <time>', 'the tick time, ISO 8601 (default: now)')
    .action(lazyAction(async () => (await import('./reminders-command.js')).runReminders));

  program
    .command('status')
    .description('reminder delivery health: outbox depth, oldest pending, missed slots, inactive addresses, recent failures')
    .option('--json', 'print one JSON object instead of text')
    .action(lazyAction(async () => (await import('./status-command.js')).runStatus));

  program
    .command('report')
    .description('compliance report: what was promised, kept, late and dropped (one channel, or the whole workspace)')
    .option('--channel <address>', 'only this channel (slack:T123:C456, teams:<tenant>:<channel>, console:local)')
    .option('--everywhere', 'every channel of the workspace (the default without --channel)')
    .option('--workspace <id>', 'workspace id; needed only when the database holds several (see `followthrough workspaces`)')
    .option('--tag <tag>', 'only commitments with this tag')
    .option('--json', 'print one JSON object instead of text')
    .action(lazyAction(async () => (await import('./report-command.js')).runReport));

  program
    .command('workspaces')
    .alias('channels')
    .description('list the workspaces and channels in the database, with their ids and addresses (for --workspace and --channel)')
    .option('--json', 'print one JSON array instead of text')
    .action(lazyAction(async () => (await import('./workspaces-command.js')).runWorkspaces));

  declareExtract(program);

  program
    .command('import')
    .description('store the commitments found in a statement as proposed items in a channel, for review')
    .argument('<file>', 'a text file, or - for standard input')
    .requiredOption('--channel <address>', 'channel address (slack:T123:C456, teams:<tenant>:<channel>, console:local)')
    .option('--date <YYYY-MM-DD>', 'the date the statement was made (deadlines are read from it)')
    .option('--workspace <id>', 'workspace id, when it is not the one in the address')
    .option('--source <title>', 'title of the source document')
    .action(lazyAction(async () => (await import('./import-command.js')).runImport));

  program
    .command('export')
    .description('write commitments as CSV or as an iCalendar feed of due dates')
    .argument('<format>', 'csv or ics')
    .option('--workspace <id>', 'workspace id (the Slack team id, the Teams tenant id, or console); see `followthrough workspaces`')
    .option('--channel <address>', 'only this channel (slack:T123:C456, teams:<tenant>:<channel>, console:local)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(lazyAction(async () => (await import('./export-command.js')).runExport));
}
