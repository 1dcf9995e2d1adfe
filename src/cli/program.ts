/** The `followthrough` command line: one program, one file per subcommand, each loaded only when it runs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { followthroughHome } from '../config/home.js';
import { declareCommands } from './declare-commands.js';
import { loadEnvFile } from './load-env-file.js';
import { exitWithStartupError, STARTUP_EXIT_CODE } from './startup-exit.js';
import { suggestCommand } from './suggest-command.js';

export function buildProgram(): Command {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const program = new Command('followthrough').description('Track commitments and follow them up in Slack and Teams.').version(version);
  declareCommands(program);
  return program;
}

/**
 * `start` is the default command, so commander would read a mistyped command as an argument of
 * `start` ("too many arguments for 'start'"): an unknown first word is caught here instead.
 */
function refuseUnknownCommand(program: Command, word: string | undefined): void {
  if (word === undefined || word.startsWith('-')) return;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(word) || word === 'help') return;
  const guess = suggestCommand(word, names);
  process.stderr.write(
    `followthrough: unknown command "${word}".${guess ? ` Did you mean ${guess}?` : ''} Commands: ${program.commands.map((c) => c.name()).join(', ')} (followthrough --help).\n`,
  );
  process.exit(STARTUP_EXIT_CODE);
}

export async function runCli(argv: string[]): Promise<void> {
  // `.env` beside the installation (or in FOLLOWTHROUGH_HOME) configures every command, wherever the shell is.
  loadEnvFile(join(followthroughHome(), '.env'));
  const program = buildProgram();
  const word = argv[2];
  refuseUnknownCommand(program, word);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    exitWithStartupError(word && !word.startsWith('-') ? word : 'start', error);
  }
}
