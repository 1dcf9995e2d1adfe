/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp folder, started on 127.0.0.1 with its
 * socket in that folder, one fresh database per test, stopped and removed in afterAll. As root it
 * runs as the `postgres` user, because initdb refuses to run as root.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.js';

const run = promisify(execFile);

export interface PostgresCluster {
  /**
   * Creates a database and returns its `postgres://` URL: empty, or a copy of `template` (the URL of
   * another database of this cluster, with no connection left open to it).
   */
  createDatabase(template?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Where initdb and pg_ctl are, or why the Postgres tests cannot run here. */
export function findPostgres(): { bin: string; runAs?: string } | { reason: string } {
  const candidates = [
    process.env.POSTGRES_BIN,
    ...listVersions('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`),
    '/usr/local/pgsql/bin',
    ...(process.env.PATH ?? '').split(delimiter),
  ].filter((dir): dir is string => Boolean(dir));
  const bin = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!bin) {
    return {
      reason: 'no PostgreSQL server binaries (initdb, pg_ctl) found; install them with `apt-get install -y postgresql` or set POSTGRES_BIN',
    };
  }
  if (userInfo().uid !== 0) return { bin };
  if (!userExists('postgres')) return { reason: 'running as root and there is no `postgres` user to run initdb as (initdb refuses root)' };
  return { bin, runAs: 'postgres' };
}

export async function startPostgresCluster(found: { bin: string; runAs?: string }): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'followthrough-pg-'));
  const data = join(dir, 'data');
  if (found.runAs) chownSync(dir, uidOf(found.runAs), gidOf(found.runAs));
  const exec = (tool: string, args: string[]) =>
    found.runAs ? run('runuser', ['-u', found.runAs, '--', join(found.bin, tool), ...args]) : run(join(found.bin, tool), args);
  const log = join(dir, 'server.log');
  const logText = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
  const fail = (error: unknown): never => {
    const text = logText();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a test PostgreSQL cluster: ${(error as Error).message}\n${text}`);
  };
  await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']).catch(fail);
  // A port that was free a moment ago can be taken before the server binds it: then try another.
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    if (existsSync(log)) rmSync(log);
    // Durability settings off: a test cluster lives for seconds and is thrown away.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    try {
      await exec('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
      break;
    } catch (error) {
      if (attempt === 5 || !/could not bind|already in use/i.test(logText())) fail(error);
    }
  }
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let databases = 0;
  return {
    async createDatabase(template?: string) {
      const name = `t${++databases}`;
      const from = template ? ` TEMPLATE ${new URL(template).pathname.slice(1)}` : '';
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            await admin.query(`CREATE DATABASE ${name}${from}`);
            break;
          } catch (error) {
            // 55006: the template still has a session; a client that just disconnected can take a moment to go.
            if ((error as { code?: string }).code !== '55006' || attempt === 100) throw error;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listVersions(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).sort((a, b) => Number(b) - Number(a));
}

function passwdEntry(name: string): string[] | undefined {
  if (!existsSync('/etc/passwd')) return undefined;
  return readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === name);
}

function userExists(name: string): boolean {
  return passwdEntry(name) !== undefined;
}

function uidOf(name: string): number {
  return Number(passwdEntry(name)![2]);
}

function gidOf(name: string): number {
  return Number(passwdEntry(name)![3]);
}
