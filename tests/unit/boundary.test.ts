// The core knows no platform: nothing under src/ imports adapters/ or a platform SDK, except the
// composition root, which may load adapters only by dynamic import().
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const COMPOSITION_ROOT = ['src/main.ts'];
const PLATFORM = /^(@slack\/|botbuilder|botframework-|@microsoft\/agents)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|js|mts)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier in a file: static imports, re-exports, dynamic import() and require(). */
export function importsOf(code: string): { specifier: string; dynamic: boolean }[] {
  const found: { specifier: string; dynamic: boolean }[] = [];
  for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g))
    found.push({ specifier: m[1], dynamic: false });
  for (const m of code.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.push({ specifier: m[1], dynamic: false });
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: m[1], dynamic: true });
  for (const m of code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: m[1], dynamic: false });
  return found;
}

describe('core boundary', () => {
  const files = sourceFiles(join(root, 'src')).map((f) => relative(root, f));

  it('finds the source files it guards', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no file under src/ imports a platform SDK', () => {
    const offenders = files.flatMap((file) =>
      importsOf(readFileSync(join(root, file), 'utf8'))
        .filter((i) => PLATFORM.test(i.specifier))
        .map((i) => `${file} → ${i.specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only the composition root reaches adapters/, and only by dynamic import()', () => {
    const offenders = files.flatMap((file) =>
      importsOf(readFileSync(join(root, file), 'utf8'))
        .filter((i) => i.specifier.includes('adapters/'))
        .filter((i) => !(COMPOSITION_ROOT.includes(file) && i.dynamic))
        .map((i) => `${file} → ${i.specifier}${i.dynamic ? ' (dynamic)' : ''}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the import scanner sees every form of import', () => {
    const code = `import a from '@slack/bolt';\nexport { b } from "botbuilder";\nimport 'botframework-connector';\nconst c = await import('../adapters/slack/index.js');\nrequire('@slack/web-api');`;
    expect(importsOf(code).map((i) => i.specifier)).toEqual([
      '@slack/bolt',
      'botbuilder',
      'botframework-connector',
      '../adapters/slack/index.js',
      '@slack/web-api',
    ]);
  });
});
