// The command thread's entry point (see command-thread.ts). A worker starts with no loader of its
// own, so it registers tsx exactly as src/cli/bin.js does and then runs the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./command-worker.ts');
