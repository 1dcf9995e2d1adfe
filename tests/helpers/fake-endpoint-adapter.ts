/** A ChatAdapter (`fake:` addresses) that POSTs each delivery to a FakeEndpoint and maps HTTP errors to the port's typed errors. */
import { Permanent, RateLimited, Transient, type ChatAdapter } from '../../src/ports/chat-adapter.js';
import type { Reply } from '../../src/replies/reply.js';

export function fakeEndpointAdapter(url: string): ChatAdapter {
  return {
    platform: 'fake',
    async deliver(address: string, reply: Reply, options: { key: string }) {
      let response: Response;
      try {
        response = await fetch(url, { method: 'POST', body: JSON.stringify({ key: options.key, address, text: reply.text }) });
      } catch (error) {
        throw new Transient('endpoint unreachable', { cause: error });
      }
      if (response.status === 429) throw new RateLimited(Number(response.headers.get('retry-after') ?? '1') * 1000);
      if (response.status >= 500) throw new Transient(`HTTP ${response.status}`);
      if (response.status >= 400) throw new Permanent(`HTTP ${response.status}`);
      return { messageId: ((await response.json()) as { id: string }).id };
    },
    async update() {},
  };
}
