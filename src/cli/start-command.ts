/** `followthrough start`: runs the bot until SIGTERM/SIGINT, or until console input ends. */
import { startApp } from '../main.js';
import { exitWithStartupError } from './startup-exit.js';

export async function runStart(): Promise<void> {
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp();
  } catch (error) {
    exitWithStartupError('start', error);
  }
  const running = app;
  const shutdown = async (signal: string) => {
    running.logger.info({ signal }, 'shutting down');
    await running.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await running.finished;
  await running.stop();
}
