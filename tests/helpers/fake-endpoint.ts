/**
 * A local HTTP endpoint playing a chat platform for scheduler tests. It records every POST and
 * deliberately does NOT de-duplicate, so a resend shows up as a duplicate. Per-address behaviour
 * (429 with Retry-After, 503, 403) is scripted by the test.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  key: string;
  address: string;
  text: string;
}

export type Script = (body: Received, seen: number) => { status: number; retryAfterSeconds?: number } | undefined;

export class FakeEndpoint {
  readonly received: Received[] = [];
  script: Script = () => undefined;
  delayMs = 0;
  private server?: Server;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => {
        const body = JSON.parse(data) as Received;
        const seen = this.received.filter((r) => r.address === body.address).length;
        const scripted = this.script(body, seen);
        const reply = () => {
          if (scripted && scripted.status !== 200) {
            if (scripted.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(scripted.retryAfterSeconds));
            res.writeHead(scripted.status).end('{}');
            return;
          }
          this.received.push(body);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `m-${this.received.length}` }));
        };
        if (this.delayMs > 0) setTimeout(reply, this.delayMs);
        else reply();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/post`;
    return this.url;
  }

  /** Keys delivered more than once, with their counts. */
  duplicates(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.received) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
    return new Map([...counts].filter(([, n]) => n > 1));
  }

  distinctKeys(): Set<string> {
    return new Set(this.received.map((r) => r.key));
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
