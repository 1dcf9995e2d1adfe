/** Reads a `.env` file (the CLI passes FOLLOWTHROUGH_HOME's), if there is one; variables already set win over it. */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

export function loadEnvFile(path: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (!existsSync(path)) return [];
  const values = parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  const applied = Object.keys(values).filter((key) => env[key] === undefined);
  for (const key of applied) env[key] = values[key];
  return applied;
}
