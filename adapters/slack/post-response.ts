/**
 * Posts a message to a response_url as Bolt's `respond` does (a JSON POST; anything but 2xx is an
 * error), over node:http(s) with kept-alive connections rather than fetch: a list answer is five
 * ~45 kB posts, and fetch's web streams cost about four times the CPU per post of a plain request.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** No answer for this long: the post is given up (Slack answers a response_url post at once). */
const POST_TIMEOUT_MS = 30_000;
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

export function postResponse(responseUrl: string, message: object): Promise<void> {
  const url = new URL(responseUrl);
  const body = JSON.stringify(message);
  const secure = url.protocol === 'https:';
  if (!secure && url.protocol !== 'http:') return Promise.reject(new Error(`Not a response_url: ${responseUrl}`));
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res: IncomingMessage) => {
        // Read the short answer to the end, so the connection can carry the next post.
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`Failed to respond to the response_url: ${status} ${res.statusMessage ?? ''}`.trim()));
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(POST_TIMEOUT_MS, () => req.destroy(new Error(`the response_url did not answer within ${POST_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Lets go of the kept-alive connections (a thread that stops). */
export function closeResponseConnections(): void {
  agents.http.destroy();
  agents.https.destroy();
}
