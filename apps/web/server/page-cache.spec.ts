import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PageCache, isCacheableRequest, shareableFor } = require('./page-cache.cjs') as typeof import('./page-cache.cjs');

/**
 * A real HTTP server whose "Next" counts the requests it answers, behind the page cache, with a clock
 * the test moves.
 */
type Answer = { status?: number; headers?: Record<string, string>; body: string };

async function serve(answer: (url: string) => Answer | Promise<Answer>) {
  let clock = 1_000_000;
  const cache = new PageCache({ ttlMs: 1000, maxStaleMs: 4000, now: () => clock });
  const seen: string[] = [];
  const server: Server = createServer((req, res) =>
    cache.handle(req, res, async () => {
      seen.push(`${req.method} ${req.url}`);
      const { status = 200, headers = {}, body } = await answer(req.url ?? '');
      res.statusCode = status;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.write(body.slice(0, 3));
      res.end(body.slice(3));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { headers });
    return { status: response.status, state: response.headers.get('x-page-cache'), body: await response.text() };
  };
  return {
    cache,
    seen,
    get,
    post: (path: string) => fetch(`${base}${path}`, { method: 'POST', body: '{}' }),
    advance: (ms: number) => (clock += ms),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const ISR = { 'cache-control': 's-maxage=60, stale-while-revalidate=31535940', 'content-type': 'text/html; charset=utf-8', etag: '"abc"' };

describe('PageCache', () => {
  let version = 1;
  let stack: Awaited<ReturnType<typeof serve>>;
  beforeEach(async () => {
    version = 1;
    stack = await serve((url) =>
      url.startsWith('/dynamic')
        ? { headers: { 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' }, body: `dynamic ${version}` }
        : url.startsWith('/cookie')
          ? { headers: { ...ISR, 'set-cookie': 'a=b' }, body: `cookie ${version}` }
          : url.startsWith('/missing')
            ? { status: 404, headers: ISR, body: 'not found' }
            : { headers: ISR, body: `page ${version}` },
    );
  });
  afterEach(() => stack.close());

  it('answers a shareable page from memory within its TTL, with the same body', async () => {
    expect(await stack.get('/duong/ly-bon')).toEqual({ status: 200, state: null, body: 'page 1' });
    version = 2;
    expect(await stack.get('/duong/ly-bon')).toEqual({ status: 200, state: 'HIT', body: 'page 1' });
    expect(stack.seen).toEqual(['GET /duong/ly-bon']);
  });

  it('after the TTL, one request refreshes while the others get the stale copy, never longer than the stale bound', async () => {
    await stack.get('/duong/ly-bon');
    version = 2;
    stack.advance(1500);
    expect((await stack.get('/duong/ly-bon')).body).toBe('page 2');
    expect(stack.seen).toHaveLength(2);
    stack.advance(1000 + 4000 + 1);
    version = 3;
    // Too old to serve even while refreshing: asks Next.
    expect((await stack.get('/duong/ly-bon')).body).toBe('page 3');
  });

  it('serves the stale copy to others while one request is refreshing it', async () => {
    let release: () => void = () => undefined;
    const slow = await serve(async () => {
      if (version === 2) await new Promise<void>((resolve) => (release = resolve));
      return { headers: ISR, body: `page ${version}` };
    });
    try {
      await slow.get('/duong/ly-bon');
      version = 2;
      slow.advance(1500);
      const refreshing = slow.get('/duong/ly-bon');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await slow.get('/duong/ly-bon')).toEqual({ status: 200, state: 'STALE', body: 'page 1' });
      release();
      expect((await refreshing).body).toBe('page 2');
      expect(await slow.get('/duong/ly-bon')).toEqual({ status: 200, state: 'HIT', body: 'page 2' });
      expect(slow.seen).toHaveLength(2);
    } finally {
      await slow.close();
    }
  });

  it('never keeps private answers, answers that set cookies, or errors', async () => {
    for (const path of ['/dynamic', '/cookie', '/missing']) {
      await stack.get(path);
      await stack.get(path);
    }
    expect(stack.seen).toEqual(['GET /dynamic', 'GET /dynamic', 'GET /cookie', 'GET /cookie', 'GET /missing', 'GET /missing']);
  });

  it('never answers a request with credentials or a router header from the cache', async () => {
    await stack.get('/duong/ly-bon');
    const variants: Array<Record<string, string>> = [{ cookie: 's=1' }, { authorization: 'Bearer x' }, { rsc: '1' }, { 'next-router-prefetch': '1' }];
    for (const headers of variants) {
      expect((await stack.get('/duong/ly-bon', headers)).state).toBeNull();
    }
    expect(stack.seen).toHaveLength(5);
  });

  it('keeps gzip and identity answers apart', async () => {
    await stack.get('/duong/ly-bon', { 'accept-encoding': 'identity' });
    await stack.get('/duong/ly-bon', { 'accept-encoding': 'gzip' });
    expect(stack.seen).toHaveLength(2);
  });

  it('answers a matching If-None-Match with 304', async () => {
    await stack.get('/duong/ly-bon');
    expect(await stack.get('/duong/ly-bon', { 'if-none-match': '"abc"' })).toEqual({ status: 304, state: 'HIT', body: '' });
  });

  it('is emptied by a successful revalidation, so an edit waits for no expiry here', async () => {
    await stack.get('/duong/ly-bon');
    version = 2;
    await stack.post('/internal/revalidate');
    expect((await stack.get('/duong/ly-bon')).body).toBe('page 2');
  });

  it('evicts the oldest pages beyond its byte budget', () => {
    const small = new PageCache({ maxBytes: 10 });
    const entry = (body: string) => ({ status: 200, headers: {}, body: Buffer.from(body), etag: undefined, storedAt: 0, maxAgeMs: 1000 });
    small.store('a', entry('123456'));
    small.store('b', entry('123456'));
    expect([...small.entries.keys()]).toEqual(['b']);
    expect(small.bytes).toBe(6);
  });
});

describe('what may be cached', () => {
  const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as never;

  it('only GETs of pages outside the API, the revalidation endpoint, the workspace and build files', () => {
    expect(isCacheableRequest(request('GET', '/duong/ly-bon'))).toBe(true);
    for (const url of ['/api/v1/plates/TB-1/scan.gif', '/internal/revalidate', '/quan-tri', '/en/quan-tri/duong', '/_next/static/x.js', '/duong/x?_rsc=1']) {
      expect(isCacheableRequest(request('GET', url))).toBe(false);
    }
    expect(isCacheableRequest(request('HEAD', '/duong/ly-bon'))).toBe(false);
    expect(isCacheableRequest(request('POST', '/duong/ly-bon'))).toBe(false);
  });

  it('follows Next’s Cache-Control, never beyond its s-maxage', () => {
    expect(shareableFor(200, { 'cache-control': 's-maxage=60, stale-while-revalidate=1' }, 1000)).toBe(1000);
    expect(shareableFor(200, { 'cache-control': 's-maxage=0' }, 1000)).toBeNull();
    expect(shareableFor(200, { 'cache-control': 'public, max-age=60' }, 1000)).toBeNull();
    expect(shareableFor(200, { 'cache-control': 'private, s-maxage=60' }, 1000)).toBeNull();
    expect(shareableFor(500, { 'cache-control': 's-maxage=60' }, 1000)).toBeNull();
  });
});
