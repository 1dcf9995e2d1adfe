#!/usr/bin/env node
// The `followthrough` command. A fresh checkout works right after `npm install`, with no build step
// and nothing written outside data/ but a cache: the short commands (extract, status, report, …) run
// from a transpiled copy of the sources (compiled-tree.js), which starts about a third of a second
// sooner; the bot itself (`start`, the default) and anything the copy cannot serve run the TypeScript
// sources through tsx, whose stack traces name the source lines. `extract` starts from a snapshot of
// a ready extractor when there is one (extract-snapshot.js).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledTree } from './compiled-tree.js';
import { runExtractFromSnapshot, snapshotEnabled } from './extract-snapshot.js';

const args = process.argv.slice(2);
const command = args.find((word) => !word.startsWith('-'));
const asksProgram = args.some((word) => ['--help', '-h', '--version', '-V'].includes(word));
const short = command === undefined ? asksProgram : command !== 'start';
const tree = short ? await compiledTree() : undefined;
const fromSnapshot = tree && command === 'extract' && !asksProgram && snapshotEnabled() ? runExtractFromSnapshot(tree, args) : undefined;
if (fromSnapshot !== undefined) {
  process.exitCode = fromSnapshot;
} else {
  let program;
  if (tree) {
    program = await import(pathToFileURL(join(tree, 'src', 'cli', 'program.js')).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    program = await import('./program.ts');
  }
  await program.runCli(process.argv);
}
