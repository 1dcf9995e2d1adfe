/** Sends requests to /slack/events exactly as Slack does: form-encoded commands, `payload=` interactions, JSON events, v0 signatures. */
import { createHmac } from 'node:crypto';

export interface SignOptions {
  secret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Override the signature (a wrong one); null sends none at all. */
  signature?: string | null;
  headers?: Record<string, string>;
}

/** Slack's v0 scheme: HMAC-SHA256 over `v0:<timestamp>:<body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SentRequest {
  status: number;
  text: string;
  elapsedMs: number;
}

export async function sendSigned(url: string, body: string, contentType: string, options: SignOptions): Promise<SentRequest> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    ...options.headers,
  };
  const signature = options.signature === undefined ? slackSignature(options.secret, timestamp, body) : options.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text(), elapsedMs: performance.now() - started };
}

/** A slash command: `application/x-www-form-urlencoded` fields. */
export function sendSlashCommand(url: string, fields: Record<string, string>, options: SignOptions): Promise<SentRequest> {
  return sendSigned(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

/** An interaction (block_actions): one form field `payload` holding JSON. */
export function sendInteraction(url: string, payload: unknown, options: SignOptions): Promise<SentRequest> {
  return sendSigned(
    url,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

/** An Events API callback or url_verification: JSON. */
export function sendEvent(url: string, envelope: unknown, options: SignOptions): Promise<SentRequest> {
  return sendSigned(url, JSON.stringify(envelope), 'application/json', options);
}
