import { startTestApi, type TestApi } from '../testing/test-api';
import { reusableSeconds } from './response-cache';

describe('reusableSeconds', () => {
  it('reuses only public responses with a max-age', () => {
    expect(reusableSeconds('public, max-age=3600, stale-while-revalidate=86400')).toBe(3600);
    expect(reusableSeconds('public, max-age=30')).toBe(30);
    expect(reusableSeconds('no-store')).toBe(0);
    expect(reusableSeconds('private, max-age=60')).toBe(0);
    expect(reusableSeconds(undefined)).toBe(0);
  });
});

// Integration: the real API on Postgres; the cache sits in front of Nest.
describe('response cache', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('postgres');
  }, 60_000);
  afterAll(() => api?.close());

  it('answers a repeated GET from memory with the same bytes and ETag, and 304 on If-None-Match', async () => {
    const first = await api.get('/api/v1/admin-units/12439');
    const second = await api.get('/api/v1/admin-units/12439');
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    const revalidated = await api.get('/api/v1/admin-units/12439', { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
    expect(revalidated.status).toBe(304);
  });

  it('never keeps errors or no-store responses', async () => {
    await api.get('/api/v1/admin-units/99999');
    expect((await api.get('/api/v1/admin-units/99999')).headers.get('x-cache')).toBeNull();
    await api.get('/api/health/ready');
    expect((await api.get('/api/health/ready')).headers.get('x-cache')).toBeNull();
  });
});
