// Freshness end to end: pages are served from Next's cache (not rendered per request), and a change
// shows on the pages that read it as soon as its cache tags are revalidated with the shared secret.
// The production stack (API + Next standalone) on a real Postgres database, which the test edits
// directly while the API runs: the officials' workspace (issue 6) will make the same edit through the
// API and call the same endpoint. The API's own response cache is off here (RESPONSE_CACHE_SECONDS=0);
// the edit path of the API clears it itself.
import { Client } from 'pg';
import { WEB_REVALIDATE_PATH, webCacheTags, type StreetDetail, type StreetServicePoints } from '@pho-so/shared/contracts';
import { createTestDatabase, type TestDatabase } from '@pho-so/server/db/testing';
import { startWebStack, type WebStack } from './web-stack';

jest.setTimeout(240_000);

/**
 * Whether an answer came from a cache: the web server's page cache (x-page-cache HIT or STALE; it replays
 * the x-nextjs-cache header it stored), or else Next's ISR cache (x-nextjs-cache HIT).
 */
const fromCache = (response: Response): boolean => {
  const pageCache = response.headers.get('x-page-cache');
  return pageCache === null ? response.headers.get('x-nextjs-cache') === 'HIT' : pageCache === 'HIT' || pageCache === 'STALE';
};

// With the web server's page cache off every request reaches Next, whose ISR cache answers; with it on
// (the default) repeated requests within a second are answered before reaching Next.
describe.each([
  { pageCache: 'off', ttl: '0' },
  { pageCache: 'on', ttl: '1000' },
])('page freshness (Postgres, production build, page cache $pageCache)', ({ ttl }) => {
  let database: TestDatabase;
  let stack: WebStack;
  let street: StreetDetail;
  let centre: StreetServicePoints['items'][number];

  const page = async (path: string) => {
    const response = await fetch(`${stack.webUrl}${path}`);
    return { status: response.status, cached: fromCache(response), html: await response.text() };
  };
  const revalidate = (tags: string[], secret = stack.revalidateSecret) =>
    fetch(`${stack.webUrl}${WEB_REVALIDATE_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tags }),
    });
  const setPhone = async (phone: string) => {
    const client = new Client({ connectionString: database.env['DATABASE_URL'] });
    await client.connect();
    try {
      const result = await client.query('UPDATE service_point SET phone = $1 WHERE id = $2', [phone, centre.id]);
      expect(result.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    stack = await startWebStack({ databaseEnv: database.env, apiEnv: { RESPONSE_CACHE_SECONDS: '0' }, webEnv: { PAGE_CACHE_TTL_MS: ttl } });
    const search = (await (await fetch(`${stack.apiUrl}/api/v1/streets?q=tran&limit=1`)).json()) as { items: Array<{ slug: string }> };
    street = (await (await fetch(`${stack.apiUrl}/api/v1/streets/${search.items[0]!.slug}`)).json()) as StreetDetail;
    const points = (await (await fetch(`${stack.apiUrl}/api/v1/streets/${street.slug}/service-points`)).json()) as StreetServicePoints;
    centre = points.items[0]!;
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.dispose();
  });

  it('serves the street page from the cache, and shows an edit once its tags are revalidated', async () => {
    const streetPath = `/duong/${street.slug}`;
    const pointPath = `/diem-phuc-vu/${centre.id}`;
    await page(streetPath);
    await page(pointPath);
    const cached = await page(streetPath);
    expect(cached.cached).toBe(true);

    const phone = '0227 3 846 135';
    expect(cached.html).not.toContain(phone);
    await setPhone(phone);

    // Without revalidation the cached page stays as it was (Next regenerates it at most every 60 s).
    const stale = await page(streetPath);
    expect(stale.cached).toBe(true);
    expect(stale.html).not.toContain(phone);

    // A wrong secret changes nothing.
    expect((await revalidate([webCacheTags.allServicePoints], 'not-the-secret-at-all')).status).toBe(401);
    expect((await page(streetPath)).html).not.toContain(phone);

    const response = await revalidate([webCacheTags.servicePoint(centre.id), webCacheTags.allServicePoints]);
    expect(response.status).toBe(200);
    // Expired, not merely stale: the very next visit waits for fresh data.
    const fresh = await page(streetPath);
    expect(fresh.html).toContain(phone);
    expect(fresh.html).toContain(`href="tel:${phone.replace(/\s/g, '')}"`);
    expect((await page(pointPath)).html).toContain(phone);
    // ...and is cached again.
    expect((await page(streetPath)).cached).toBe(true);
  });

  it('answers bad revalidation requests with a problem, changing nothing', async () => {
    const bad = await fetch(`${stack.webUrl}${WEB_REVALIDATE_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.revalidateSecret}`, 'content-type': 'application/json' },
      body: '{"tags": "street:x"}',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors[0]?.field).toBe('tags');
    const notJson = await fetch(`${stack.webUrl}${WEB_REVALIDATE_PATH}`, { method: 'POST', headers: { authorization: `Bearer ${stack.revalidateSecret}` }, body: 'tags=x' });
    expect(notJson.status).toBe(400);
  });
});
