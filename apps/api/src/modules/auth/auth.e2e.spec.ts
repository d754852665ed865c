// Officials' login, sessions, CSRF, throttling and audit through the real HTTP API: on Postgres with
// Redis (throttle counters shared in Redis) and on PGlite without (in memory). Time is moved with
// AuthClock, never slept through.
import fc from 'fast-check';
import { DataSource, IsNull } from 'typeorm';
import { TEST_ENGINES } from '@pho-so/server/db/testing';
import { AdministrativeUnitEntity, AuditEventEntity } from '@pho-so/server/db';
import { startTestApi, type TestApi } from '../../testing/test-api';
import { createOfficial, loginAs, sessionHeaders } from '../../testing/officials';
import type Redis from 'ioredis';
import type { AppConfig } from '@pho-so/server/config';
import { APP_CONFIG, REDIS_CLIENT } from '@pho-so/server/nest';
import { AuthClock } from './auth-clock';

const isRaw = (payload: unknown): payload is { raw: string } =>
  typeof payload === 'object' && payload !== null && Object.keys(payload).length === 1 && typeof (payload as { raw?: unknown }).raw === 'string' && (payload as { raw: string }).raw.startsWith('{"email": ');

const PASSWORDS = {
  admin: 'sông Trà Lý chảy qua phố',
  editor: 'cầu Bo ngày mưa tháng bảy',
  disabled: 'tài khoản đã bị khóa rồi',
  changed: 'đường Lý Bôn hoa sữa nở',
};

/** Everything written to stdout/stderr while the suite runs, to prove no password is logged. */
const captured: string[] = [];
const originalWrite = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

beforeAll(() => {
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    captured.push(String(chunk));
    return originalWrite.out(chunk as string, ...(rest as []));
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    captured.push(String(chunk));
    return originalWrite.err(chunk as string, ...(rest as []));
  }) as typeof process.stderr.write;
});
afterAll(() => {
  process.stdout.write = originalWrite.out;
  process.stderr.write = originalWrite.err;
});

describe.each(TEST_ENGINES)('auth API on %s', (engine) => {
  let api: TestApi;
  let dataSource: DataSource;
  let clock: AuthClock;
  let editorWardId: number;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.base}/api/v1/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const me = (cookie: string) => fetch(`${api.base}/api/v1/auth/me`, { headers: { cookie } });
  const audit = (action: string) =>
    dataSource.getRepository(AuditEventEntity).find({ where: { action }, order: { id: 'ASC' } });
  const expectProblem = async (response: Response, status: number, type?: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as { type: string; detail: string; detail_vi?: string };
    if (type) expect(body.type).toBe(`/api/problems/${type}`);
    return body;
  };

  beforeAll(async () => {
    api = await startTestApi(engine, {
      redis: engine === 'postgres',
      beforeStart: async (ds) => {
        await createOfficial(ds, { email: 'Admin@ThaiBinh.gov.vn', password: PASSWORDS.admin, role: 'admin', displayName: 'Quản trị' });
        await createOfficial(ds, { email: 'editor@thaibinh.gov.vn', password: PASSWORDS.editor, wardCodes: ['13225'] });
        await createOfficial(ds, { email: 'disabled@thaibinh.gov.vn', password: PASSWORDS.disabled, disabled: true });
      },
    });
    dataSource = api.app.get(DataSource);
    clock = api.app.get(AuthClock);
    editorWardId = (await dataSource.getRepository(AdministrativeUnitEntity).findOneByOrFail({ code: '13225', validTo: IsNull() })).id;
  }, 120_000);
  afterAll(() => api?.close());
  afterEach(() => clock.set(null));

  it('logs in: 200 with the official and a CSRF token, an HttpOnly SameSite=Lax cookie (not Secure over http), no-store; /me answers the same', async () => {
    const response = await post('login', { email: '  ADMIN@thaibinh.gov.vn ', password: PASSWORDS.admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pho_so_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const body = (await response.json()) as { official: Record<string, unknown>; csrfToken: string };
    expect(body.official).toEqual({ id: expect.any(String), email: 'admin@thaibinh.gov.vn', displayName: 'Quản trị', role: 'admin', wardIds: [] });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // X-Forwarded-Proto from a client is not trusted (TRUST_PROXY=false): still no Secure.
    const forwarded = await post('login', { email: 'admin@thaibinh.gov.vn', password: PASSWORDS.admin }, { 'x-forwarded-proto': 'https' });
    expect(forwarded.headers.get('set-cookie')).not.toMatch(/Secure/);
    const again = await me(cookie.split(';')[0]!);
    expect(again.status).toBe(200);
    expect(again.headers.get('cache-control')).toBe('no-store');
    expect(await again.json()).toEqual(body);
    const logins = await audit('login');
    expect(logins.at(-1)).toMatchObject({ actorId: body.official['id'], actorLabel: 'admin@thaibinh.gov.vn', requestId: expect.any(String) });
  });

  it('gives a ward editor the wards of official_ward_scope', async () => {
    const session = await loginAs(api, 'editor@thaibinh.gov.vn', PASSWORDS.editor);
    expect(session.official).toMatchObject({ role: 'ward_editor', wardIds: [editorWardId] });
  });

  it('answers a wrong password, an unknown email and a disabled account with the same 401, and records each failure', async () => {
    const before = (await audit('login_failed')).length;
    const answers = [
      await post('login', { email: 'editor@thaibinh.gov.vn', password: 'not the right password' }),
      await post('login', { email: 'Nobody@ThaiBinh.gov.vn', password: 'not the right password' }),
      await post('login', { email: 'disabled@thaibinh.gov.vn', password: PASSWORDS.disabled }),
    ];
    const bodies = [];
    for (const answer of answers) {
      expect(answer.headers.get('set-cookie')).toBeNull();
      expect(answer.headers.get('cache-control')).toBe('no-store');
      bodies.push(await expectProblem(answer, 401, 'invalid-credentials'));
    }
    expect(new Set(bodies.map((b) => JSON.stringify({ ...b, instance: undefined }))).size).toBe(1);
    expect(bodies[0]!.detail_vi).toMatch(/mật khẩu/);
    const failed = (await audit('login_failed')).slice(before);
    expect(failed.map((e) => [e.actorId, e.actorLabel])).toEqual([
      [null, 'editor@thaibinh.gov.vn'],
      [null, 'nobody@thaibinh.gov.vn'],
      [null, 'disabled@thaibinh.gov.vn'],
    ]);
  });

  it('answers /me without a session, or with an unknown one, 401 problem+json with no-store', async () => {
    const body = await expectProblem(await fetch(`${api.base}/api/v1/auth/me`), 401, 'unauthenticated');
    expect(body.detail_vi).toBeTruthy();
    const unknown = await me(`pho_so_session=${'A'.repeat(43)}`);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    await expectProblem(unknown, 401, 'session-invalid');
    expect((await audit('unauthorized')).at(-1)).toMatchObject({ actorLabel: 'anonymous', entityId: 'GET /api/v1/auth/me' });
  });

  it('rotates the session id on login: the session the browser had is deleted', async () => {
    const first = await loginAs(api, 'editor@thaibinh.gov.vn', PASSWORDS.editor);
    const second = await post('login', { email: 'editor@thaibinh.gov.vn', password: PASSWORDS.editor }, { cookie: first.cookie });
    expect(second.status).toBe(200);
    const secondCookie = (second.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(secondCookie).not.toBe(first.cookie);
    await expectProblem(await me(first.cookie), 401, 'session-invalid');
    expect((await me(secondCookie)).status).toBe(200);
    const stored = await dataSource.query(`SELECT id FROM official_session`);
    const token = secondCookie.split('=')[1]!;
    expect(stored.map((r: { id: string }) => r.id).join()).not.toContain(token); // only hashes are stored
  });

  it('logout needs the CSRF token (missing or wrong: 403, session intact), then deletes the session', async () => {
    const session = await loginAs(api, 'editor@thaibinh.gov.vn', PASSWORDS.editor);
    const missing = await expectProblem(await post('logout', {}, { cookie: session.cookie }), 403, 'csrf-token-missing');
    expect(missing.detail).toMatch(/x-csrf-token/);
    expect(missing.detail_vi).toMatch(/CSRF/);
    await expectProblem(await post('logout', {}, { cookie: session.cookie, 'x-csrf-token': 'wrong' }), 403, 'csrf-token-invalid');
    expect((await me(session.cookie)).status).toBe(200);
    const forbidden = await audit('forbidden');
    expect(forbidden.slice(-2).map((e) => (e.newValue as { reason: string }).reason)).toEqual(['csrf-token-missing', 'csrf-token-invalid']);

    const out = await post('logout', {}, sessionHeaders(session));
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^pho_so_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0$/);
    await expectProblem(await me(session.cookie), 401, 'session-invalid');
    expect((await audit('logout')).at(-1)).toMatchObject({ actorLabel: 'editor@thaibinh.gov.vn' });
  });

  it('accepts the CSRF token as a form field, and refuses a foreign Origin', async () => {
    const session = await loginAs(api, 'editor@thaibinh.gov.vn', PASSWORDS.editor);
    const foreign = await fetch(`${api.base}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: session.cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${session.csrfToken}`,
    });
    await expectProblem(foreign, 403, 'origin-not-allowed');
    await expectProblem(await post('login', { email: 'editor@thaibinh.gov.vn', password: PASSWORDS.editor }, { origin: 'https://evil.example' }), 403, 'origin-not-allowed');
    const form = await fetch(`${api.base}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: session.cookie, origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${encodeURIComponent(session.csrfToken)}`,
    });
    expect(form.status).toBe(204);
  });

  it('changes the password: weak or without CSRF refused with nothing changed; then every other session ends and a fresh one starts', async () => {
    await createOfficial(dataSource, { email: 'changer@thaibinh.gov.vn', password: PASSWORDS.editor });
    const a = await loginAs(api, 'changer@thaibinh.gov.vn', PASSWORDS.editor);
    const b = await loginAs(api, 'changer@thaibinh.gov.vn', PASSWORDS.editor);
    const hashBefore = (await dataSource.query(`SELECT password_hash FROM official WHERE email = 'changer@thaibinh.gov.vn'`))[0].password_hash;

    await expectProblem(await post('password', { currentPassword: PASSWORDS.editor, newPassword: PASSWORDS.changed }, { cookie: a.cookie }), 403, 'csrf-token-missing');
    const short = await expectProblem(await post('password', { currentPassword: PASSWORDS.editor, newPassword: 'ngắn quá' }, sessionHeaders(a)), 400, 'invalid-request');
    expect(short).toMatchObject({ errors: [{ field: 'newPassword', message: expect.stringMatching(/12 characters/), message_vi: expect.stringMatching(/12 ký tự/) }] });
    const common = await expectProblem(await post('password', { currentPassword: PASSWORDS.editor, newPassword: 'qwerty123456' }, sessionHeaders(a)), 400);
    expect(common.detail).toMatch(/commonly used/);
    const wrong = await expectProblem(await post('password', { currentPassword: 'not my password at all', newPassword: PASSWORDS.changed }, sessionHeaders(a)), 400);
    expect(wrong).toMatchObject({ errors: [{ field: 'currentPassword' }] });
    expect((await dataSource.query(`SELECT password_hash FROM official WHERE email = 'changer@thaibinh.gov.vn'`))[0].password_hash).toBe(hashBefore);
    expect((await me(b.cookie)).status).toBe(200);

    const changed = await post('password', { currentPassword: PASSWORDS.editor, newPassword: PASSWORDS.changed }, sessionHeaders(a));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('cache-control')).toBe('no-store');
    const fresh = (changed.headers.get('set-cookie') ?? '').split(';')[0]!;
    await expectProblem(await me(a.cookie), 401);
    await expectProblem(await me(b.cookie), 401);
    expect((await me(fresh)).status).toBe(200);
    await expectProblem(await post('login', { email: 'changer@thaibinh.gov.vn', password: PASSWORDS.editor }), 401, 'invalid-credentials');
    await loginAs(api, 'changer@thaibinh.gov.vn', PASSWORDS.changed);
    expect((await audit('password_changed')).at(-1)).toMatchObject({ actorLabel: 'changer@thaibinh.gov.vn' });
  });

  it('ends a session after 30 idle minutes, and 12 hours after login however active', async () => {
    let now = new Date('2030-01-01T01:00:00Z').getTime();
    clock.set(() => new Date(now));
    const idle = await loginAs(api, 'editor@thaibinh.gov.vn', PASSWORDS.editor);
    now += 29 * 60_000;
    expect((await me(idle.cookie)).status).toBe(200);
    now += 29 * 60_000; // 58 min after login, 29 after the last request
    expect((await me(idle.cookie)).status).toBe(200);
    now += 30 * 60_000;
    await expectProblem(await me(idle.cookie), 401, 'session-idle-expired');

    const busy = await loginAs(api, 'editor@thaibinh.gov.vn', PASSWORDS.editor);
    for (let i = 0; i < 35; i++) {
      now += 20 * 60_000;
      expect((await me(busy.cookie)).status).toBe(200);
    }
    now += 20 * 60_000; // 12 h after login
    await expectProblem(await me(busy.cookie), 401, 'session-expired');
  }, 60_000);

  it('throttles logins per account with growing delays (429 + Retry-After), checks no password while throttled, and never locks out', async () => {
    await createOfficial(dataSource, { email: 'throttled@thaibinh.gov.vn', password: PASSWORDS.editor });
    let now = new Date('2030-01-02T01:00:00Z').getTime();
    clock.set(() => new Date(now));
    const attempt = (password: string) => post('login', { email: 'throttled@thaibinh.gov.vn', password });
    for (let i = 0; i < 5; i++) await expectProblem(await attempt('wrong password number'), 401);
    const retryAfters: string[] = [];
    for (let i = 0; i < 4; i++) {
      const blocked = await attempt(PASSWORDS.editor); // even the right password is not checked
      const body = await expectProblem(blocked, 429, 'login-throttled');
      expect(body.detail_vi).toBeTruthy();
      retryAfters.push(blocked.headers.get('retry-after') ?? '');
      now += Number(blocked.headers.get('retry-after')) * 1000;
      await expectProblem(await attempt('wrong password number'), 401);
    }
    expect(retryAfters).toEqual(['1', '2', '4', '8']);
    const blocked = await attempt(PASSWORDS.editor);
    expect(blocked.status).toBe(429);
    now += Number(blocked.headers.get('retry-after')) * 1000;
    expect((await attempt(PASSWORDS.editor)).status).toBe(200); // no hard lockout; success resets
    expect((await attempt('wrong password number')).status).toBe(401);
    if (engine === 'postgres') {
      // Counted in Redis, under the configured prefix, so every API replica sees them.
      const redis = api.app.get<Redis>(REDIS_CLIENT);
      const prefix = api.app.get<AppConfig>(APP_CONFIG).REDIS_KEY_PREFIX;
      expect(await redis.hget(`${prefix}login:account:throttled@thaibinh.gov.vn`, 'failures')).toBe('1');
    }
  }, 60_000);

  it('throttles per client address too (after at most 20 failures, whatever the accounts)', async () => {
    let now = new Date('2030-01-03T01:00:00Z').getTime();
    clock.set(() => new Date(now));
    let failures = 0;
    let blocked: Response | undefined;
    for (; failures <= 20; failures++) {
      const response = await post('login', { email: `guess${failures}@example.vn`, password: 'guessing passwords' });
      if (response.status === 429) {
        blocked = response;
        break;
      }
      expect(response.status).toBe(401);
    }
    expect(blocked?.status).toBe(429); // a new account each time: only the client's counter can block
    // An account that never failed is blocked from this client as well, until the delay has passed.
    const other = await post('login', { email: 'editor@thaibinh.gov.vn', password: PASSWORDS.editor });
    expect(other.status).toBe(429);
    now += Number(other.headers.get('retry-after')) * 1000;
    expect((await post('login', { email: 'editor@thaibinh.gov.vn', password: PASSWORDS.editor })).status).toBe(200);
  });

  it('answers generated bad bodies (wrong types, huge strings, missing fields) with 4xx problem+json, never 5xx', async () => {
    let now = new Date('2030-01-04T01:00:00Z').getTime();
    clock.set(() => new Date(now));
    const session = await loginAs(api, 'admin@thaibinh.gov.vn', PASSWORDS.admin);
    const hashOf = async () => (await dataSource.query(`SELECT password_hash FROM official WHERE email = 'admin@thaibinh.gov.vn'`))[0].password_hash as string;
    const hashBefore = await hashOf();
    const value = fc.oneof(
      fc.string(),
      fc.string({ minLength: 300, maxLength: 3000 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    );
    const body = fc.oneof(
      fc.record({ email: value, password: value }, { requiredKeys: [] }),
      fc.record({ currentPassword: value, newPassword: value }, { requiredKeys: [] }),
      value,
      fc.constant({ raw: '{"email": "unterminated' }),
      fc.constant({ raw: `{"email": "${'x'.repeat(1_100_000)}"}` }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('login', 'password'), body, async (path, payload) => {
        now += 16 * 60_000; // past any throttle delay this property may cause
        const response = await fetch(`${api.base}/api/v1/auth/${path}`, {
          method: 'POST',
          headers: { ...sessionHeaders(session), cookie: path === 'password' ? session.cookie : '' },
          body: isRaw(payload) ? payload.raw : JSON.stringify(payload),
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        await response.arrayBuffer();
      }),
      { numRuns: 120 },
    );
    expect(await hashOf()).toBe(hashBefore); // no generated body changed the password
  }, 120_000);

  it('never stores or logs a password', async () => {
    const rows = (await dataSource.query(`SELECT row_to_json(a)::text AS t FROM audit_event a`)) as { t: string }[];
    const sessions = (await dataSource.query(`SELECT row_to_json(s)::text AS t FROM official_session s`)) as { t: string }[];
    const text = [...rows, ...sessions].map((r) => r.t).join('\n') + captured.join('');
    expect(rows.length).toBeGreaterThan(10);
    for (const password of [...Object.values(PASSWORDS), 'not the right password', 'wrong password number']) {
      expect(text).not.toContain(password);
    }
  });
});

describe('session cookie Secure attribute', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', {
      env: { TRUST_PROXY: 'true' },
      beforeStart: (ds) => createOfficial(ds, { email: 'secure@thaibinh.gov.vn', password: PASSWORDS.admin }).then(() => undefined),
    });
  }, 120_000);
  afterAll(() => api?.close());

  const login = (proto: string) =>
    fetch(`${api.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto },
      body: JSON.stringify({ email: 'secure@thaibinh.gov.vn', password: PASSWORDS.admin }),
    });

  it('is set when the trusted proxy says the request came over https, and not over http', async () => {
    expect((await login('https')).headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    expect((await login('http')).headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});
