/** Starts the console adapter on stdin/stdout: the default when no platform is configured. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { consoleHistoryFile, consoleLogFile } from '../../src/config/home.js';
import { redactUrl } from '../../src/config/startup-failures.js';
import type { Config } from '../../src/config/config.js';
import type { StartAdapter } from '../../src/ports/adapter-host.js';
import { ConsoleAdapter } from './console-adapter.js';

export const start: StartAdapter = async ({ core, config, logger }) => {
  const interactive = Boolean(process.stdin.isTTY);
  const historyFile = consoleHistoryFile(config.FOLLOWTHROUGH_HOME);
  const adapter = new ConsoleAdapter({
    core,
    input: process.stdin,
    output: process.stdout,
    user: process.env.USER || 'you',
    timeZone: config.FOLLOWTHROUGH_DEFAULT_TZ,
    echo: !interactive,
    prompt: interactive,
    terminal: interactive ? { history: readHistory(historyFile), onHistory: (history) => saveHistory(historyFile, history) } : undefined,
  });
  if (interactive) {
    process.stdout.write(`${consoleBanner(config)}\n`);
  }
  logger.debug('console adapter started');
  const finished = adapter.run().then((handled) => {
    if (handled > 0 || interactive) return;
    // Under systemd or in a container stdin is closed: exiting 0 without a word would look like a crash-free start.
    const why = config.FOLLOWTHROUGH_ADAPTERS === 'auto' ? NO_PLATFORM : '';
    process.stderr.write(`Console input ended before any command: standard input is closed or empty.${why}\n`);
    if (why) process.exitCode = 2;
  });
  return {
    chat: adapter,
    finished,
    async stop() {
      process.stdin.pause();
    },
  };
};

const NO_PLATFORM =
  ' No Slack or Teams variable is set, so Followthrough ran the console adapter. To run a bot set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP), or MICROSOFT_APP_ID with MICROSOFT_APP_PASSWORD (see .env.example); to use the console, run it in a terminal or pipe commands into it.';

/** The banner names the store actually in use (not the SQLite default on PostgreSQL) and where the logs go. */
export function consoleBanner(config: Pick<Config, 'DATABASE_URL' | 'FOLLOWTHROUGH_DB' | 'FOLLOWTHROUGH_HOME'>): string {
  const store = config.DATABASE_URL ? `PostgreSQL ${redactUrl(config.DATABASE_URL)}` : `SQLite file ${config.FOLLOWTHROUGH_DB}`;
  return `Followthrough console — ${store}; logs go to ${consoleLogFile(config.FOLLOWTHROUGH_HOME)}. Type \`help\`, or /quit.`;
}

function readHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse().slice(0, 500);
  } catch {
    return [];
  }
}

function saveHistory(file: string, history: string[]): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${[...history].reverse().join('\n')}\n`);
  } catch {
    // History is a convenience: a read-only data folder must not break the console.
  }
}
