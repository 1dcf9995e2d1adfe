/** What the core needs from a platform to send things on its own (reminders, digests). */
import type { Reply } from '../replies/reply.js';

export interface DeliverOptions {
  /** The outbox key: adapters that can tag posts use it to find a send that was in flight at a crash. */
  key: string;
}

export interface Delivered {
  messageId: string;
}

export interface ChatAdapter {
  /** Address prefix this adapter owns (`slack`, `teams`, `console`). */
  readonly platform: string;
  deliver(address: string, reply: Reply, options: DeliverOptions): Promise<Delivered>;
  update(address: string, messageId: string, reply: Reply): Promise<void>;
  /**
   * Optional: the message an earlier `deliver` with this outbox key already posted (a send in flight
   * at a crash), so a resend can be skipped. Undefined when not found or the platform cannot look.
   */
  findByKey?(address: string, key: string): Promise<Delivered | undefined>;
}

/** The platform asked us to wait. */
export class RateLimited extends Error {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number, message = `rate limited; retry after ${retryAfterMs} ms`) {
    super(message);
    this.name = 'RateLimited';
    this.retryAfterMs = retryAfterMs;
  }
}

/** Worth retrying later: 5xx, network, timeouts. */
export class Transient extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Transient';
  }
}

/** Will never work as things are (bot removed, channel archived, token revoked): stop retrying. */
export class Permanent extends Error {
  readonly reason: string;
  constructor(reason: string, message = `permanent delivery failure: ${reason}`) {
    super(message);
    this.name = 'Permanent';
    this.reason = reason;
  }
}

/** The platform part of an address: `slack:T1:C1` → `slack`. */
export function platformOf(address: string): string {
  const colon = address.indexOf(':');
  return colon === -1 ? address : address.slice(0, colon);
}
