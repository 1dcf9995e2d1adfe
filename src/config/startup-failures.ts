/**
 * Turns what goes wrong while starting (opening the store, binding the port, an adapter's first
 * call) into a StartupError naming the variable to fix. Each reader knows one stage, so the
 * message can say which variable was in play; the error's own text is kept as the detail.
 */
import type { Config } from './config.js';
import { StartupError } from './startup-error.js';
import { WHERE_TO_GET } from './where-to-get.js';

type StoreSettings = Pick<Config, 'FOLLOWTHROUGH_DB' | 'DATABASE_URL'>;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The innermost message: wrappers add context we replace with our own. */
function detail(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const message = current instanceof Error ? current.message : String(current);
  return message.split('\n')[0].replace(/\.$/, '');
}

/** The URL without its password, so a start-up line never leaks a secret into logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

const SQLITE_REASONS: Record<string, string> = {
  EEXIST: 'a part of its folder path is a file, not a folder',
  ENOTDIR: 'a part of its folder path is a file, not a folder',
  EACCES: 'its folder is not writable by this user',
  EPERM: 'its folder is not writable by this user',
  EROFS: 'it is on a read-only file system',
  SQLITE_CANTOPEN: 'SQLite cannot open it (is the path a folder, or its folder read-only?)',
  SQLITE_READONLY: 'the file is read-only',
  SQLITE_NOTADB: 'the file is not a SQLite database',
  SQLITE_CORRUPT: 'the file is damaged',
};

export function storeFailure(error: unknown, config: StoreSettings): StartupError {
  if (error instanceof StartupError) return error;
  if (config.DATABASE_URL) {
    return new StartupError(
      'DATABASE_URL',
      `cannot be used (${redactUrl(config.DATABASE_URL)}): ${detail(error)}`,
      WHERE_TO_GET.DATABASE_URL,
      { cause: error },
    );
  }
  const code = codeOf(error);
  const reason = (code && SQLITE_REASONS[code]) ?? detail(error);
  return new StartupError(
    'FOLLOWTHROUGH_DB',
    `=${config.FOLLOWTHROUGH_DB} cannot be opened: ${reason} (${detail(error)})`,
    WHERE_TO_GET.FOLLOWTHROUGH_DB,
    {
      cause: error,
    },
  );
}

export function listenFailure(error: unknown, config: Pick<Config, 'HOST' | 'PORT'>): StartupError {
  const code = codeOf(error);
  if (code === 'EADDRINUSE') {
    return new StartupError(
      'PORT',
      `=${config.PORT} is already in use on HOST=${config.HOST} (another Followthrough or another program listens there; \`ss -ltnp\` shows which)`,
      'a free TCP port, for example 3979',
      { cause: error },
    );
  }
  if (code === 'EACCES') {
    return new StartupError(
      'PORT',
      `=${config.PORT} needs privileges this user does not have (ports below 1024)`,
      'a port above 1024, for example 3978',
      {
        cause: error,
      },
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new StartupError('HOST', `=${config.HOST} is not an address of this machine (${code})`, WHERE_TO_GET.HOST, { cause: error });
  }
  return new StartupError('HOST', `=${config.HOST} PORT=${config.PORT} cannot be listened on: ${detail(error)}`, WHERE_TO_GET.PORT, {
    cause: error,
  });
}

/** An adapter that failed without naming a variable: say which adapter, keep its message on one line. */
export function adapterFailure(adapter: string, error: unknown): StartupError {
  if (error instanceof StartupError) return error;
  return new StartupError(
    'FOLLOWTHROUGH_ADAPTERS',
    `enables ${adapter}, which could not start: ${detail(error)}`,
    'see .env.example for the variables of each adapter',
    {
      cause: error,
    },
  );
}
