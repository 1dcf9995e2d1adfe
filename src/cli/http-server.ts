/** The process's one HTTP server: a tiny router, `GET /healthz`, and clean shutdown. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { HttpHandler, HttpRoutes } from '../ports/adapter-host.js';
import type { StoreHealth } from '../store/store.js';

export class HttpServer implements HttpRoutes {
  private readonly routes = new Map<string, HttpHandler>();
  private readonly server: Server;

  /** `health` says whether the store can take writes; `/healthz` answers 503 with its reason when it cannot. */
  constructor(
    private readonly logger: Logger,
    health: () => Promise<StoreHealth> = async () => ({ writable: true }),
  ) {
    this.route('GET', '/healthz', async (_req, res) => {
      const store = await health().catch((err: Error) => ({ writable: false, reason: err.message }));
      const body = store.writable ? { ok: true } : { ok: false, store: 'unwritable', reason: store.reason };
      res.writeHead(store.writable ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const handler = this.routes.get(`${req.method} ${path}`);
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      Promise.resolve(handler(req, res)).catch((err: unknown) => {
        this.logger.error({ err, path }, 'HTTP handler failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end();
      });
    });
  }

  route(method: 'GET' | 'POST', path: string, handler: HttpHandler): void {
    this.routes.set(`${method} ${path}`, handler);
  }

  async listen(port: number, host: string): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return this.server.address() as AddressInfo;
  }

  async close(): Promise<void> {
    this.server.closeIdleConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
