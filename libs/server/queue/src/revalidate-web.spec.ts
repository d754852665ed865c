import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InProcessJobQueue } from './in-process-queue';
import type { PhoSoJobs } from './jobs';
import { createRevalidateWebHandler, revalidateWebHandlers } from './revalidate-web';

const SECRET = 'a-secret-of-sixteen-plus';

interface Received {
  authorization: string | undefined;
  path: string | undefined;
  body: unknown;
}

/** A real HTTP server on a random local port answering with `answer(requestNumber, request)`. */
async function startServer(answer: (n: number, received: Received) => number): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { authorization: request.headers.authorization, path: request.url, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') };
      received.push(entry);
      const status = answer(received.length, entry);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status < 300 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const quiet = { warn: jest.fn() };

describe('web.revalidate job', () => {
  it('is retried by the queue while the web app fails, and succeeds on the third attempt', async () => {
    const web = await startServer((n) => (n <= 2 ? 503 : 200));
    try {
      const queue = new InProcessJobQueue<PhoSoJobs>(revalidateWebHandlers({ WEB_INTERNAL_URL: web.url, REVALIDATE_SECRET: SECRET }, { logger: quiet }), 5, 5);
      await queue.enqueue('web.revalidate', { tags: ['service-point:abc', 'service-points'] });
      await queue.drain();
      expect(queue.failures).toEqual([]);
      expect(web.received).toHaveLength(3);
      for (const request of web.received) {
        expect(request).toEqual({ authorization: `Bearer ${SECRET}`, path: '/internal/revalidate', body: { tags: ['service-point:abc', 'service-points'] } });
      }
    } finally {
      await web.close();
    }
  });

  it('sends the bearer secret: a web app checking it accepts the right one and the job fails on a wrong one', async () => {
    const web = await startServer((_, request) => (request.authorization === `Bearer ${SECRET}` ? 200 : 401));
    try {
      await createRevalidateWebHandler({ WEB_INTERNAL_URL: `${web.url}/`, REVALIDATE_SECRET: SECRET })({ tags: ['street:ly-bon'] }, { jobId: 'j', attempt: 1 });
      await expect(
        createRevalidateWebHandler({ WEB_INTERNAL_URL: web.url, REVALIDATE_SECRET: 'another-secret-16ch' })({ tags: ['street:ly-bon'] }, { jobId: 'j', attempt: 1 }),
      ).rejects.toThrow(/answered 401/);
      expect(web.received.map((r) => r.authorization)).toEqual([`Bearer ${SECRET}`, 'Bearer another-secret-16ch']);
    } finally {
      await web.close();
    }
  });

  it('throws on a connection error (so the queue retries), and on a timeout', async () => {
    const web = await startServer(() => 200);
    const url = web.url;
    await web.close(); // nothing listens there any more
    await expect(createRevalidateWebHandler({ WEB_INTERNAL_URL: url, REVALIDATE_SECRET: SECRET })({ tags: ['streets'] }, { jobId: 'j', attempt: 1 })).rejects.toThrow();
    const slow = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
      await expect(
        createRevalidateWebHandler({ WEB_INTERNAL_URL: slowUrl, REVALIDATE_SECRET: SECRET }, { timeoutMs: 100 })({ tags: ['streets'] }, { jobId: 'j', attempt: 1 }),
      ).rejects.toThrow();
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('splits more than 200 tags into several requests, without duplicates', async () => {
    const web = await startServer(() => 204);
    try {
      const tags = Array.from({ length: 450 }, (_, i) => `plate:TB-${i}`);
      await createRevalidateWebHandler({ WEB_INTERNAL_URL: web.url, REVALIDATE_SECRET: SECRET })({ tags: [...tags, ...tags] }, { jobId: 'j', attempt: 1 });
      expect(web.received.map((r) => (r.body as { tags: string[] }).tags.length)).toEqual([200, 200, 50]);
    } finally {
      await web.close();
    }
  });

  it('skips with a warning when WEB_INTERNAL_URL or the secret is not configured', async () => {
    const logger = { warn: jest.fn() };
    await createRevalidateWebHandler({ REVALIDATE_SECRET: SECRET }, { logger })({ tags: ['streets'] }, { jobId: 'j', attempt: 1 });
    await createRevalidateWebHandler({ WEB_INTERNAL_URL: 'http://127.0.0.1:9' }, { logger })({ tags: ['streets'] }, { jobId: 'j', attempt: 1 });
    expect(logger.warn.mock.calls.map(([message]) => String(message).match(/\((\w+) not set\)/)?.[1])).toEqual(['WEB_INTERNAL_URL', 'REVALIDATE_SECRET']);
  });
});
