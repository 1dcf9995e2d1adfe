/**
 * botbuilder's `adapter.process` wants an express-like request (parsed `body`) and response
 * (`status`, `header`, `send`, `end`); this gives it both on plain node:http.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1_000_000;

export interface ShimRequest {
  method: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface ShimResponse {
  status(code: number): ShimResponse;
  header(name: string, value: unknown): ShimResponse;
  send(body?: unknown): ShimResponse;
  end(): ShimResponse;
}

/** Reads and parses the JSON body; answers 400/413 itself and returns undefined when it cannot. */
export async function readJsonRequest(req: IncomingMessage, res: ServerResponse): Promise<ShimRequest | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      res.writeHead(413, { 'content-type': 'text/plain' }).end('request body too large');
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return { method: req.method ?? 'POST', headers: req.headers, body };
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('request body is not JSON');
    return undefined;
  }
}

export function shimResponse(res: ServerResponse): ShimResponse {
  let body: string | undefined;
  const shim: ShimResponse = {
    status(code) {
      res.statusCode = code;
      return shim;
    },
    header(name, value) {
      res.setHeader(name, String(value));
      return shim;
    },
    send(value) {
      if (value === undefined) return shim;
      if (typeof value === 'string' || Buffer.isBuffer(value)) {
        body = value.toString();
      } else {
        body = JSON.stringify(value);
        if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
      }
      return shim;
    },
    end() {
      if (!res.writableEnded) res.end(body);
      return shim;
    },
  };
  return shim;
}
