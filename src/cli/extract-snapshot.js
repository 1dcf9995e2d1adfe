// `followthrough extract` started from a V8 startup snapshot (extract-snapshot-entry.ts), which
// halves its time: the extractor's set-up (compromise's lexicon, chrono, the cue patterns, the
// weights) is done once, when the snapshot is made, instead of on every run. Plain JavaScript, like
// compiled-tree.js, beside whose transpiled copy the snapshot is kept (it is as fresh as the copy).
//
// The first `extract` after a change runs as before and starts making the snapshot in the
// background (a few seconds); later runs start from it. Anything that goes wrong (no snapshot yet, a
// Node.js that cannot read it) leaves the command to run as before.
// FOLLOWTHROUGH_EXTRACT_SNAPSHOT=0 turns it off.
//
// V8 cannot save a regular expression compiled to machine code, so the snapshot is made, and run,
// with every regular expression interpreted (a snapshot only starts under the flags it was made
// with); on these short texts that costs less than compiling them would.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const V8_FLAGS = ['--regexp-interpret-all'];
const BLOB = 'extract.blob';
const BUILDING = 'extract.blob.building';
/** A build mark older than this is a build that died: another may start. */
const BUILD_TIMEOUT_MS = 2 * 60 * 1000;

export function snapshotEnabled(env = process.env) {
  return env.FOLLOWTHROUGH_EXTRACT_SNAPSHOT !== '0';
}

/** Makes `<tree>/extract.blob` from the transpiled copy; true when it is there. */
export async function buildExtractSnapshot(tree) {
  const entry = join(tree, 'src', 'cli', 'extract-snapshot-entry.js');
  const bundle = join(tree, `extract-snapshot.${process.pid}.cjs`);
  const blob = join(tree, `${BLOB}.${process.pid}.tmp`);
  try {
    const esbuild = await import('esbuild');
    // One file with every package in it, as a snapshot needs: a snapshot cannot hold modules Node.js
    // loaded itself, so the packages loaded on first use (compromise, chrono) are bundled too.
    await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: bundle,
      logLevel: 'silent',
      plugins: [bundleFirstUseLoads],
    });
    const made = spawnSync(process.execPath, [...V8_FLAGS, '--snapshot-blob', blob, '--build-snapshot', bundle], {
      stdio: 'ignore',
      timeout: BUILD_TIMEOUT_MS,
    });
    if (made.status !== 0 || !existsSync(blob)) return false;
    renameSync(blob, join(tree, BLOB));
    return true;
  } catch {
    return false;
  } finally {
    rmSync(bundle, { force: true });
    rmSync(blob, { force: true });
  }
}

/** `createRequire(<this file>)('compromise/two')`, a load on first use, as a `require` the bundle resolves. */
const bundleFirstUseLoads = {
  name: 'bundle-first-use-loads',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (file) => ({
      contents: readFileSync(file.path, 'utf8').replace(/\bcreateRequire\(("[^"]*"|'[^']*')\)\(/g, 'require('),
      loader: 'js',
    }));
  },
};

/** Starts making the snapshot in a process of its own, unless one is already at it. */
function buildInBackground(tree) {
  const mark = join(tree, BUILDING);
  if (existsSync(mark) && Date.now() - statSync(mark).mtimeMs < BUILD_TIMEOUT_MS) return;
  try {
    writeFileSync(mark, String(process.pid));
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), tree], { detached: true, stdio: 'ignore' });
    child.unref();
  } catch {
    // A read-only installation: extract runs as before.
  }
}

/**
 * Runs `extract` with these arguments from the snapshot, returning its exit code, or undefined when
 * there is no snapshot to run from (the caller then runs the command itself).
 */
export function runExtractFromSnapshot(tree, args) {
  const blob = join(tree, BLOB);
  if (!existsSync(blob)) {
    buildInBackground(tree);
    return undefined;
  }
  const run = spawnSync(process.execPath, [...V8_FLAGS, '--snapshot-blob', blob, ...args], {
    stdio: ['inherit', 'pipe', 'pipe'],
    maxBuffer: 512 * 1024 * 1024,
  });
  const stderr = run.stderr?.toString('utf8') ?? '';
  if (run.error || /Failed to load the startup snapshot/.test(stderr)) {
    // Made by another Node.js, or unreadable: made again next time, run as before now.
    rmSync(blob, { force: true });
    return undefined;
  }
  if (run.signal && run.signal !== 'SIGINT' && run.signal !== 'SIGTERM') {
    // It crashed: never trusted again, and the command runs as before, unless the text came on
    // standard input, which the crashed run has read.
    rmSync(blob, { force: true });
    if (!args.includes('-')) return undefined;
  }
  process.stdout.write(run.stdout);
  process.stderr.write(stderr);
  return run.status ?? 1;
}

// `node extract-snapshot.js <tree>`: the background build.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tree = process.argv[2];
  try {
    await buildExtractSnapshot(tree);
  } finally {
    rmSync(join(tree, BUILDING), { force: true });
  }
}
