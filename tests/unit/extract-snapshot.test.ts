// `followthrough extract` starts from a snapshot of a ready extractor (src/cli/extract-snapshot.js).
// What a user relies on: it prints exactly what the command prints without it (the same
// commitments, the same errors and exit codes, standard input too), and a snapshot it cannot use
// never stops the command.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: plain JavaScript with no declarations (it runs before any TypeScript loader).
import { compiledTree } from '../../src/cli/compiled-tree.js';
// @ts-expect-error: plain JavaScript with no declarations.
import { buildExtractSnapshot, runExtractFromSnapshot } from '../../src/cli/extract-snapshot.js';

const bin = join(import.meta.dirname, '../../src/cli/bin.js');
const corpus = join(import.meta.dirname, '../fixtures/extraction/real-train');
const notes = join(corpus, 'aswf-tac-notes-2018-09-26.txt');
const statement = join(corpus, 'annapolis-joint-understanding-2007.txt');

/** The command as a user runs it, with or without the snapshot. */
function extract(args: string[], snapshot: boolean, input?: string) {
  const run = spawnSync(process.execPath, [bin, 'extract', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, FOLLOWTHROUGH_EXTRACT_SNAPSHOT: snapshot ? '1' : '0' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let tree: string;
beforeAll(async () => {
  tree = await compiledTree();
  if (!existsSync(join(tree, 'extract.blob'))) expect(await buildExtractSnapshot(tree)).toBe(true);
}, 180_000);
afterEach(() => vi.restoreAllMocks());

describe('extract from a snapshot of the ready extractor', () => {
  it('runs from the snapshot when there is one, and prints what the command prints', () => {
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(Buffer.from(chunk).toString('utf8'));
      return true;
    });
    const status = runExtractFromSnapshot(tree, ['extract', notes, '--date', '2018-09-26', '--json']);
    vi.restoreAllMocks();
    expect(status).toBe(0);
    const without = extract([notes, '--date', '2018-09-26', '--json'], false);
    expect(printed.join('')).toBe(without.stdout);
    expect(JSON.parse(without.stdout).length).toBeGreaterThan(0);
  }, 60_000);

  it.each([
    ['meeting notes, as text', [notes, '--date', '2018-09-26']],
    ['a joint statement, as JSON, in a time zone', [statement, '--date', '2007-11-27', '--json', '--time-zone', 'Asia/Karachi']],
    ['a malformed date', [notes, '--date', '2018-13-01']],
    ['a file that is not there', ['/no/such/statement.txt']],
    ['no file at all', []],
    ['an unknown option', [notes, '--bogus']],
  ])(
    'gives the same output and exit code as without it: %s',
    (_, args) => {
      expect(extract(args, true)).toEqual(extract(args, false));
    },
    60_000,
  );

  it('reads standard input as the command does', () => {
    const text = readFileSync(statement, 'utf8');
    const args = ['-', '--date', '2007-11-27'];
    const [withSnapshot, without] = [extract(args, true, text), extract(args, false, text)];
    expect(withSnapshot).toEqual(without);
    expect(without.stdout).toContain('1. ');
  }, 60_000);

  it('leaves the command to run as before when the snapshot cannot be read, and drops it', () => {
    const stale = mkdtempSync(join(tmpdir(), 'ft-snapshot-'));
    writeFileSync(join(stale, 'extract.blob'), 'made by some other Node.js');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(runExtractFromSnapshot(stale, ['extract', notes])).toBeUndefined();
    expect(existsSync(join(stale, 'extract.blob'))).toBe(false);
  }, 60_000);

  it('with no snapshot yet, runs as before (and one is made for next time)', () => {
    const empty = mkdtempSync(join(tmpdir(), 'ft-snapshot-'));
    expect(runExtractFromSnapshot(empty, ['extract', notes])).toBeUndefined();
    // The command itself, with the snapshot turned off, still answers.
    expect(
      execFileSync(process.execPath, [bin, 'extract', notes, '--date', '2018-09-26'], {
        encoding: 'utf8',
        env: { ...process.env, FOLLOWTHROUGH_EXTRACT_SNAPSHOT: '0' },
      }),
    ).toContain('1. ');
  }, 60_000);
});
