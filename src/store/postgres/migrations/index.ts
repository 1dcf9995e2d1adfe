/** Every PostgreSQL schema migration in order. Add a file and one line here; never edit a released one. */
import core from './001-core.js';
import receiptsAndEvents from './002-receipts-and-events.js';
import outbox from './003-outbox.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [core, receiptsAndEvents, outbox];
