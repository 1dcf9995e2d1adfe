/** Starts the console adapter on stdin/stdout: the default when no platform is configured. */
import type { StartAdapter } from '../../src/ports/adapter-host.js';
import { ConsoleAdapter } from './console-adapter.js';

export const start: StartAdapter = async ({ core, config, logger }) => {
  const interactive = Boolean(process.stdin.isTTY);
  const adapter = new ConsoleAdapter({
    core,
    input: process.stdin,
    output: process.stdout,
    user: process.env.USER || 'you',
    timeZone: config.FOLLOWTHROUGH_DEFAULT_TZ,
    echo: !interactive,
    prompt: interactive,
  });
  if (interactive) {
    process.stdout.write(`Followthrough console — database ${config.FOLLOWTHROUGH_DB}. Type \`help\`, or /quit.\n`);
  }
  logger.debug('console adapter started');
  const finished = adapter.run();
  return {
    chat: adapter,
    finished,
    async stop() {
      process.stdin.pause();
    },
  };
};
