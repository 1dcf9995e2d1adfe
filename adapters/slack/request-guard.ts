/**
 * Checks a signed Slack request before Bolt sees it, closing two gaps in Bolt's own check (which
 * refuses only timestamps more than 5 minutes old): a timestamp more than 5 minutes in the future
 * is refused too, and a signature already seen is a replay — the same signed bytes sent again —
 * and is answered 200 with nothing done. Bolt still verifies the signature after us; the body
 * we read is handed on as `rawBody`, which Bolt reuses.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** Slack's window for a request timestamp, either way. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;
/** Bolt's own body limit. */
const BODY_LIMIT = 4 * 1024 * 1024;

export interface GuardOptions {
  signingSecret: string;
  /** True the first time a signature is seen (a store receipt, so replays are caught across instances and restarts). */
  firstSighting(signature: string): Promise<boolean>;
  logger: Logger;
  nowSeconds?: () => number;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export function guardSignedRequests(listener: Listener, options: GuardOptions): Listener {
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  return async (req, res) => {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return void res.writeHead(413).end();
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    const signature = header(req, 'x-slack-signature');
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    // Unsigned requests (Slack's ssl_check) and bad signatures are Bolt's to answer.
    if (!signature || !validSignature(options.signingSecret, timestamp, body, signature)) return listener(req, res);
    if (Math.abs(now() - timestamp) > SIGNATURE_WINDOW_SECONDS) {
      options.logger.warn({ timestamp }, 'Slack request refused: timestamp outside the 5-minute window');
      return void res.writeHead(401).end();
    }
    if (!(await options.firstSighting(replayKey(req, signature)))) {
      options.logger.warn({ timestamp }, 'Slack request ignored: the same signed request was already received');
      return void res.writeHead(200).end();
    }
    return listener(req, res);
  };
}

/**
 * Slack re-signs an event it retries and numbers the retry in an unsigned header; only an event's
 * retry number counts (commands and interactions are never retried, and an event repeated under
 * a new number is still caught by its event id).
 */
function replayKey(req: IncomingMessage, signature: string): string {
  const isEvent = (header(req, 'content-type') ?? '').startsWith('application/json');
  const retry = isEvent ? header(req, 'x-slack-retry-num') : undefined;
  return retry ? `${signature}#${retry}` : signature;
}

function validSignature(secret: string, timestamp: number, body: Buffer, signature: string): boolean {
  if (!Number.isFinite(timestamp)) return false;
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
