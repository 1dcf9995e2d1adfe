// Every command pays only for what it uses at start-up: `followthrough --help` loads no command's
// module, no store and no bot; `status` loads its own module, not the extractor; only `extract`
// (and `import`) pay for the extractor, its tagger (compromise) and the date parser (chrono-node).
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
  // A library (zod: the configuration schema), the extractor, a command's module (src/cli/<name>-command;
  // not the "did you mean" helper the program itself uses), the store, or the bot.
  const m = /node_modules\\/(compromise|chrono-node|zod)\\/|src\\/extraction\\/(extract-commitments)|src\\/cli\\/(?!suggest-)([a-z]+-command)\\.|src\\/(store)\\/|src\\/(main)\\./.exec(r.url);
  const name = m && m.slice(1).find(Boolean);
  if (name && !seen.has(name)) { seen.add(name); process.stderr.write('LOADED ' + name + '\\n'); }
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
  // By package, whichever entry point is asked ("compromise/two", "chrono-node/en").
  const heavy = /^(compromise|chrono-node)(?:\\/|$)/.exec(request);
  if (heavy) process.stderr.write('LOADED ' + heavy[1] + '\\n');
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
    // An empty home: no developer's .env or database changes what a command does or loads. Without
    // extract's snapshot, which would load all of this in another process (extract-snapshot.test.ts).
    env: {
      ...process.env,
      LOG_LEVEL: 'error',
      FOLLOWTHROUGH_HOME: mkdtempSync(join(tmpdir(), 'ft-home-')),
      FOLLOWTHROUGH_EXTRACT_SNAPSHOT: '0',
    },
    encoding: 'utf8',
  });
  return [...new Set([...run.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]))].sort();
}

describe('start-up cost of the CLI', () => {
  it.each(['--help', 'extract --help', 'help status'])(
    'loads no command module, store, bot or extractor for `followthrough %s`',
    (line) => {
      expect(heavyModulesLoadedBy(line.split(' '))).toEqual([]);
    },
  );

  it('loads the extract command, the extractor and both libraries, but no store, bot or configuration schema, when a statement is extracted', () => {
    const loaded = heavyModulesLoadedBy(['extract', '-', '--date', '2025-02-11', '--json'], 'Marco will fix the tests by Friday.');
    expect(loaded).toEqual(['chrono-node', 'compromise', 'extract-command', 'extract-commitments']);
  });

  it('loads only its own command module for status, and neither the extractor nor the bot', () => {
    const loaded = heavyModulesLoadedBy(['status']);
    expect(loaded.filter((name) => name.endsWith('-command'))).toEqual(['status-command']);
    expect(loaded).not.toContain('main');
    expect(loaded).not.toContain('extract-commitments');
  });
});
