import { PLATE_PROBLEM_TYPES, plateLookupSchema, plateProblemSchema } from '@pho-so/shared/contracts';
import { PLATE_ALPHABET, plateCheckCharacter, plateCodeFromSerial } from '@pho-so/shared/domain';
import { TEST_ENGINES } from '@pho-so/server/db/testing';
import { CACHE_REFERENCE } from '../../common/cache-control';
import { startTestApi, type TestApi } from '../../testing/test-api';

// TB-233AC is the first plate of the demo city (data/plates.json), on "Đường 10".
const KNOWN = 'TB-233AC';

describe.each(TEST_ENGINES)('GET /api/v1/plates/{code} on %s', (engine) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(engine);
  }, 60_000);
  afterAll(() => api?.close());

  it('finds a plate by its code in lower case with spaces, and answers with the canonical code and its street', async () => {
    const response = await api.get(`/api/v1/plates/${encodeURIComponent('tb 233ac')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(CACHE_REFERENCE);
    const body = plateLookupSchema.parse(await response.json());
    expect(body.plate).toMatchObject({ code: KNOWN, status: 'active', installedAt: null });
    expect(body.plate.positionDescription).toContain('Tống Vũ');
    expect(body.plate.point).toEqual({ lat: 20.432031, lng: 106.353943 });
    expect(body.plate.provenance).toMatchObject({ source: 'demo', demo: ['*'] });
    expect(body.street).toMatchObject({ slug: 'duong-10', kind: 'route_number', lengthM: 3117 });
    expect(body.street.provenance.demo.length).toBeGreaterThan(0);
    // Current wards only (12454 and 13225 also name units abolished on 1 July 2025), home ward first.
    expect(body.street.wards).toEqual([
      { code: '12454', name: 'Phường Trần Lãm' },
      { code: '13225', name: 'Phường Thái Bình' },
    ]);
  });

  it('ignores case, spaces and hyphens anywhere', async () => {
    for (const written of ['tb-233ac', 'TB233AC', ' t b - 2 3 3 a c ', 'Tb-233-Ac']) {
      const response = await api.get(`/api/v1/plates/${encodeURIComponent(written)}`);
      expect({ written, status: response.status }).toEqual({ written, status: 200 });
      expect(plateLookupSchema.parse(await response.json()).plate.code).toBe(KNOWN);
    }
  });

  it('answers a malformed code with the malformed problem type, telling the citizen what a code looks like and to stay safe', async () => {
    for (const written of ['hello', 'TB-233', 'TB-233AC9', '12345', 'TB-233A0', '☃']) {
      const response = await api.get(`/api/v1/plates/${encodeURIComponent(written)}`);
      expect({ written, status: response.status }).toEqual({ written, status: 404 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = plateProblemSchema.parse(await response.json());
      expect(problem).toMatchObject({ type: PLATE_PROBLEM_TYPES.malformed, status: 404, reason: 'malformed' });
      expect(problem.detail).toContain('TB-233AC');
      expect(problem.detail).toMatch(/personal data/);
      expect(problem.detail).toMatch(/payment/);
    }
  });

  it('answers a wrong check character as a malformed code that is probably a typo', async () => {
    const wrong = PLATE_ALPHABET.split('').find((c) => c !== plateCheckCharacter('TB', '233A'));
    const response = await api.get(`/api/v1/plates/tb-233a${wrong?.toLowerCase()}`);
    expect(response.status).toBe(404);
    const problem = plateProblemSchema.parse(await response.json());
    expect(problem).toMatchObject({ type: PLATE_PROBLEM_TYPES.malformed, reason: 'bad_check_character', code: `TB233A${wrong}` });
    expect(problem.detail).toMatch(/typo/);
    expect(problem.detail).toMatch(/code printed on the plate/);
  });

  it('answers a well-formed code of no plate with the distinct not-found type: not an official plate', async () => {
    const unknown = plateCodeFromSerial('TB', 900_000); // the demo city numbers its plates from 0
    const response = await api.get(`/api/v1/plates/${unknown.toLowerCase()}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = plateProblemSchema.parse(await response.json());
    expect(problem).toMatchObject({ type: PLATE_PROBLEM_TYPES.notFound, status: 404, code: unknown });
    expect(problem.reason).toBeUndefined();
    expect(problem.detail).toMatch(/not an official Phố Số plate/);
    expect(problem.detail).toMatch(/personal data/);
    expect(PLATE_PROBLEM_TYPES.notFound).not.toBe(PLATE_PROBLEM_TYPES.malformed);
  });

  it('revalidates with the ETag for a 304', async () => {
    const first = await api.get(`/api/v1/plates/${KNOWN}`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await api.get(`/api/v1/plates/${KNOWN}`, { headers: { 'if-none-match': etag ?? '' } });
    expect(second.status).toBe(304);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await api.get('/api/docs/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/plates/{code}', '/api/v1/plates/{code}/scan.gif']));
  });
});
