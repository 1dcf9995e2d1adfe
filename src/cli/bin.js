#!/usr/bin/env node
// The `followthrough` command. It runs the TypeScript sources through tsx, so a fresh checkout
// works right after `npm install` with no build step and nothing written outside data/.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./program.ts');
await runCli(process.argv);
