// `.env` is read for every command from FOLLOWTHROUGH_HOME (default: the installation), never the shell's directory; what the shell set wins.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../../src/cli/load-env-file.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDbPath } from '../helpers/temp-db.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0)) f();
});

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

  it('configures `npm start` from .env in FOLLOWTHROUGH_HOME, and reads relative paths from there', async () => {
    const home = tempDbPath();
    cleanups.push(home.remove);
    writeFileSync(`${home.dir}/.env`, 'FOLLOWTHROUGH_DB=data/from-home.db\nFOLLOWTHROUGH_DEFAULT_TZ=Asia/Karachi\n');
    const elsewhere = tempDbPath();
    cleanups.push(elsewhere.remove);
    const { stdout } = await runCli(['start'], {
      input: 'timezone\n',
      cwd: elsewhere.dir,
      env: { USER: 'coordinator', FOLLOWTHROUGH_HOME: home.dir },
    });
    expect(stdout).toMatch(/time zone is Asia\/Karachi/);
    expect(existsSync(join(home.dir, 'data/from-home.db'))).toBe(true);
    expect(existsSync(join(elsewhere.dir, 'data'))).toBe(false);
  });

  it("ignores a .env in the shell's directory, and status there finds no database instead of creating one", async () => {
    const home = tempDbPath();
    const shell = tempDbPath();
    cleanups.push(home.remove, shell.remove);
    mkdirSync(join(shell.dir, 'tests'));
    writeFileSync(`${shell.dir}/.env`, 'FOLLOWTHROUGH_DEFAULT_TZ=Asia/Karachi\n');
    const { stdout } = await runCli(['start'], {
      input: 'timezone\n',
      cwd: shell.dir,
      env: { USER: 'coordinator', FOLLOWTHROUGH_HOME: home.dir },
    });
    expect(stdout).toMatch(/time zone is UTC/);
    const status = await runCli(['status'], { cwd: join(shell.dir, 'tests'), env: { FOLLOWTHROUGH_HOME: join(shell.dir, 'nowhere') } });
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/^Cannot run status: FOLLOWTHROUGH_DB=.*nowhere\/data\/followthrough\.db does not exist/);
    expect(existsSync(join(shell.dir, 'tests', 'data'))).toBe(false);
  });
});
