// `.env` is read for every command, and what the shell already set wins.
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../../src/cli/load-env-file.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDbPath } from '../helpers/temp-db.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('loadEnvFile', () => {
  it('sets what is unset, keeps what is set, and ignores a missing file', () => {
    const dir = tempDbPath();
    cleanups.push(dir.remove);
    const path = `${dir.dir}/.env`;
    writeFileSync(path, '# comment\nPORT=4000\nLOG_LEVEL=debug\nSLACK_BOT_TOKEN="xoxb-quoted"\n');
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'error' };
    expect(loadEnvFile(path, env).sort()).toEqual(['PORT', 'SLACK_BOT_TOKEN']);
    expect(env).toEqual({ LOG_LEVEL: 'error', PORT: '4000', SLACK_BOT_TOKEN: 'xoxb-quoted' });
    expect(loadEnvFile(`${dir.dir}/missing.env`, env)).toEqual([]);
  });

  it('configures `npm start` from .env in the working directory', async () => {
    const dir = tempDbPath();
    cleanups.push(dir.remove);
    writeFileSync(`${dir.dir}/.env`, `FOLLOWTHROUGH_DB=${dir.file}\nFOLLOWTHROUGH_DEFAULT_TZ=Asia/Karachi\n`);
    const { stdout } = await runCli(['start'], { input: 'timezone\n', cwd: dir.dir, env: { USER: 'coordinator' } });
    expect(stdout).toMatch(/time zone is Asia\/Karachi/);
  });
});
