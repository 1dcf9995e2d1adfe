/** The Teams adapter's entry point for the composition root. */
import type { StartAdapter } from '../../src/ports/adapter-host.js';
import { startTeamsAdapter } from './teams-adapter.js';

export const start: StartAdapter = (host) => startTeamsAdapter(host);
