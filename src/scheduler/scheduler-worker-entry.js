// The scheduler thread's entry point (see scheduler-thread.ts). A worker starts with no loader of its
// own, so it registers tsx exactly as src/cli/bin.js does and then runs the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./scheduler-worker.ts');
