/**
 * Regenerates the README's generated blocks — the command table (from the specs) and the console
 * session (by running it) — after a deliberate change. The tests fail until this has been run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { commandTable, sessionBlock, sessionCommands } from '../helpers/readme-blocks.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDbPath } from '../helpers/temp-db.js';

const README = new URL('../../README.md', import.meta.url);

function replaceBlock(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const [before, rest] = text.split(start);
  const after = rest.split(end)[1];
  return `${before}${start}\n${body}\n${end}${after}`;
}

let readme = readFileSync(README, 'utf8');
readme = replaceBlock(readme, 'commands', commandTable());
const commands = sessionCommands(sessionBlock(readme));
const db = tempDbPath();
const { stdout } = await runCli(['start'], { input: `${commands.join('\n')}\n`, env: { FOLLOWTHROUGH_DB: db.file, USER: 'coordinator' } });
db.remove();
readme = replaceBlock(readme, 'console-session', `\`\`\`text\n${stdout}\`\`\``);
writeFileSync(README, readme);
process.stdout.write('README.md: command table and console session regenerated.\n');
