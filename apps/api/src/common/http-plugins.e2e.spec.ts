import { problemSchema } from '@pho-so/shared/contracts';
import { startTestApi, type TestApi } from '../testing/test-api';

// Integration: the rate limit shared through the real Redis, as replicas would share it.
describe('rate limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('postgres', { redis: true, env: { RATE_LIMIT_PER_MINUTE: '3' } });
  }, 60_000);
  afterAll(() => api?.close());

  it('answers 429 problem+json with Retry-After past the limit, and never limits health checks', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.get('/api/v1/admin-units/12439')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api.get('/api/v1/admin-units/12439');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(problemSchema.parse(await limited.json())).toMatchObject({ status: 429, type: '/api/problems/rate-limited' });
    for (let i = 0; i < 5; i++) expect((await api.get('/api/health/live')).status).toBe(200);
  });
});
