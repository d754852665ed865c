// Account management for administrators (/api/v1/admin/accounts) and the sweep of ended sessions,
// against the real API on Postgres and Redis. Time is moved through AuthClock, never slept through.
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { AuthClock } from '../auth';
import { startTestApi, type TestApi } from '../../testing/test-api';
import { createOfficial, loginAs, sessionHeaders, type LoggedIn } from '../../testing/officials';
import { SessionSweeper } from './session-sweeper';

const WARD_A = '12452'; // Phường Trần Hưng Đạo
const WARD_B = '12454'; // Phường Trần Lãm
const PASSWORDS = {
  admin: 'quản trị tài khoản tỉnh Hưng Yên',
  editor: 'phường Trần Hưng Đạo buổi sáng',
  created: 'cán bộ mới của phường Trần Lãm',
  reset: 'mật khẩu mới do quản trị đặt',
};
const BASE = '/api/v1/admin/accounts';

let api: TestApi;
let dataSource: DataSource;
let clock: AuthClock;
let admin: LoggedIn;
let editor: LoggedIn;

interface Account {
  id: string;
  email: string;
  displayName: string;
  role: string;
  wards: { code: string; name: string }[];
  disabled: boolean;
  lastLoginAt: string | null;
}

const call = (path: string, session: LoggedIn | null, method = 'GET', body?: unknown) =>
  api.get(path, { method, headers: session ? sessionHeaders(session) : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

const sessionsOf = async (id: string): Promise<number> => Number((await dataSource.query(`SELECT count(*)::int AS n FROM official_session WHERE official_id = $1`, [id]))[0].n);

beforeAll(async () => {
  api = await startTestApi('postgres', {
    redis: true,
    beforeStart: async (ds) => {
      await createOfficial(ds, { email: 'admin@hungyen.gov.vn', password: PASSWORDS.admin, role: 'admin', displayName: 'Quản trị tỉnh' });
      await createOfficial(ds, { email: 'editor.a@hungyen.gov.vn', password: PASSWORDS.editor, wardCodes: [WARD_A] });
    },
  });
  dataSource = api.app.get(DataSourceToken);
  clock = api.app.get(AuthClock);
  admin = await loginAs(api, 'admin@hungyen.gov.vn', PASSWORDS.admin);
  editor = await loginAs(api, 'editor.a@hungyen.gov.vn', PASSWORDS.editor);
}, 120_000);

afterEach(() => clock.set(null));
afterAll(async () => {
  await api?.close();
});

describe('admin accounts API', () => {
  it('lists accounts (email, name, role, wards, disabled, last login) for an admin, no-store, never a password hash', async () => {
    const response = await call(BASE, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toMatch(/argon2|password/i);
    const { items } = JSON.parse(text) as { items: Account[] };
    const editorRow = items.find((a) => a.email === 'editor.a@hungyen.gov.vn')!;
    expect(editorRow).toMatchObject({ role: 'ward_editor', disabled: false, wards: [{ code: WARD_A, name: expect.any(String) }] });
    expect(editorRow.lastLoginAt).toEqual(expect.any(String));
    expect(items.find((a) => a.email === 'admin@hungyen.gov.vn')).toMatchObject({ role: 'admin', wards: [], displayName: 'Quản trị tỉnh' });
  });

  it('refuses a ward editor (403 admin-only, audited) and an anonymous caller (401) on every route', async () => {
    const target = editor.official.id;
    for (const [method, path, body] of [
      ['GET', BASE, undefined],
      ['GET', `${BASE}/${target}`, undefined],
      ['POST', BASE, { email: 'x@hungyen.gov.vn', role: 'admin', password: PASSWORDS.created }],
      ['PATCH', `${BASE}/${target}`, { role: 'admin', wards: [] }],
      ['POST', `${BASE}/${target}/password`, { password: PASSWORDS.created }],
    ] as const) {
      const refused = await call(path, editor, method, body);
      expect(`${method} ${path} ${refused.status}`).toBe(`${method} ${path} 403`);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await refused.json()) as { type: string; detail_vi: string };
      expect(problem.type).toBe('/api/problems/admin-only');
      expect(problem.detail_vi).toContain('quản trị');
      expect((await call(path, null, method, body)).status).toBe(401);
    }
    const [{ role }] = await dataSource.query(`SELECT role FROM official WHERE id = $1`, [target]);
    expect(role).toBe('ward_editor');
    const denied = await dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'forbidden' AND actor_id = $1 AND entity_id LIKE '%/admin/accounts%'`, [target]);
    expect(denied[0].n).toBeGreaterThanOrEqual(5);
  });

  it('creates a ward editor who then logs in; refuses a weak password, an unknown ward and a duplicate email with bilingual problems', async () => {
    const weak = await call(BASE, admin, 'POST', { email: 'can.bo.b@hungyen.gov.vn', displayName: 'Cán bộ B', role: 'ward_editor', wards: [WARD_B], password: 'qwerty123456' });
    expect(weak.status).toBe(400);
    expect(weak.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const weakProblem = (await weak.json()) as { errors: { field: string; message: string; message_vi: string }[] };
    expect(weakProblem.errors[0]).toMatchObject({ field: 'password', message: expect.stringContaining('commonly used'), message_vi: expect.stringContaining('phổ biến') });

    const unknownWard = await call(BASE, admin, 'POST', { email: 'can.bo.b@hungyen.gov.vn', role: 'ward_editor', wards: ['99999'], password: PASSWORDS.created });
    expect(unknownWard.status).toBe(400);
    expect(JSON.stringify(await unknownWard.json())).toContain('99999');
    const noWard = await call(BASE, admin, 'POST', { email: 'can.bo.b@hungyen.gov.vn', role: 'ward_editor', wards: [], password: PASSWORDS.created });
    expect(noWard.status).toBe(400);

    const created = await call(BASE, admin, 'POST', { email: 'Can.Bo.B@HungYen.gov.vn', displayName: 'Cán bộ B', role: 'ward_editor', wards: [WARD_B], password: PASSWORDS.created });
    expect(created.status).toBe(201);
    const account = (await created.json()) as Account;
    expect(account).toMatchObject({ email: 'can.bo.b@hungyen.gov.vn', displayName: 'Cán bộ B', role: 'ward_editor', disabled: false, lastLoginAt: null });
    expect(account.wards.map((w) => w.code)).toEqual([WARD_B]);

    const again = await call(BASE, admin, 'POST', { email: 'can.bo.b@hungyen.gov.vn', role: 'admin', password: PASSWORDS.created });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { type: string }).type).toBe('/api/problems/account-exists');

    const session = await loginAs(api, 'can.bo.b@hungyen.gov.vn', PASSWORDS.created);
    expect(session.official.role).toBe('ward_editor');
    const audit = await dataSource.query(`SELECT actor_id, action, new_value FROM audit_event WHERE entity_type = 'official' AND entity_id = $1 AND action = 'account_created'`, [account.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(admin.official.id);
    expect(audit[0].new_value).toMatchObject({ role: 'ward_editor', wards: [WARD_B] });
  });

  it('edits name, role and wards with one audit row per field (old → new); an admin cannot disable or demote itself', async () => {
    const [{ id }] = await dataSource.query(`SELECT id FROM official WHERE email = 'can.bo.b@hungyen.gov.vn'`);
    const renamed = await call(`${BASE}/${id}`, admin, 'PATCH', { displayName: 'Cán bộ phường Trần Lãm', wards: [WARD_A, WARD_B] });
    expect(renamed.status).toBe(200);
    expect((await renamed.json()) as Account).toMatchObject({ displayName: 'Cán bộ phường Trần Lãm', wards: [{ code: WARD_A }, { code: WARD_B }] });
    const rows = await dataSource.query(
      `SELECT field, old_value, new_value, actor_label FROM audit_event WHERE entity_id = $1 AND action = 'account_updated' ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { field: 'displayName', old_value: 'Cán bộ B', new_value: 'Cán bộ phường Trần Lãm', actor_label: 'admin@hungyen.gov.vn' },
      { field: 'wards', old_value: [WARD_B], new_value: [WARD_A, WARD_B], actor_label: 'admin@hungyen.gov.vn' },
    ]);
    // Unchanged values: 200, nothing audited.
    expect((await call(`${BASE}/${id}`, admin, 'PATCH', { displayName: 'Cán bộ phường Trần Lãm' })).status).toBe(200);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'account_updated'`, [id])).toEqual([{ n: 2 }]);

    const self = await call(`${BASE}/${admin.official.id}`, admin, 'PATCH', { disabled: true });
    expect(self.status).toBe(400);
    expect(((await self.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('disabled');
    expect((await call(`${BASE}/${admin.official.id}`, admin, 'PATCH', { role: 'ward_editor', wards: [WARD_A] })).status).toBe(400);
    expect((await call(`${BASE}/00000000-0000-4000-8000-000000000000`, admin, 'PATCH', { displayName: 'x' })).status).toBe(404);
    expect((await call(`${BASE}/not-a-uuid`, admin, 'GET')).status).toBe(404);
  });

  it('disabling an account ends its sessions and it can no longer log in; enabling lets it in again', async () => {
    await createOfficial(dataSource, { email: 'tam.thoi@hungyen.gov.vn', password: PASSWORDS.editor, wardCodes: [WARD_B] });
    const victim = await loginAs(api, 'tam.thoi@hungyen.gov.vn', PASSWORDS.editor);
    await loginAs(api, 'tam.thoi@hungyen.gov.vn', PASSWORDS.editor); // a second browser
    expect(await sessionsOf(victim.official.id)).toBe(2);

    const disabled = await call(`${BASE}/${victim.official.id}`, admin, 'PATCH', { disabled: true });
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as Account).disabled).toBe(true);
    expect(await sessionsOf(victim.official.id)).toBe(0);
    expect((await api.get('/api/v1/auth/me', { headers: { cookie: victim.cookie } })).status).toBe(401);
    await expect(loginAs(api, 'tam.thoi@hungyen.gov.vn', PASSWORDS.editor)).rejects.toThrow(/401/);
    const [audit] = await dataSource.query(`SELECT old_value, new_value FROM audit_event WHERE entity_id = $1 AND field = 'disabled'`, [victim.official.id]);
    expect(audit).toEqual({ old_value: false, new_value: true });

    expect((await call(`${BASE}/${victim.official.id}`, admin, 'PATCH', { disabled: false })).status).toBe(200);
    await loginAs(api, 'tam.thoi@hungyen.gov.vn', PASSWORDS.editor);
  });

  it('an admin sets a password: the policy applies, every session of the account ends, the new one works, and no password is stored anywhere', async () => {
    await createOfficial(dataSource, { email: 'quen.mat.khau@hungyen.gov.vn', password: PASSWORDS.editor, wardCodes: [WARD_A] });
    const old = await loginAs(api, 'quen.mat.khau@hungyen.gov.vn', PASSWORDS.editor);
    const path = `${BASE}/${old.official.id}/password`;
    const short = await call(path, admin, 'POST', { password: 'short' });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { detail_vi: string }).detail_vi).toContain('ít nhất 12 ký tự');
    const sameAsEmail = await call(path, admin, 'POST', { password: 'quen.mat.khau@hungyen.gov.vn' });
    expect(sameAsEmail.status).toBe(400);

    const set = await call(path, admin, 'POST', { password: PASSWORDS.reset });
    expect(set.status).toBe(204);
    expect(set.headers.get('cache-control')).toBe('no-store');
    expect(await sessionsOf(old.official.id)).toBe(0);
    expect((await api.get('/api/v1/auth/me', { headers: { cookie: old.cookie } })).status).toBe(401);
    await expect(loginAs(api, 'quen.mat.khau@hungyen.gov.vn', PASSWORDS.editor)).rejects.toThrow(/401/);
    await loginAs(api, 'quen.mat.khau@hungyen.gov.vn', PASSWORDS.reset);

    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'account_password_set' AND old_value IS NULL AND new_value IS NULL`, [old.official.id]);
    expect(n).toBe(1);
    const everything = JSON.stringify([
      await dataSource.query(`SELECT * FROM audit_event`),
      await dataSource.query(`SELECT * FROM official_session`),
      await dataSource.query(`SELECT id, email, display_name FROM official`),
    ]);
    for (const password of Object.values(PASSWORDS)) expect(everything).not.toContain(password);
  });

  it('answers CSRF-less writes with 403 and generated bad bodies with 4xx problem+json, never 5xx', async () => {
    const target = (await createOfficial(dataSource, { email: 'muc.tieu@hungyen.gov.vn', password: PASSWORDS.editor, wardCodes: [WARD_A] })).id;
    const noCsrf = await api.get(BASE, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(noCsrf.status).toBe(403);

    const value = fc.oneof(
      fc.string(),
      fc.string({ minLength: 300, maxLength: 3000 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 60 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    );
    const body = fc.oneof(
      fc.record({ email: value, displayName: value, role: value, wards: value, password: value }, { requiredKeys: [] }),
      fc.record({ displayName: value, role: value, wards: value, disabled: value }, { requiredKeys: [] }),
      fc.record({ password: value, extra: value }, { requiredKeys: [] }),
      value,
    );
    const routes = [
      ['POST', BASE],
      ['PATCH', `${BASE}/${target}`],
      ['POST', `${BASE}/${target}/password`],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async ([method, path], payload) => {
        const response = await call(path, admin, method, payload);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          const problem = (await response.json()) as { detail: string; detail_vi?: string };
          expect(problem.detail).toEqual(expect.any(String));
        } else {
          await response.arrayBuffer();
        }
      }),
      { numRuns: 150 },
    );
    // The admin's own session survived every generated request.
    expect((await api.get('/api/v1/auth/me', { headers: { cookie: admin.cookie } })).status).toBe(200);
  }, 120_000);
});

describe('session sweep', () => {
  it('deletes sessions past the idle or the absolute timeout, keeps the live ones (moved clock)', async () => {
    const official = await createOfficial(dataSource, { email: 'quet.phien@hungyen.gov.vn', password: PASSWORDS.editor, wardCodes: [WARD_A] });
    const sweeper = api.app.get(SessionSweeper);
    const t0 = new Date('2031-05-01T01:00:00Z').getTime();
    clock.set(new Date(t0));
    await loginAs(api, 'quet.phien@hungyen.gov.vn', PASSWORDS.editor); // will go idle
    const longLived = await loginAs(api, 'quet.phien@hungyen.gov.vn', PASSWORDS.editor); // kept busy, then too old
    clock.set(new Date(t0 + 20 * 60_000));
    const fresh = await loginAs(api, 'quet.phien@hungyen.gov.vn', PASSWORDS.editor);
    expect(await sessionsOf(official.id)).toBe(3);

    // 35 min after t0: the first is idle for 35 min, the other two were seen within 30 min.
    clock.set(new Date(t0 + 25 * 60_000));
    expect((await api.get('/api/v1/auth/me', { headers: { cookie: longLived.cookie } })).status).toBe(200);
    clock.set(new Date(t0 + 35 * 60_000));
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
    expect(await sessionsOf(official.id)).toBe(2);
    expect((await api.get('/api/v1/auth/me', { headers: { cookie: fresh.cookie } })).status).toBe(200);

    // Past 12 h from its login, a session recently seen still ends (absolute timeout).
    const late = t0 + 12 * 3_600_000 + 60_000;
    await dataSource.query(`UPDATE official_session SET last_seen_at = $2 WHERE official_id = $1`, [official.id, new Date(late - 60_000)]);
    await dataSource.query(`UPDATE official_session SET created_at = $2, expires_at = $3 WHERE id = (SELECT id FROM official_session WHERE official_id = $1 ORDER BY created_at DESC LIMIT 1)`, [
      official.id,
      new Date(late - 3_600_000),
      new Date(late + 11 * 3_600_000),
    ]);
    clock.set(new Date(late));
    await sweeper.sweep();
    expect(await sessionsOf(official.id)).toBe(1);
    const [kept] = await dataSource.query(`SELECT expires_at FROM official_session WHERE official_id = $1`, [official.id]);
    expect(new Date(kept.expires_at).getTime()).toBe(late + 11 * 3_600_000);
  });
});
