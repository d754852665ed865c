import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemSchema, streetDetailSchema, streetSearchResultSchema, type StreetRecord, type StreetSearchResult } from '@pho-so/shared/contracts';
import { lineMidpoint } from '@pho-so/shared/domain';
import { TEST_ENGINES } from '@pho-so/server/db/testing';
import { DEMO_DATA_DIR, startTestApi, type TestApi } from '../../testing/test-api';

// Expectations come from the demo dataset itself, so they follow it if it is rebuilt.
const STREETS: StreetRecord[] = JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'streets.json'), 'utf8')).records;
/** Slugs of the streets that run through the current ward `code`, in byte order. */
const slugsInWard = (code: string) => STREETS.filter((s) => s.wardCodes.includes(code)).map((s) => s.slug).sort();

describe.each(TEST_ENGINES)('GET /api/v1/streets on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  }, 60_000);
  afterAll(() => api?.close());

  const search = async (query: string): Promise<StreetSearchResult> => {
    const response = await api.get(`/api/v1/streets?${query}`);
    expect(response.status).toBe(200);
    return streetSearchResultSchema.parse(await response.json());
  };
  const slugs = (result: StreetSearchResult) => result.items.map((item) => item.slug);

  it('finds Trần Hưng Đạo however it is typed: without accents, in capitals, or only partly and accented', async () => {
    for (const q of ['tran hung dao', 'TRAN HUNG DAO', 'trân hưng', 'Trần Hưng Đạo']) {
      const response = await api.get(`/api/v1/streets?q=${encodeURIComponent(q)}`);
      expect(response.headers.get('cache-control')).toMatch(/max-age=/);
      const result = streetSearchResultSchema.parse(await response.json());
      expect(result.items[0]).toMatchObject({ slug: 'tran-hung-dao', name: 'Trần Hưng Đạo', match: { on: 'name', text: 'Trần Hưng Đạo', ward: null } });
    }
  });

  it('still finds a street with one wrong letter', async () => {
    expect(slugs(await search('q=tran%20hung%20dap'))[0]).toBe('tran-hung-dao');
    expect(slugs(await search('q=le%20lou'))[0]).toBe('le-loi');
    expect(slugs(await search('q=ke%20loi'))).toContain('le-loi');
    expect(slugs(await search('q=hoang%20hoa%20thom'))[0]).toBe('hoang-hoa-tham');
  });

  it('ranks the exact name first, then names that start with the query, then names that contain it', async () => {
    const numbered = slugs(await search(`q=${encodeURIComponent('Số 1')}`));
    expect(numbered[0]).toBe('so-1');
    expect(numbered.slice(1, 3)).toEqual(['so-10', 'so-13']);

    const route = slugs(await search('q=39b'));
    expect(route[0]).toBe('39b');
    expect(route.slice(1, 3).sort()).toEqual(['quoc-lo-39b', 'tinh-lo-39b']);

    const hung = slugs(await search('q=hung'));
    expect(hung[0]).toBe('hung-vuong'); // starts with "hung"
    expect(hung).toEqual(expect.arrayContaining(['long-hung', 'tran-hung-dao'])); // a word starts with it
  });

  it('finds the streets now in Phường Trần Hưng Đạo by the old ward name Đề Thám, saying why', async () => {
    const expected = slugsInWard('12452');
    for (const q of ['Đề Thám', 'de tham', 'Phường Đề Thám']) {
      const result = await search(`q=${encodeURIComponent(q)}&limit=50`);
      const byWard = result.items.filter((item) => item.match?.on === 'ward');
      expect(byWard.map((item) => item.slug).sort()).toEqual(expected);
      for (const item of byWard) {
        expect(item.match).toEqual({ on: 'ward', text: 'Phường Đề Thám', ward: { code: '12439', name: 'Phường Đề Thám', current: false } });
        expect(item.wards.map((w) => w.code)).toContain('12452');
      }
    }
  });

  it('filters by a current ward, or by an old ward standing for the ward it became', async () => {
    const current = await search('ward=12452&limit=50');
    expect(slugs(current)).toEqual(slugsInWard('12452'));
    expect(current.ward).toEqual({ code: '12452', name: 'Phường Trần Hưng Đạo', current: true, wards: [{ code: '12452', name: 'Phường Trần Hưng Đạo' }] });
    expect(current.items.every((item) => item.match === null)).toBe(true);

    const old = await search('ward=12439&limit=50');
    expect(slugs(old)).toEqual(slugsInWard('12452'));
    expect(old.ward).toMatchObject({ code: '12439', name: 'Phường Đề Thám', current: false, wards: [{ code: '12452' }] });

    // A street in two wards is listed under both, its home ward first.
    const twoWards = STREETS.find((s) => s.wardCodes.length === 2)!;
    const inSecond = await search(`ward=${twoWards.wardCodes[1]}&limit=50`);
    expect(inSecond.items.find((item) => item.slug === twoWards.slug)?.wards.map((w) => w.code)).toEqual(twoWards.wardCodes);

    // Search and filter together.
    const tranInOld = slugs(await search('q=tran&ward=12439&limit=50'));
    expect(tranInOld.length).toBeGreaterThan(0);
    expect(tranInOld.every((slug) => slugsInWard('12452').includes(slug))).toBe(true);
    expect(tranInOld).toContain('tran-hung-dao');
  });

  it('pages through a ward with limit 5 until exhausted: the full set, no duplicates, no skips', async () => {
    const expected = slugsInWard('12452');
    expect(expected.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: StreetSearchResult = await search(`ward=12452&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...slugs(page));
      cursor = page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThanOrEqual(expected.length); // never loops
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 5));
  });

  it('pages through ranked search results in the same order as one big page', async () => {
    const all = slugs(await search('q=tran&limit=50'));
    expect(all.length).toBeGreaterThan(8);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: StreetSearchResult = await search(`q=tran&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...slugs(page));
      cursor = page.nextCursor;
    } while (cursor !== null && seen.length <= all.length);
    expect(seen).toEqual(all);
  });

  it('answers bad parameters with 400 problem+json naming the parameter', async () => {
    const cursorOfAnotherSearch = (await search('q=tran&limit=1')).nextCursor;
    expect(cursorOfAnotherSearch).not.toBeNull();
    for (const [query, field] of [
      ['q=tran&limit=0', 'limit'],
      ['q=tran&limit=x', 'limit'],
      ['q=tran&limit=51', 'limit'],
      ['q=tran&cursor=garbage', 'cursor'],
      ['q=tran&cursor=%21%21', 'cursor'],
      [`q=hung&cursor=${cursorOfAnotherSearch}`, 'cursor'],
      ['', 'q'],
      ['limit=5', 'q'],
      ['q=', 'q'],
      [`q=${'a'.repeat(101)}`, 'q'],
      ['ward=12x', 'ward'],
      ['ward=99999', 'ward'],
      ['ward=33', 'ward'], // the province, not a ward
    ] as const) {
      const response = await api.get(`/api/v1/streets?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = problemSchema.parse(await response.json());
      expect({ query, fields: problem.errors?.map((e) => e.field) }).toEqual({ query, fields: expect.arrayContaining([field]) });
      expect(problem.detail).toContain(field);
    }
  });

  it('treats LIKE wildcards in the query as plain characters', async () => {
    expect((await search('q=%25')).items).toEqual([]);
    expect((await search('q=_')).items).toEqual([]);
  });
});

describe.each(TEST_ENGINES)('GET /api/v1/streets/{slug} on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  }, 60_000);
  afterAll(() => api?.close());

  it('returns the street: names, ends, length, shape, midpoint, wards now and before, namesake, plates, provenance', async () => {
    const response = await api.get('/api/v1/streets/tran-hung-dao');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=/);
    const street = streetDetailSchema.parse(await response.json());
    const record = STREETS.find((s) => s.slug === 'tran-hung-dao')!;

    expect(street).toMatchObject({ slug: 'tran-hung-dao', name: 'Trần Hưng Đạo', kind: 'named_street', oldNames: [], namingAct: null });
    expect(street.start).toEqual(record.start);
    expect(street.end).toEqual(record.end);
    expect(street.lengthM).toBe(record.lengthM);
    expect(street.geometry).toEqual(record.geometry);
    expect(street.midpoint).toEqual(lineMidpoint(record.geometry!));

    expect(street.wards.map((w) => [w.code, w.name, w.home, w.current])).toEqual([['12452', 'Phường Trần Hưng Đạo', true, true]]);
    const before = street.wards[0]!.before;
    expect(before.map((u) => u.name).sort()).toEqual(['Phường Quang Trung', 'Phường Trần Hưng Đạo', 'Phường Đề Thám', 'Xã Phú Xuân'].sort());
    for (const unit of before) {
      expect(unit).toMatchObject({ current: false, validTo: '2025-06-30', mergeType: 'full' });
      expect(unit.legalBasis).toMatch(/1666\/NQ-UBTVQH15/);
    }

    expect(street.namesake).toMatchObject({
      name: 'Trần Hưng Đạo',
      sourceUrl: expect.stringMatching(/^https:\/\/vi\.wikipedia\.org\/wiki\//),
      provenance: { licence: 'CC BY-SA 4.0', attribution: expect.stringContaining('Wikipedia contributors') },
    });

    expect(street.plates.map((p) => p.code).sort()).toEqual(['TB-7R8MR', 'TB-7ZG3P']);
    for (const plate of street.plates) expect(plate).toMatchObject({ status: 'active', provenance: { licence: 'demo', demo: ['*'] } });

    // Demo values are named, so the page can label them.
    expect(street.provenance.demo).toEqual(expect.arrayContaining(['wardCodes', 'start', 'end', 'lengthM', 'geometry']));
  });

  it('lists a street in two wards with its home ward first', async () => {
    const record = STREETS.find((s) => s.wardCodes.length === 2)!;
    const street = streetDetailSchema.parse(await (await api.get(`/api/v1/streets/${record.slug}`)).json());
    expect(street.wards.map((w) => w.code)).toEqual(record.wardCodes);
    expect(street.wards.map((w) => w.home)).toEqual([true, false]);
    expect(street.wards.every((w) => w.before.length > 0)).toBe(true);
  });

  it('answers an unknown slug with 404 and a malformed one with 400, both problem+json', async () => {
    const unknown = await api.get('/api/v1/streets/pho-khong-co');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(problemSchema.parse(await unknown.json()).type).toBe('/api/problems/street-not-found');

    for (const slug of ['Tran-Hung-Dao', 'tran--hung', 'tran_hung', '-tran', encodeURIComponent('trần-hưng-đạo')]) {
      const malformed = await api.get(`/api/v1/streets/${slug}`);
      expect({ slug, status: malformed.status }).toEqual({ slug, status: 400 });
      expect(problemSchema.parse(await malformed.json()).errors?.map((e) => e.field)).toContain('slug');
    }
  });

  it('documents both endpoints in the OpenAPI description', async () => {
    const document = (await (await api.get('/api/docs/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/streets', '/api/v1/streets/{slug}']));
  });

  it('revalidates with the ETag for a 304', async () => {
    const first = await api.get('/api/v1/streets/tran-hung-dao');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await api.get('/api/v1/streets/tran-hung-dao', { headers: { 'if-none-match': etag ?? '' } });
    expect(second.status).toBe(304);
  });
});
