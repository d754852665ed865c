// Baseline for tools/bench/http-throughput: a bare `node:http` server (no framework, no database)
// that answers each recorded path with the exact bytes and headers the API answered once.
//
//   node dist/node/tools/bench/plain-server.js <fixture.json> <port>
//
// fixture.json: { "<path?query>": { "status": 200, "headers": { "content-type": …, "etag": …, … }, "bodyBase64": … } }
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Recorded {
  status: number;
  headers: Record<string, string>;
  bodyBase64: string;
}

const [fixturePath, portText] = process.argv.slice(2);
if (!fixturePath || !portText) {
  console.error('usage: plain-server.js <fixture.json> <port>');
  process.exit(2);
}
const routes = new Map(
  Object.entries(JSON.parse(readFileSync(fixturePath, 'utf8')) as Record<string, Recorded>).map(([path, r]) => {
    const body = Buffer.from(r.bodyBase64, 'base64');
    return [path, { status: r.status, headers: { ...r.headers, 'content-length': String(body.length) }, body }] as const;
  }),
);

const server = createServer((request, response) => {
  const route = routes.get(request.url ?? '');
  if (!route) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not recorded');
    return;
  }
  response.writeHead(route.status, route.headers).end(route.body);
});
server.listen(Number(portText), '127.0.0.1', () => console.log(`plain server on http://127.0.0.1:${portText} (${routes.size} path(s))`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
