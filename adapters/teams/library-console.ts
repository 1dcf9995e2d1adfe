/**
 * botbuilder and botframework-connector write to `console.error`/`console.warn` themselves — a
 * refused token prints a plain-text stack trace (CloudAdapter.process, JwtTokenExtractor), outside
 * any logger and whatever LOG_LEVEL says. This routes exactly those calls (recognised by the
 * caller's file in the stack) through the app's logger as JSON at debug level; every other
 * console call is left as it was.
 */
import type { Logger } from 'pino';

const LIBRARY_FRAME = /node_modules[\\/](botbuilder[^\\/]*|botframework-[^\\/]+)[\\/]/;
let installed: { logger: Logger } | undefined;

/** Our own code never writes to the console (it logs), so a library frame anywhere in the stack means the library wrote. */
function fromLibrary(): boolean {
  return LIBRARY_FRAME.test(new Error().stack ?? '');
}

function describe(args: unknown[]): { err?: unknown; msg: string } {
  const err = args.find((a) => a instanceof Error);
  const msg = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return err ? { err: { type: (err as Error).name, message: (err as Error).message }, msg } : { msg };
}

/** Idempotent: the last logger given receives the library's lines (one process has one Teams adapter). */
export function routeLibraryConsole(logger: Logger): void {
  if (installed) {
    installed.logger = logger;
    return;
  }
  installed = { logger };
  const state = installed;
  for (const method of ['error', 'warn'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      if (!fromLibrary()) return original(...args);
      const { err, msg } = describe(args);
      state.logger.debug({ ...(err ? { err } : {}), source: 'botbuilder' }, msg);
    };
  }
}
