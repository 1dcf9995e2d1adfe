/**
 * Maps a Bot Connector failure to the ChatAdapter port's typed errors: 429 → RateLimited (after
 * Retry-After), 412/502/504/other 5xx/network → Transient, 401/403/404 → Permanent (bot removed,
 * conversation gone, credentials refused).
 */
import { Permanent, RateLimited, Transient } from '../../src/ports/chat-adapter.js';

const DEFAULT_RETRY_AFTER_MS = 1000;

interface ConnectorError {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined } | Record<string, string> };
}

export function deliveryError(error: unknown): Error {
  if (error instanceof RateLimited || error instanceof Transient || error instanceof Permanent) return error;
  const e = (error ?? {}) as ConnectorError;
  const status = e.statusCode ?? e.status ?? e.response?.status;
  const message = e.message ?? String(error);
  if (status === 429) return new RateLimited(retryAfterMs(e));
  if (status === 401 || status === 403 || status === 404) {
    const reason = status === 404 ? 'conversation not found (deleted, or the bot was removed)' : `Teams refused the bot (HTTP ${status})`;
    return new Permanent(reason, `Teams delivery failed for good: ${reason}: ${message}`);
  }
  if (status === undefined || status === 408 || status === 412 || status >= 500) {
    return new Transient(`Teams delivery failed, worth retrying${status ? ` (HTTP ${status})` : ''}: ${message}`, { cause: error });
  }
  return new Permanent(`HTTP ${status}`, `Teams rejected the message (HTTP ${status}): ${message}`);
}

function retryAfterMs(error: ConnectorError): number {
  const headers = error.response?.headers;
  const raw =
    typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (!raw) return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - Date.now());
}
