// Commands that do not extract must not pay for the extractor, its tagger (compromise) or the date
// parser (chrono-node) at start-up: `followthrough --help` loads none of them, `extract` loads them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'src/cli/bin.js');

/** A preload that names, on stderr, each heavy module the process loads (ES import or require). */
function tracer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ft-load-'));
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `const seen = new Set();
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const m = /node_modules\\/(compromise|chrono-node)\\/|src\\/extraction\\/extract-commitments/.exec(r.url);
  if (m && !seen.has(m[0])) { seen.add(m[0]); process.stderr.write('LOADED ' + (m[1] ?? 'extract-commitments') + '\\n'); }
  return r;
}\n`,
  );
  const preload = join(dir, 'preload.mjs');
  writeFileSync(
    preload,
    `import Module, { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(hooks).href)});
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'compromise' || request === 'chrono-node') process.stderr.write('LOADED ' + request + '\\n');
  return load.call(this, request, ...rest);
};\n`,
  );
  return preload;
}

/** The heavy modules a CLI run loaded, in the order first seen. */
function heavyModulesLoadedBy(args: string[], input = ''): string[] {
  const run = spawnSync(process.execPath, ['--import', tracer(), bin, ...args], {
    cwd: root,
    input,
    env: { ...process.env, LOG_LEVEL: 'error' },
    encoding: 'utf8',
  });
  return [...new Set([...run.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]))].sort();
}

describe('start-up cost of the CLI', () => {
  it('loads neither the extractor, compromise nor chrono-node for --help', () => {
    expect(heavyModulesLoadedBy(['--help'])).toEqual([]);
  });

  it('loads the extractor and both libraries when a statement is extracted', () => {
    const loaded = heavyModulesLoadedBy(['extract', '-', '--date', '2025-02-11', '--json'], 'Marco will fix the tests by Friday.');
    expect(loaded).toEqual(['chrono-node', 'compromise', 'extract-commitments']);
  });
});
