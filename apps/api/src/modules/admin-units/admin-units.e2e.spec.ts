import { adminUnitByCodeSchema, adminUnitSearchResultSchema, problemSchema } from '@pho-so/shared/contracts';
import { TEST_ENGINES } from '@pho-so/server/db/testing';
import { startTestApi, type TestApi } from '../../testing/test-api';

describe.each(TEST_ENGINES)('GET /api/v1/admin-units on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  }, 60_000);
  afterAll(() => api?.close());

  it('finds an old ward by its name without accents, and says it is no longer current', async () => {
    const response = await api.get('/api/v1/admin-units?q=de%20tham');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=/);
    const body = adminUnitSearchResultSchema.parse(await response.json());
    expect(body.items[0]).toMatchObject({ code: '12439', name: 'Phường Đề Thám', current: false });
  });

  it('tells what an old ward became, and what a new ward was formed from', async () => {
    const old = adminUnitByCodeSchema.parse(await (await api.get('/api/v1/admin-units/12439')).json());
    expect(old.units[0]?.became.map((u) => u.name)).toEqual(['Phường Trần Hưng Đạo']);

    // 12452 names both the old and the new Phường Trần Hưng Đạo.
    const twin = adminUnitByCodeSchema.parse(await (await api.get('/api/v1/admin-units/12452')).json());
    const current = twin.units.find((u) => u.current);
    const former = twin.units.find((u) => !u.current);
    expect(current?.formedFrom.map((u) => u.name).sort()).toEqual(['Phường Quang Trung', 'Phường Trần Hưng Đạo', 'Phường Đề Thám', 'Xã Phú Xuân'].sort());
    expect(former?.became.map((u) => u.code)).toEqual(['12452']);
  });

  it('answers a malformed code or query with 400 problem+json naming the parameter', async () => {
    for (const [path, field] of [
      ['/api/v1/admin-units/12x', 'code'],
      ['/api/v1/admin-units?q=', 'q'],
      ['/api/v1/admin-units?q=x&limit=0', 'limit'],
      ['/api/v1/admin-units?q=%00', 'q'], // found by the fuzz test: a NUL byte once reached Postgres and gave a 500
    ] as const) {
      const response = await api.get(path);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = problemSchema.parse(await response.json());
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    }
  });

  it('answers a URL the router cannot decode with 400 problem+json', async () => {
    const response = await api.get('/api/v1/admin-units/%');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(problemSchema.parse(await response.json()).type).toBe('/api/problems/malformed-url');
  });

  it('answers an unknown code with 404 problem+json', async () => {
    const response = await api.get('/api/v1/admin-units/99999');
    expect(response.status).toBe(404);
    expect(problemSchema.parse(await response.json()).type).toBe('/api/problems/admin-unit-not-found');
  });

  it('revalidates with the ETag for a 304', async () => {
    const first = await api.get('/api/v1/admin-units/12439');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await api.get('/api/v1/admin-units/12439', { headers: { 'if-none-match': etag ?? '' } });
    expect(second.status).toBe(304);
  });
});
