import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// Framework-free: the internal ops listener is three GET routes on node:http. It only routes and
// writes answers; what they say comes from the handlers (MetricsService, the readiness check).

export interface OpsAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface OpsHandlers {
  metrics(): Promise<OpsAnswer>;
  live(): OpsAnswer;
  ready(): Promise<OpsAnswer>;
}

export interface OpsHttpServer {
  readonly address: AddressInfo;
  /** `http://host:port`, with an IPv6 host in brackets. */
  readonly url: string;
  close(): Promise<void>;
}

export const jsonAnswer = (status: number, body: unknown, contentType = 'application/json; charset=utf-8'): OpsAnswer => ({
  status,
  contentType,
  body: JSON.stringify(body),
});

/** Starts listening; resolves with the bound address (port 0 gives an ephemeral one). */
export async function startOpsHttpServer(host: string, port: number, handlers: OpsHandlers): Promise<OpsHttpServer> {
  const routes: Record<string, () => OpsAnswer | Promise<OpsAnswer>> = {
    '/metrics': () => handlers.metrics(),
    '/health/live': () => handlers.live(),
    '/health/ready': () => handlers.ready(),
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const route = routes[path];
    let answer: Promise<OpsAnswer>;
    if (!route) answer = Promise.resolve(jsonAnswer(404, { status: 404, title: 'Not found', detail: `Routes: ${Object.keys(routes).join(', ')}` }));
    else if (request.method !== 'GET' && request.method !== 'HEAD') answer = Promise.resolve(jsonAnswer(405, { status: 405, title: 'Method not allowed' }));
    else answer = Promise.resolve().then(route);
    answer
      .catch((error: unknown) => jsonAnswer(500, { status: 500, title: 'Internal error', detail: error instanceof Error ? error.message : String(error) }))
      .then((a) => {
        response.writeHead(a.status, {
          'content-type': a.contentType,
          'content-length': Buffer.byteLength(a.body),
          'cache-control': 'no-store',
          ...(a.status === 405 ? { allow: 'GET, HEAD' } : {}),
        });
        response.end(request.method === 'HEAD' ? undefined : a.body);
      })
      .catch(() => response.destroy());
  });
  // Scrapers keep connections alive; a request must not hold the listener open forever either.
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    address,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
