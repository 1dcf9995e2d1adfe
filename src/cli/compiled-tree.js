// A transpiled copy of src/ and adapters/ for the short commands (extract, status, report, …), so
// they start without tsx's loader, which costs about a third of a second on every run (its worker
// thread and esbuild service start before the first module loads). Plain JavaScript: it runs before
// any TypeScript can be loaded.
//
// The copy lives in node_modules/.cache/followthrough/<key>/, where <key> names every file's path,
// size and time of change under src/ and adapters/ (sources and the data beside them): an edited
// file gives a new key and a new copy (about a second, once).
// Each module keeps its own source file's import.meta.url, so what it reads beside itself (the
// extractor's weights, package.json, the data folder, a worker's entry) is read from the checkout.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const INSTALL_DIR = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_ROOTS = ['src', 'adapters'];
/** A copy another process may still be reading is left alone for this long. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Every file under the folder: the sources, and the data beside them (the extractor's weights). */
function filesUnder(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, found);
    else found.push(path);
  }
  return found;
}

const isSource = (file) => /\.(?:ts|js)$/.test(file) && !file.endsWith('.d.ts');

function keyOf(installDir, files, esbuildVersion) {
  const hash = createHash('sha1').update(`${process.version}\0${esbuildVersion}\0`);
  for (const file of files) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(installDir, file)}\0${size}\0${mtimeMs}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function build(installDir, files, esbuild, target) {
  const building = `${target}.${process.pid}.tmp`;
  const outputs = await Promise.all(
    files.map(async (file) => {
      const result = await esbuild.transform(readFileSync(file, 'utf8'), {
        loader: file.endsWith('.ts') ? 'ts' : 'js',
        format: 'esm',
        platform: 'node',
        target: 'node20',
        sourcefile: file,
        define: { 'import.meta.url': JSON.stringify(pathToFileURL(file).href) },
      });
      return [join(building, relative(installDir, file)).replace(/\.ts$/, '.js'), result.code];
    }),
  );
  for (const [path, code] of outputs) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, code);
  }
  writeFileSync(join(building, 'complete'), '');
  try {
    renameSync(building, target);
  } catch {
    // Another process finished the same copy first: use its copy.
    rmSync(building, { recursive: true, force: true });
  }
}

function removeStaleCopies(cacheDir, keep) {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (name !== keep && Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The folder of an up-to-date transpiled copy (made now if there is none), or undefined when it
 * cannot be made (no esbuild, a read-only installation): the caller then runs the sources with tsx.
 */
export async function compiledTree(installDir = INSTALL_DIR) {
  try {
    const { version } = createRequire(import.meta.url)('esbuild/package.json');
    const all = SOURCE_ROOTS.flatMap((root) => (existsSync(join(installDir, root)) ? filesUnder(join(installDir, root)) : [])).sort();
    // Data files count too: the copy reads them from the checkout, but extract's snapshot, kept in
    // the copy's folder, holds what it read of them (extract-snapshot.js).
    // So do the installed packages (the snapshot bundles them): package.json and its lock name them.
    const manifests = ['package.json', 'package-lock.json'].map((f) => join(installDir, f)).filter((f) => existsSync(f));
    const key = keyOf(installDir, [...all, ...manifests], version);
    const files = all.filter(isSource);
    const cacheDir = join(installDir, 'node_modules', '.cache', 'followthrough');
    const target = join(cacheDir, key);
    if (!existsSync(join(target, 'complete'))) {
      mkdirSync(cacheDir, { recursive: true });
      await build(installDir, files, await import('esbuild'), target);
      removeStaleCopies(cacheDir, key);
    }
    return target;
  } catch {
    return undefined;
  }
}
