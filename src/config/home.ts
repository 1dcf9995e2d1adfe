/**
 * Where Followthrough keeps its `.env` and its `data/` folder: FOLLOWTHROUGH_HOME if set, else the
 * installation folder (the checkout holding package.json) — never the shell's current directory,
 * so `cd tests && followthrough status` reads the same database as `npm start`.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding this package's package.json. */
export const INSTALL_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export function followthroughHome(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.FOLLOWTHROUGH_HOME;
  return home ? resolve(home) : INSTALL_DIR;
}

/** A configured path, read relative to the home folder when it is not absolute. */
export function resolveFromHome(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return isAbsolute(path) ? path : resolve(followthroughHome(env), path);
}

/** Where an interactive console's logs go, so JSON lines never land inside the conversation on the terminal. */
export function consoleLogFile(home: string): string {
  return resolve(home, 'data', 'console.log');
}

/** The console's line history on a terminal (under data/, which git ignores). */
export function consoleHistoryFile(home: string): string {
  return resolve(home, 'data', 'console-history');
}
