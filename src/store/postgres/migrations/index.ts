/** Every PostgreSQL schema migration in order. Add a file and one line here; never edit a released one. */
import core from './001-core.js';
import receiptsAndEvents from './002-receipts-and-events.js';
import outbox from './003-outbox.js';
import exactKeys from './004-exact-keys.js';
import channelKind from './005-channel-kind.js';
import onceClaims from './006-once-claims.js';
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Row changes SQL alone cannot make (computed in JS), run after `sql` in the same transaction. */
  backfill?(client: pg.ClientBase): Promise<void>;
}

export const migrations: Migration[] = [core, receiptsAndEvents, outbox, exactKeys, channelKind, onceClaims];
