import fc from 'fast-check';
import { problemSchema } from '@pho-so/shared/contracts';
import { TEST_ENGINES } from '@pho-so/server/db/testing';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * Property-based test of every public GET endpoint, generated from the API's own OpenAPI document, so
 * an endpoint added later is fuzzed without editing this file. Each request puts generated junk into
 * the path parameters and query parameters (and adds unknown or repeated ones). Whatever comes in:
 * never a 5xx, every error is problem+json, and nothing is written (the scan beacon, which counts
 * even junk codes by design, is excluded from the "nothing written" check).
 */
interface Operation {
  path: string;
  pathParams: string[];
  queryParams: string[];
}

const RUNS_PER_ENGINE = 600; // × 2 engines = 1,200 generated requests

const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '%',
  '%00',
  '%ZZ',
  '..',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'true',
  '{}',
  '[]',
  'a'.repeat(3000),
  'Đ'.repeat(200),
  '\u0000',
  '\ud800',
  '🙂'.repeat(20),
  '2026-13-45T99:99:99+07:00',
  '91,181',
  'TB-00000',
);
const junk = fc.oneof(
  nastyStrings,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
);

function encodeLoosely(value: string, raw: boolean): string {
  // Sometimes send characters unencoded, as a hand-made URL would; fetch still percent-encodes what
  // it must, so the request is always sendable.
  return raw ? value.replace(/[#?/&=\s]/g, encodeURIComponent) : encodeURIComponent(value);
}

async function getOperations(api: TestApi): Promise<Operation[]> {
  const document = (await (await api.get('/api/docs/openapi.json')).json()) as {
    paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
  };
  return Object.entries(document.paths)
    .filter(([path, item]) => item.get && !path.startsWith('/api/health') && !path.startsWith('/api/docs'))
    .map(([path, item]) => ({
      path,
      pathParams: (item.get?.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: (item.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    }));
}

async function tableFingerprint(api: TestApi): Promise<string> {
  const { DataSource } = await import('typeorm');
  const dataSource = api.app.get(DataSource);
  const tables: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'scan_count' ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await dataSource.query(`SELECT count(*)::text AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM "${table_name}" t`);
    parts.push(`${table_name}:${row.n}:${row.h}`);
  }
  return parts.join('\n');
}

describe.each(TEST_ENGINES)('fuzzing every GET endpoint on %s', (engine) => {
  let api: TestApi;
  let operations: Operation[];
  beforeAll(async () => {
    api = await startTestApi(engine);
    operations = await getOperations(api);
  }, 60_000);
  afterAll(() => api?.close());

  it('finds the endpoints to fuzz in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(2);
  });

  it('never answers 5xx, answers every error as problem+json, and writes nothing', async () => {
    const before = await tableFingerprint(api);
    const request = fc.record({
      operation: fc.constantFrom(...operations),
      pathValues: fc.array(junk, { minLength: 4, maxLength: 4 }),
      query: fc.dictionary(fc.constantFrom('q', 'limit', 'cursor', 'ward', 'from', 'at', 'level', 'online', 'field', 'x', '__proto__', 'constructor'), junk, { maxKeys: 4 }),
      repeatAParam: fc.boolean(),
      raw: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ operation, pathValues, query, repeatAParam, raw }) => {
        let url: string;
        let response: Response;
        try {
          let path = operation.path;
          operation.pathParams.forEach((name, i) => {
            path = path.replace(`{${name}}`, encodeLoosely(pathValues[i] ?? '', raw));
          });
          const search = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeLoosely(v, raw)}`);
          if (repeatAParam && search[0]) search.push(search[0]);
          url = `${path}${search.length ? `?${search.join('&')}` : ''}`;
          response = await api.get(url);
        } catch {
          return true; // not a sendable URL (e.g. a lone surrogate cannot be percent-encoded); nothing reached the server
        }
        const body = await response.text();
        if (response.status >= 500) throw new Error(`${response.status} for GET ${url}: ${body.slice(0, 300)}`);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          problemSchema.parse(JSON.parse(body));
        }
        return true;
      }),
      { numRuns: RUNS_PER_ENGINE },
    );
    expect(await tableFingerprint(api)).toBe(before);
  }, 240_000);
});
