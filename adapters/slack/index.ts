/** The slack adapter's entry point (not built yet). */
import type { StartAdapter } from '../../src/ports/adapter-host.js';

export const start: StartAdapter = async () => {
  throw new Error('The slack adapter is not available in this build.');
};
