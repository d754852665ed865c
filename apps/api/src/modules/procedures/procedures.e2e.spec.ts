import { DataSource } from 'typeorm';
import { problemSchema, procedureDetailSchema, procedurePageSchema, type ProcedurePage } from '@pho-so/shared/contracts';
import { TEST_ENGINES } from '@pho-so/server/db/testing';
import { startTestApi, type TestApi } from '../../testing/test-api';

const PORTAL = 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=';

describe.each(TEST_ENGINES)('GET /api/v1/procedures on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    // Some tests edit rows between requests: the in-memory response cache (tested on its own) is off.
    api = await startTestApi(engine, { env: { RESPONSE_CACHE_SECONDS: '0' } });
  }, 60_000);
  afterAll(() => api?.close());

  async function page(query: string): Promise<ProcedurePage> {
    const response = await api.get(`/api/v1/procedures?${query}`);
    expect(response.status).toBe(200);
    return procedurePageSchema.parse(await response.json());
  }

  /** Every item of a search, following the cursors. */
  async function all(query: string): Promise<ProcedurePage['items']> {
    const items: ProcedurePage['items'] = [];
    let cursor: string | null = null;
    do {
      const next: ProcedurePage = await page(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...next.items);
      cursor = next.nextCursor;
    } while (cursor);
    return items;
  }

  it('finds a procedure without accents, in any case, best match first', async () => {
    for (const q of ['dang%20ky%20khai%20sinh', 'ĐĂNG%20KÝ%20KHAI%20SINH', 'khai%20sinh']) {
      const body = await page(`q=${q}&limit=5`);
      expect(body.items[0]).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch' });
    }
    const response = await api.get('/api/v1/procedures?q=khai%20sinh');
    expect(response.headers.get('cache-control')).toMatch(/max-age=3600/);
  });

  it('says where a commune-level procedure can be filed: any commune centre, online, by post; with the portal link', async () => {
    const [birth] = (await page('q=thu%20tuc%20dang%20ky%20khai%20sinh&limit=1')).items;
    expect(birth?.code).toBe('1.001193');
    expect(birth?.levels).toEqual(['commune']);
    expect(birth?.portalUrl).toBe(`${PORTAL}1.001193`);
    expect(birth?.filingPlaces).toEqual([{ kind: 'any_commune_centre' }, { kind: 'online', portalUrl: `${PORTAL}1.001193` }, { kind: 'postal' }]);
  });

  it('keeps a processing time whose unit the portal omits with a null unit', async () => {
    const [birth] = (await page('q=thu%20tuc%20dang%20ky%20khai%20sinh&limit=1')).items;
    expect(birth?.channels.map((c) => c.channel)).toEqual(['online', 'postal', 'in_person']);
    for (const channel of birth?.channels ?? []) expect(channel.time).toEqual({ raw: '1', value: 1, unit: null });
    expect(birth?.channels[0]?.fee).toBe('Miễn phí');
  });

  it('sends a province-level procedure to the provincial centre as well, and an online-only one only online', async () => {
    const province = await all('level=province&limit=50');
    expect(province.length).toBeGreaterThan(0);
    for (const item of province) expect(item.levels).toContain('province');
    const copy = province.find((p) => p.code === '2.000908'); // Cấp bản sao từ sổ gốc: ministry, province, commune; in person
    expect(copy?.filingPlaces.map((p) => p.kind)).toEqual(['any_commune_centre', 'provincial_centre', 'online', 'postal']);
    const onlineOnly = province.find((p) => p.code === '1.012575'); // Đăng ký xe lần đầu trực tuyến toàn trình
    expect(onlineOnly?.channels.map((c) => c.channel)).toEqual(['online']);
    expect(onlineOnly?.filingPlaces).toEqual([{ kind: 'online', portalUrl: `${PORTAL}1.012575` }]);
  });

  it('filters by online channel, field (accent-insensitive) and level', async () => {
    const online = await all('online=true&limit=50');
    const offline = await all('online=false&limit=50');
    expect(online.length + offline.length).toBe(193);
    for (const item of online) expect(item.channels.map((c) => c.channel)).toContain('online');
    for (const item of offline) {
      expect(item.channels.map((c) => c.channel)).not.toContain('online');
      expect(item.filingPlaces.map((p) => p.kind)).not.toContain('online');
    }

    const civilStatus = await all('field=ho%20tich&limit=50');
    expect(civilStatus).toHaveLength(40);
    for (const item of civilStatus) expect(item.field).toBe('Hộ tịch');
    expect(await all('field=H%E1%BB%99%20t%E1%BB%8Bch&level=commune&q=khai%20sinh&limit=50')).toEqual(
      (await all('q=khai%20sinh&limit=50')).filter((p) => p.field === 'Hộ tịch'),
    );
    expect((await page('field=ho')).items).toEqual([]); // exact field, not a prefix
  });

  it('pages with an opaque cursor, without gaps or repeats, by code and by rank', async () => {
    const everything = await all('limit=7');
    expect(everything).toHaveLength(193);
    const codes = everything.map((p) => p.code);
    expect(new Set(codes).size).toBe(193);
    expect([...codes].sort()).toEqual(codes);

    const oneGo = (await page('q=khai%20sinh&limit=50')).items.map((p) => p.code);
    expect(oneGo.length).toBeGreaterThan(5);
    expect((await all('q=khai%20sinh&limit=2')).map((p) => p.code)).toEqual(oneGo);

    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const next: ProcedurePage = await page(`limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      sizes.push(next.items.length);
      if (next.nextCursor) expect(next.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
      cursor = next.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([50, 50, 50, 43]);
  });

  it("filters by ward: what that ward's centre takes at its counter, less its own exceptions", async () => {
    const db = api.app.get(DataSource);
    const ward = '12452';
    const [{ id: centre }] = await db.query(
      `SELECT sp.id FROM service_point sp JOIN administrative_unit u ON u.id = sp.ward_id WHERE u.code = $1 AND u.valid_to IS NULL`,
      [ward],
    );
    await db.query(`UPDATE service_point SET procedures_not_accepted = '["1.001193"]' WHERE id = $1`, [centre]);
    try {
      const here = await all(`ward=${ward}&limit=50`);
      const codes = here.map((p) => p.code);
      expect(codes).not.toContain('1.001193'); // the centre's own exception
      expect(codes).not.toContain('1.003197'); // Xóa đăng ký thường trú: online only, no counter
      expect(codes).toContain('1.004884'); // Đăng ký lại khai sinh
      for (const item of here) expect(item.filingPlaces.map((p) => p.kind)).toContain('any_commune_centre');
      // Another ward's centre still takes it: Nghị định 118/2025, any commune centre in the province.
      expect((await all('ward=13225&q=khai%20sinh&limit=50')).map((p) => p.code)).toContain('1.001193');
      // A current commune of the province without a service point in the data: no exceptions known.
      expect((await all('ward=11953&limit=50')).map((p) => p.code)).toContain('1.001193');
    } finally {
      await db.query(`UPDATE service_point SET procedures_not_accepted = '[]' WHERE id = $1`, [centre]);
    }
  });

  it('answers bad parameters with 400 problem+json naming the parameter', async () => {
    const otherCursor = (await page('limit=1')).nextCursor ?? '';
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=51', 'limit'],
      ['limit=two', 'limit'],
      ['level=district', 'level'],
      ['level=ministry', 'level'],
      ['online=yes', 'online'],
      ['q=', 'q'],
      [`q=${'a'.repeat(101)}`, 'q'],
      ['field=', 'field'],
      ['ward=12x', 'ward'],
      ['ward=12439', 'ward'], // Phường Đề Thám: merged in the 2025 reform, no longer current
      ['ward=99999', 'ward'],
      ['cursor=%21%21', 'cursor'],
      ['cursor=bm90LWpzb24', 'cursor'], // base64url of "not-json"
      [`q=khai%20sinh&cursor=${otherCursor}`, 'cursor'], // a by-code cursor does not continue a text search
    ] as const) {
      const response = await api.get(`/api/v1/procedures?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = problemSchema.parse(await response.json());
      expect({ query, fields: problem.errors?.map((e) => e.field) }).toEqual({ query, fields: [field] });
      expect(problem.detail).toContain(field);
    }
  });
});

describe.each(TEST_ENGINES)('GET /api/v1/procedures/{code} on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  }, 60_000);
  afterAll(() => api?.close());

  it('gives the procedure in full: documents, steps, conditions, legal basis, results, where to file, source', async () => {
    const response = await api.get('/api/v1/procedures/1.001193');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600, stale-while-revalidate=86400');
    const body = procedureDetailSchema.parse(await response.json());
    expect(body).toMatchObject({
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      levels: ['commune'],
      portalUrl: `${PORTAL}1.001193`,
      syncedAt: null,
      provenance: { attribution: 'Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)', demo: [] },
    });
    expect(body.documents).toContain('Giấy chứng sinh');
    expect(body.steps.length).toBeGreaterThan(0);
    expect(body.legalBasis.length).toBeGreaterThan(0);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.sourceUrl).toMatch(/^https:\/\//);
    expect(body.filingPlaces.map((p) => p.kind)).toEqual(['any_commune_centre', 'online', 'postal']);
    expect(body.channels.map((c) => c.time.unit)).toEqual([null, null, null]);
  });

  it('answers a malformed code with 400 naming "code", and an unknown one with 404', async () => {
    for (const code of ['1.00119', '1001193', '1.0011931', 'abc', '1.00119x']) {
      const response = await api.get(`/api/v1/procedures/${code}`);
      expect({ code, status: response.status }).toEqual({ code, status: 400 });
      expect(problemSchema.parse(await response.json()).errors?.map((e) => e.field)).toEqual(['code']);
    }
    const unknown = await api.get('/api/v1/procedures/9.999999');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(problemSchema.parse(await unknown.json()).type).toBe('/api/problems/procedure-not-found');
  });

  it('revalidates with the ETag for a 304', async () => {
    const first = await api.get('/api/v1/procedures/1.001193');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toBeTruthy();
    expect((await api.get('/api/v1/procedures/1.001193', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });
});
