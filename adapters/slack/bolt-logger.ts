/** Bolt wants its own Logger interface; this one writes through the app's pino logger. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

export function boltLogger(logger: Logger): BoltLogger {
  let level = (Object.values(LogLevel) as string[]).includes(logger.level) ? (logger.level as LogLevel) : LogLevel.WARN;
  const write =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      const [first, ...rest] = msg;
      if (first instanceof Error) logger[method]({ err: first }, rest.map(String).join(' '));
      else logger[method](msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' '));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
