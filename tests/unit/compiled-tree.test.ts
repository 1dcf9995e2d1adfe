// The short commands run from a transpiled copy of the sources (src/cli/compiled-tree.js). What a
// user relies on: the copy behaves as the sources do (each module still reads files beside its own
// source), an edited source is never run stale, and the bot itself keeps running on tsx.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript with no declarations (it runs before any TypeScript loader).
import { compiledTree } from '../../src/cli/compiled-tree.js';

/** A checkout with one module that reads a file beside its source and imports another module. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ft-tree-'));
  mkdirSync(join(dir, 'src', 'lib'), { recursive: true });
  writeFileSync(join(dir, 'src', 'lib', 'word.txt'), 'beside the source');
  writeFileSync(join(dir, 'src', 'lib', 'greeting.ts'), "export const greeting: string = 'hello';\n");
  writeFileSync(
    join(dir, 'src', 'lib', 'read-beside.ts'),
    [
      "import { readFileSync } from 'node:fs';",
      "import { greeting } from './greeting.js';",
      "export const said: string = greeting + ', ' + readFileSync(new URL('./word.txt', import.meta.url), 'utf8');",
      '',
    ].join('\n'),
  );
  return dir;
}

async function run(tree: string): Promise<string> {
  const module = (await import(`${pathToFileURL(join(tree, 'src', 'lib', 'read-beside.js')).href}?${Date.now()}`)) as { said: string };
  return module.said;
}

describe('the transpiled copy the short commands run from', () => {
  it('runs as the sources do, reading what lies beside each source file', async () => {
    const dir = checkout();
    const tree = (await compiledTree(dir)) as string;
    expect(tree.startsWith(join(dir, 'node_modules', '.cache', 'followthrough'))).toBe(true);
    expect(await run(tree)).toBe('hello, beside the source');
    // Asked again with nothing changed: the same copy, not a new one.
    expect(await compiledTree(dir)).toBe(tree);
  });

  it('makes a new copy when a source file changes, so an edit is never run stale', async () => {
    const dir = checkout();
    const before = (await compiledTree(dir)) as string;
    writeFileSync(join(dir, 'src', 'lib', 'greeting.ts'), "export const greeting: string = 'good morning';\n");
    utimesSync(join(dir, 'src', 'lib', 'greeting.ts'), new Date(), new Date(Date.now() + 5_000));
    const after = (await compiledTree(dir)) as string;
    expect(after).not.toBe(before);
    expect(await run(after)).toBe('good morning, beside the source');
    // The earlier copy is kept for an hour: a command started from it may still be loading modules.
    expect(existsSync(before)).toBe(true);
  });

  it('makes a new copy when a data file beside the sources changes (the extract snapshot holds what it read)', async () => {
    const dir = checkout();
    const before = (await compiledTree(dir)) as string;
    writeFileSync(join(dir, 'src', 'lib', 'word.txt'), 'retrained weights');
    utimesSync(join(dir, 'src', 'lib', 'word.txt'), new Date(), new Date(Date.now() + 5_000));
    const after = (await compiledTree(dir)) as string;
    expect(after).not.toBe(before);
    expect(await run(after)).toBe('hello, retrained weights');
    expect(existsSync(join(after, 'src', 'lib', 'word.txt'))).toBe(false);
  });

  it('gives no copy, so the caller runs the sources with tsx, when one cannot be written', async () => {
    const dir = checkout();
    // node_modules is a file here: nothing can be made under it.
    writeFileSync(join(dir, 'node_modules'), '');
    expect(await compiledTree(dir)).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'src']);
  });
});
