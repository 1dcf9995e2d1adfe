/** The `followthrough` command line: one program, one file per subcommand. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerBackupCommand } from './backup-command.js';
import { loadEnvFile } from './load-env-file.js';
import { registerExportCommand } from './export-command.js';
import { registerExtractCommand } from './extract-command.js';
import { registerImportCommand } from './import-command.js';
import { registerRemindersCommand } from './reminders-command.js';
import { registerStartCommand } from './start-command.js';
import { registerStatusCommand } from './status-command.js';

export function buildProgram(): Command {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const program = new Command('followthrough').description('Track commitments and follow them up in Slack and Teams.').version(version);
  registerStartCommand(program);
  registerBackupCommand(program);
  registerRemindersCommand(program);
  registerStatusCommand(program);
  registerExtractCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  // A `.env` beside the checkout configures every command, as `.env.example` promises.
  loadEnvFile();
  await buildProgram().parseAsync(argv);
}
