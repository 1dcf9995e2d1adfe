/** Every schema migration in order. Add a file and one line here; never edit a released one. */
import core from './001-core.js';
import inboundReceipts from './002-inbound-receipts.js';
import events from './003-events.js';
import reminders from './004-reminders.js';
import outboxInterrupted from './005-outbox-interrupted.js';
import exactKeys from './006-exact-keys.js';
import channelKind from './007-channel-kind.js';
import onceClaims from './008-once-claims.js';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Row changes SQL alone cannot make (computed in JS), run after `sql` in the same transaction. */
  backfill?(db: Database.Database): void;
}

export const migrations: Migration[] = [core, inboundReceipts, events, reminders, outboxInterrupted, exactKeys, channelKind, onceClaims];
