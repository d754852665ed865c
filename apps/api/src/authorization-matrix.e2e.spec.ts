import { DataSource } from 'typeorm';
import Redis from 'ioredis';
import type { AppConfig } from '@pho-so/server/config';
import { APP_CONFIG } from '@pho-so/server/nest';
import { startTestApi, type TestApi } from './testing/test-api';
import { createOfficial, loginAs, sessionHeaders, type LoggedIn } from './testing/officials';
import { localDay } from './modules/plates/scans/scan-key';

/**
 * Issue 6's authorization matrix, generated from the OpenAPI document: every write operation (POST,
 * PUT, PATCH, DELETE) under /api/v1/workspace and /api/v1/admin × role × own/other ward, against the
 * real API on Postgres. Path parameters come from a registry keyed by resource: an operation whose
 * resource or parameter has no resolver fails the test by name, so a route added later is covered or
 * loudly flagged, never skipped.
 */

const WARD_A = '12452'; // Phường Trần Hưng Đạo
const WARD_B = '12454'; // Phường Trần Lãm
const ADMIN_TOKEN = 'matrix-admin-token-0123456789abcdef0123';
const PASSWORDS = { admin: 'quản trị tỉnh Hưng Yên', editorA: 'phường Trần Hưng Đạo sáng nay' };
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
const REACHED = [200, 201, 204, 400, 409];

type Ward = 'A' | 'B';
type Method = (typeof WRITE_METHODS)[number];

interface Operation {
  method: Method;
  /** OpenAPI path, e.g. /api/v1/workspace/service-points/{id}/confirm */
  path: string;
  pathParams: string[];
}

interface Target {
  params: Record<string, string>;
  body: Record<string, unknown>;
}

interface Resolver {
  /** `ward`: objects belong to wards (another ward's answers 404); `admin`: admins only (403 for a ward_editor). */
  scope: 'ward' | 'admin';
  params: readonly string[];
  /** The object of this ward to act on, with the body to send (`{}` plus the current baseVersion). */
  resolve(ward: Ward): Promise<Target>;
}

let api: TestApi;
let dataSource: DataSource;
let admin: LoggedIn;
let editorA: LoggedIn;
const wardIds: Record<Ward, number> = { A: 0, B: 0 };

const one = async <T>(sql: string, params: unknown[]): Promise<T> => {
  const [row] = (await dataSource.query(sql, params)) as T[];
  if (!row) throw new Error(`no row for ${sql} ${JSON.stringify(params)}`);
  return row;
};

/** The record's current version, as an admin reads it through the workspace API. */
async function versionOf(url: string): Promise<number> {
  const response = await api.get(url, { headers: { cookie: admin.cookie } });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return ((await response.json()) as { version: number }).version;
}

const onlyIn = (ward: Ward) => [wardIds[ward], wardIds[ward === 'A' ? 'B' : 'A']];

/** Resource (the path segments after /api/v1/, up to the first parameter) → how to fill its parameters. */
const RESOLVERS: Record<string, Resolver> = {
  'workspace/service-points': {
    scope: 'ward',
    params: ['id'],
    resolve: async (ward) => {
      const { id } = await one<{ id: string }>(`SELECT id FROM service_point WHERE ward_id = $1 ORDER BY key LIMIT 1`, [wardIds[ward]]);
      return { params: { id }, body: { baseVersion: await versionOf(`/api/v1/workspace/service-points/${id}`) } };
    },
  },
  'workspace/streets': {
    scope: 'ward',
    params: ['id'],
    resolve: async (ward) => {
      const { id } = await one<{ id: string }>(
        `SELECT s.id FROM street s
          WHERE EXISTS (SELECT 1 FROM street_ward sw WHERE sw.street_id = s.id AND sw.ward_id = $1)
            AND NOT EXISTS (SELECT 1 FROM street_ward sw WHERE sw.street_id = s.id AND sw.ward_id = $2)
          ORDER BY s.slug LIMIT 1`,
        onlyIn(ward),
      );
      return { params: { id }, body: { baseVersion: await versionOf(`/api/v1/workspace/streets/${id}`) } };
    },
  },
  'workspace/plates': {
    scope: 'ward',
    params: ['id'],
    resolve: async (ward) => {
      const { id } = await one<{ id: string }>(
        `SELECT p.id FROM plate p
          WHERE EXISTS (SELECT 1 FROM street_ward sw WHERE sw.street_id = p.street_id AND sw.ward_id = $1)
            AND NOT EXISTS (SELECT 1 FROM street_ward sw WHERE sw.street_id = p.street_id AND sw.ward_id = $2)
          ORDER BY p.code LIMIT 1`,
        onlyIn(ward),
      );
      return { params: { id }, body: { baseVersion: await versionOf(`/api/v1/workspace/plates/${id}`) } };
    },
  },
  'workspace/procedures': {
    scope: 'ward',
    params: ['code', 'wardId'],
    resolve: async (ward) => {
      const { code } = await one<{ code: string }>(`SELECT code FROM procedure ORDER BY code LIMIT 1`, []);
      const wardId = String(wardIds[ward]);
      return { params: { code, wardId }, body: { baseVersion: await versionOf(`/api/v1/workspace/procedures/${code}/notes/${wardId}`) } };
    },
  },
  'admin/qr-batches': {
    scope: 'admin',
    params: ['id'],
    // Body {}: an admin reaches validation (400), so the matrix starts no batch.
    resolve: async () => ({ params: { id: '00000000-0000-4000-8000-000000000000' }, body: {} }),
  },
  'admin/accounts': {
    scope: 'admin',
    params: ['id'],
    // Ward editor A's own account with body {}: an admin reaches validation (400), so the matrix changes no account.
    resolve: async () => ({ params: { id: editorA.official.id }, body: {} }),
  },
};

const resourceOf = (path: string) => path.replace(/^\/api\/v1\//, '').split('/{')[0]!.split('/').slice(0, 2).join('/');

async function writeOperations(): Promise<Operation[]> {
  const response = await api.get('/api/docs/openapi.json');
  expect(response.status).toBe(200);
  const document = (await response.json()) as { paths: Record<string, Partial<Record<Method, { parameters?: { name: string; in: string }[] }>>> };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (!/^\/api\/v1\/(workspace|admin)\//.test(path)) continue;
    for (const method of WRITE_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      operations.push({ method, path, pathParams: [...new Set([...declared, ...inPath])] });
    }
  }
  return operations;
}

/** Every operation whose resource or a path parameter has no resolver, named. */
function unresolved(operations: Operation[]): string[] {
  const problems: string[] = [];
  for (const op of operations) {
    const resolver = RESOLVERS[resourceOf(op.path)];
    if (!resolver) {
      problems.push(`${op.method.toUpperCase()} ${op.path}: no resolver for resource "${resourceOf(op.path)}"`);
      continue;
    }
    for (const param of op.pathParams) {
      if (!resolver.params.includes(param)) problems.push(`${op.method.toUpperCase()} ${op.path}: no resolver for path parameter "${param}"`);
    }
  }
  return problems;
}

const urlOf = (op: Operation, params: Record<string, string>) => op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(params[name]!));

async function send(op: Operation, target: Target, headers: Record<string, string>, body: unknown = target.body): Promise<{ status: number; contentType: string }> {
  const response = await api.get(urlOf(op, target.params), {
    method: op.method.toUpperCase(),
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '' };
}

beforeAll(async () => {
  api = await startTestApi('postgres', {
    redis: true,
    env: { ADMIN_TOKEN },
    beforeStart: async (ds) => {
      await createOfficial(ds, { email: 'admin@hungyen.gov.vn', password: PASSWORDS.admin, role: 'admin' });
      await createOfficial(ds, { email: 'editor.a@hungyen.gov.vn', password: PASSWORDS.editorA, wardCodes: [WARD_A] });
    },
  });
  dataSource = api.app.get(DataSource);
  const units: { id: number; code: string }[] = await dataSource.query(`SELECT id, code FROM administrative_unit WHERE valid_to IS NULL AND code = ANY($1)`, [[WARD_A, WARD_B]]);
  wardIds.A = Number(units.find((u) => u.code === WARD_A)!.id);
  wardIds.B = Number(units.find((u) => u.code === WARD_B)!.id);
  admin = await loginAs(api, 'admin@hungyen.gov.vn', PASSWORDS.admin);
  editorA = await loginAs(api, 'editor.a@hungyen.gov.vn', PASSWORDS.editorA);
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('authorization matrix (OpenAPI write operations × role × ward)', () => {
  it('covers every write operation under /api/v1/workspace and /api/v1/admin', async () => {
    const operations = await writeOperations();
    expect(operations.length).toBeGreaterThan(0);
    const problems = unresolved(operations);
    if (problems.length > 0) throw new Error(`Authorization matrix: operations without a parameter resolver (add one to RESOLVERS):\n${problems.join('\n')}`);

    const roles = ['anonymous', 'session without CSRF token', 'session with a wrong CSRF token', 'ward_editor of ward A', 'admin'] as const;
    const wards: Ward[] = ['A', 'B'];
    const failures: string[] = [];
    const rows: string[] = [];
    let requests = 0;
    const expectStatus = (cell: string, got: { status: number; contentType: string }, allowed: number[]) => {
      requests += 1;
      if (!allowed.includes(got.status)) failures.push(`${cell}: ${got.status}, expected ${allowed.join('|')}`);
      else if (got.status >= 400 && !got.contentType.startsWith('application/problem+json')) failures.push(`${cell}: ${got.status} is not problem+json (${got.contentType})`);
      return got.status;
    };

    for (const op of operations) {
      const resolver = RESOLVERS[resourceOf(op.path)]!;
      const name = `${op.method.toUpperCase()} ${op.path}`;
      for (const ward of wards) {
        const statuses: number[] = [];
        const cell = (role: string) => `${name} | ${role} | ward ${ward}`;
        // The session used for the CSRF rows: one that would otherwise reach the handler.
        const csrfSession = resolver.scope === 'admin' || ward === 'B' ? admin : editorA;
        statuses.push(expectStatus(cell(roles[0]), await send(op, await resolver.resolve(ward), {}), [401]));
        statuses.push(expectStatus(cell(roles[1]), await send(op, await resolver.resolve(ward), { cookie: csrfSession.cookie }), [403]));
        statuses.push(expectStatus(cell(roles[2]), await send(op, await resolver.resolve(ward), { cookie: csrfSession.cookie, 'x-csrf-token': 'x'.repeat(43) }), [403]));
        if (resolver.scope === 'admin') {
          statuses.push(expectStatus(cell(roles[3]), await send(op, await resolver.resolve(ward), sessionHeaders(editorA)), [403]));
        } else if (ward === 'A') {
          statuses.push(expectStatus(cell(roles[3]), await send(op, await resolver.resolve(ward), sessionHeaders(editorA)), REACHED));
        } else {
          const target = await resolver.resolve(ward);
          statuses.push(expectStatus(cell(roles[3]), await send(op, target, sessionHeaders(editorA)), [404]));
          // Another ward's object is 404 even with an invalid body: scope is checked before validation.
          expectStatus(`${cell(roles[3])} (invalid body)`, await send(op, target, sessionHeaders(editorA), { baseVersion: 'stale', name: 42, note: ['x'], status: 'gone' }), [404]);
        }
        statuses.push(expectStatus(cell(roles[4]), await send(op, await resolver.resolve(ward), sessionHeaders(admin)), REACHED));
        rows.push(`${name.padEnd(62)} ward ${ward}: ${statuses.join(' ')}`);
      }
    }

    const size = `${operations.length} operations × ${roles.length} roles × ${wards.length} wards = ${operations.length * roles.length * wards.length} cells (${requests} requests)`;
    process.stdout.write(
      `Authorization matrix: ${size}; ${failures.length === 0 ? 'all as expected' : `${failures.length} failures`}\n` +
        `  roles: ${roles.join(', ')}\n${rows.map((r) => `  ${r}`).join('\n')}\n`,
    );
    expect(failures).toEqual([]);
    // The matrix is generated: the workspace's five writes and the QR batch launcher are in it.
    expect(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort()).toEqual(
      expect.arrayContaining([
        'PATCH /api/v1/workspace/service-points/{id}',
        'POST /api/v1/workspace/service-points/{id}/confirm',
        'PATCH /api/v1/workspace/streets/{id}',
        'PATCH /api/v1/workspace/plates/{id}',
        'PUT /api/v1/workspace/procedures/{code}/notes/{wardId}',
        'POST /api/v1/admin/qr-batches',
      ]),
    );
  }, 300_000);

  it('fails, naming it, for an operation whose resource or parameter has no resolver', () => {
    expect(unresolved([{ method: 'post', path: '/api/v1/workspace/accounts/{accountId}/disable', pathParams: ['accountId'] }])).toEqual([
      'POST /api/v1/workspace/accounts/{accountId}/disable: no resolver for resource "workspace/accounts"',
    ]);
    expect(unresolved([{ method: 'delete', path: '/api/v1/workspace/plates/{id}/photos/{photoId}', pathParams: ['id', 'photoId'] }])).toEqual([
      'DELETE /api/v1/workspace/plates/{id}/photos/{photoId}: no resolver for path parameter "photoId"',
    ]);
  });
});

describe('workspace over HTTP', () => {
  it('50 concurrent PATCHes of one service point from the same baseVersion: exactly one 200, 49 × 409, and the final GET is the winner', async () => {
    const { id } = await one<{ id: string }>(`SELECT id FROM service_point WHERE ward_id = $1 ORDER BY key DESC LIMIT 1`, [wardIds.A]);
    const url = `/api/v1/workspace/service-points/${id}`;
    const baseVersion = await versionOf(url);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.get(url, { method: 'PATCH', headers: sessionHeaders(editorA), body: JSON.stringify({ baseVersion, accessibilityNotes: `Lối vào cho xe lăn số ${i}` }) }),
      ),
    );
    const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> })));
    const winners = bodies.filter((b) => b.status === 200);
    expect(winners).toHaveLength(1);
    expect(bodies.filter((b) => b.status === 409)).toHaveLength(49);
    const winner = winners[0]!.body;
    expect(winner['version']).toBe(baseVersion + 1);
    // Every 409 carries the current values.
    for (const conflict of bodies.filter((b) => b.status === 409)) expect(JSON.stringify(conflict.body)).toContain('"version"');
    const final = await api.get(url, { headers: { cookie: editorA.cookie } });
    expect(final.headers.get('cache-control')).toBe('no-store');
    expect(await final.json()).toEqual(winner);
    const audit = await one<{ count: number }>(`SELECT count(*)::int AS count FROM audit_event WHERE entity_type = 'service_point' AND entity_id = $1 AND action = 'update'`, [id]);
    expect(audit.count).toBe(1);
  }, 60_000);

  it('another ward answers 404 on reads too, and an edit clears the public response cache', async () => {
    const { id: other } = await one<{ id: string }>(`SELECT id FROM service_point WHERE ward_id = $1 LIMIT 1`, [wardIds.B]);
    expect((await api.get(`/api/v1/workspace/service-points/${other}`, { headers: { cookie: editorA.cookie } })).status).toBe(404);
    expect((await api.get(`/api/v1/workspace/history/service_point/${other}`, { headers: { cookie: editorA.cookie } })).status).toBe(404);

    const { id } = await one<{ id: string }>(`SELECT id FROM service_point WHERE ward_id = $1 ORDER BY key LIMIT 1`, [wardIds.A]);
    const publicUrl = `/api/v1/service-points/${id}`;
    const first = await api.get(publicUrl);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const cached = await api.get(publicUrl);
    expect(cached.headers.get('x-cache')).toBe('hit');
    await cached.arrayBuffer();
    const baseVersion = await versionOf(`/api/v1/workspace/service-points/${id}`);
    const phone = '0227 3831 999';
    const patched = await api.get(`/api/v1/workspace/service-points/${id}`, { method: 'PATCH', headers: sessionHeaders(editorA), body: JSON.stringify({ baseVersion, phone }) });
    expect(patched.status).toBe(200);
    const after = await api.get(publicUrl);
    expect(after.headers.get('x-cache')).not.toBe('hit');
    expect(JSON.stringify(await after.json())).toContain(phone);

    const history = await api.get(`/api/v1/workspace/history/service_point/${id}`, { headers: { cookie: editorA.cookie } });
    expect(history.status).toBe(200);
    expect(JSON.stringify(await history.json())).toContain(phone);
  });

  it('a clear broadcast by another replica (Redis pub/sub) empties this one’s response cache', async () => {
    const config = api.app.get<AppConfig>(APP_CONFIG);
    const { id } = await one<{ id: string }>(`SELECT id FROM service_point WHERE ward_id = $1 ORDER BY key LIMIT 1`, [wardIds.B]);
    const publicUrl = `/api/v1/service-points/${id}`;
    await (await api.get(publicUrl)).arrayBuffer();
    const hit = await api.get(publicUrl);
    await hit.arrayBuffer();
    expect(hit.headers.get('x-cache')).toBe('hit');
    const publisher = new Redis(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    try {
      expect(await publisher.publish(`${config.REDIS_KEY_PREFIX}response-cache:clear`, 'clear')).toBeGreaterThan(0);
    } finally {
      await publisher.quit();
    }
    for (let i = 0; i < 50; i++) {
      const response = await api.get(publicUrl);
      await response.arrayBuffer();
      if (response.headers.get('x-cache') !== 'hit') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the response cache was not cleared by the broadcast');
  });

  it('lists the actor’s service points and plates (scans over 30 days, a flag for none), scoped to the ward', async () => {
    const points = (await (await api.get('/api/v1/workspace/service-points', { headers: { cookie: editorA.cookie } })).json()) as { wardId: number; stale: boolean }[];
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => typeof p.stale === 'boolean')).toBe(true);

    const plates = async (session: LoggedIn) =>
      (await (await api.get('/api/v1/workspace/plates', { headers: { cookie: session.cookie } })).json()) as { id: string; code: string; status: string; scans30d: number; noScans30d: boolean }[];
    const mine = await plates(editorA);
    const all = await plates(admin);
    expect(mine.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(mine.length);
    const scanned = mine[0]!;
    // Days as the scan counter keys them (Vietnam's calendar): today and the 29 days before count.
    const dayAgo = (days: number) => localDay(new Date(Date.now() - days * 24 * 60 * 60 * 1000));
    await dataSource.query(
      `INSERT INTO scan_count (plate_code, day, is_known_plate, count) VALUES ($1, $2, true, 3), ($1, $3, true, 4), ($1, $4, true, 100), ($1, $5, true, 1000)`,
      [scanned.code, dayAgo(0), dayAgo(29), dayAgo(30), dayAgo(40)],
    );
    const again = await plates(editorA);
    expect(again.find((p) => p.id === scanned.id)).toMatchObject({ scans30d: 7, noScans30d: false });
    expect(again.filter((p) => p.id !== scanned.id).every((p) => p.scans30d === 0 && p.noScans30d)).toBe(true);
    // A plate outside ward A never appears in its editor's list.
    const outside = await one<{ id: string }>(
      `SELECT p.id FROM plate p WHERE NOT EXISTS (SELECT 1 FROM street_ward sw WHERE sw.street_id = p.street_id AND sw.ward_id = $1) LIMIT 1`,
      [wardIds.A],
    );
    expect(again.some((p) => p.id === outside.id)).toBe(false);
    expect(all.some((p) => p.id === outside.id)).toBe(true);
  });

  it('QR batches: the admin token or an admin session (CSRF on POST); a ward_editor session gets 403', async () => {
    const unknown = '/api/v1/admin/qr-batches/00000000-0000-4000-8000-000000000000';
    expect((await api.get(unknown, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).status).toBe(404);
    expect((await api.get(unknown, { headers: { cookie: admin.cookie } })).status).toBe(404);
    expect((await api.get(unknown, { headers: { cookie: editorA.cookie } })).status).toBe(403);
    expect((await api.get(unknown)).status).toBe(401);
    const body = JSON.stringify({ scope: { kind: 'ward', ward: WARD_A }, formats: ['svg'] });
    expect((await api.get('/api/v1/admin/qr-batches', { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, body })).status).toBe(403);
  });
});
