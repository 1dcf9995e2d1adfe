/** Socket Mode as Slack plays it: a WebSocket that says hello, pushes envelopes and collects acks by envelope_id. */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, any>;
}

export class FakeSocketMode {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients = new Set<WebSocket>();
  private readonly waiting = new Map<string, (ack: SocketAck) => void>();
  private connectedListeners: (() => void)[] = [];

  attach(server: Server): void {
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/link')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  url(baseUrl: string): string {
    return `${baseUrl.replace(/^http/, 'ws')}/link/?ticket=${randomUUID()}`;
  }

  /** Resolves once a client is connected (immediately if one is). */
  connected(): Promise<void> {
    if (this.clients.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.connectedListeners.push(resolve));
  }

  /** Pushes an envelope (`slash_commands`, `events_api`, `interactive`) and resolves with the client's ack. */
  push(
    type: string,
    payload: Record<string, any>,
    options: { acceptsResponsePayload?: boolean } = {},
  ): { envelopeId: string; ack: Promise<SocketAck> } {
    const envelopeId = randomUUID();
    const ack = new Promise<SocketAck>((resolve) => this.waiting.set(envelopeId, resolve));
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: options.acceptsResponsePayload ?? type !== 'events_api',
      retry_attempt: 0,
      retry_reason: '',
    };
    for (const client of this.clients) client.send(JSON.stringify(envelope));
    return { envelopeId, ack };
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.clients.add(ws);
    ws.on('close', () => this.clients.delete(ws));
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as SocketAck;
      this.waiting.get(message.envelope_id)?.(message);
      this.waiting.delete(message.envelope_id);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0FAKE' },
      }),
    );
    for (const listener of this.connectedListeners) listener();
    this.connectedListeners = [];
  }
}
