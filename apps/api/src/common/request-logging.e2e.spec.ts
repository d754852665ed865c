// The API's logs through the real HTTP stack on Postgres and Redis: every line is JSON, every line
// written while a request runs (Fastify's access line, a service's Nest Logger line, the problem
// filter's error line) carries the request id the response's X-Request-Id header names, and no secret
// the requests carried (passwords, the admin token, the session cookie, the CSRF token, a query
// string token, the DATABASE_URL password) appears anywhere in the output.
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@pho-so/server/config';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { createLogger } from '@pho-so/server/logging';
import { createApiApp } from '../bootstrap';
import { createOfficial, loginAs, sessionHeaders } from '../testing/officials';

type Line = Record<string, unknown>;

const SECRETS = {
  password: 'phố Kỳ Bá mùa hoa gạo đỏ',
  wrongPassword: 'sai mật khẩu rồi bạn ơi 42',
  newPassword: 'cầu Thái Bình lúc hoàng hôn',
  adminToken: `admintoken-${randomBytes(16).toString('hex')}`,
  dbPassword: `dbpass-${randomBytes(8).toString('hex')}`,
  queryToken: `querytoken-${randomBytes(8).toString('hex')}`,
  /** Not a secret, but a failed query's bound value: stands for the personal data such values may be. */
  searchText: `searchtext${randomBytes(8).toString('hex')}`,
};
const EMAIL = 'nhat.ky@phoso.test';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request logging (Postgres + Redis)', () => {
  const output: string[] = [];
  let app: NestFastifyApplication;
  let base: string;
  let dataSource: DataSource;
  let dispose: () => Promise<void>;
  /** Secrets only known once the API answered: session cookies and CSRF tokens. */
  const issued: string[] = [];

  const lines = (): Line[] => output.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line);

  /** One request, and the lines written from its start until its access line. */
  async function call(path: string, init: RequestInit = {}): Promise<{ response: Response; reqId: string; during: Line[] }> {
    const from = lines().length;
    const response = await fetch(`${base}${path}`, init);
    await response.arrayBuffer();
    const reqId = response.headers.get('x-request-id') ?? '';
    expect(reqId).not.toBe('');
    // The access line is written when the response has been sent, which may be just after the client has it.
    const deadline = Date.now() + 5000;
    while (!lines().slice(from).some((line) => line['msg'] === 'request completed' && line['reqId'] === reqId)) {
      if (Date.now() > deadline) throw new Error(`no access line for ${path} (${reqId})`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const during = lines().slice(from);
    for (const line of during) expect({ msg: line['msg'], reqId: line['reqId'] }).toEqual({ msg: line['msg'], reqId });
    return { response, reqId, during };
  }

  beforeAll(async () => {
    const db = await createMigratedDataSource('postgres');
    dataSource = db.dataSource;
    dispose = db.dispose;
    await createOfficial(dataSource, { email: EMAIL, password: SECRETS.password, role: 'admin' });
    // The test server trusts local connections, so a password in the URL is accepted and ignored.
    const url = new URL(db.database.env.DATABASE_URL!);
    url.username = 'postgres';
    url.password = SECRETS.dbPassword;
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url.toString(),
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `${process.env['TEST_REDIS_PREFIX'] ?? 'test:'}${randomBytes(4).toString('hex')}:`,
      ADMIN_TOKEN: SECRETS.adminToken,
      RATE_LIMIT_PER_MINUTE: '100000',
      // No background flush writing lines in the middle of a request's window.
      SCAN_FLUSH_INTERVAL_MS: '3600000',
    });
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output.push(chunk.toString());
        done();
      },
    });
    // debug, not the test default warn: the point is to see every line the API would write.
    app = await createApiApp(config, { logger: createLogger({ service: 'api', level: 'debug', destination }) });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('logs a failed login with the request id, from the access line and from inside the auth service', async () => {
    const { response, during } = await call('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'pho_so_session=not-a-session-cookie-value' },
      body: JSON.stringify({ email: EMAIL, password: SECRETS.wrongPassword }),
    });
    expect(response.status).toBe(401);
    expect(during).toContainEqual(expect.objectContaining({ context: 'auth', msg: expect.stringMatching(/^login failed \(wrong-password\)/) }));
    expect(during).toContainEqual(
      expect.objectContaining({ msg: 'request completed', route: '/api/v1/auth/login', req: { method: 'POST', url: '/api/v1/auth/login' }, res: { statusCode: 401 } }),
    );
  });

  it('reuses a sane incoming X-Request-Id and replaces one that is not', async () => {
    const sane = await call('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'edge-7f3a.b_9' },
      body: JSON.stringify({ email: EMAIL, password: SECRETS.password }),
    });
    expect(sane.response.status).toBe(200);
    expect(sane.reqId).toBe('edge-7f3a.b_9');
    expect(sane.during).toContainEqual(expect.objectContaining({ context: 'auth', msg: expect.stringMatching(/^login of official /) }));
    issued.push((sane.response.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1]!);

    for (const insane of ['has space', 'x'.repeat(65), '{"reqId":"forged"}', 'ü-ü']) {
      const { reqId } = await call('/api/v1/health/live', { headers: { 'x-request-id': insane } });
      expect(reqId).toMatch(UUID);
    }
    const { reqId } = await call('/api/v1/health/live');
    expect(reqId).toMatch(UUID);
  });

  it('logs a session, a password change and the admin token without their secrets', async () => {
    const session = await loginAs({ base }, EMAIL, SECRETS.password);
    issued.push(session.cookie.split('=')[1]!, session.csrfToken);
    const me = await call('/api/v1/auth/me', { headers: { cookie: session.cookie } });
    expect(me.response.status).toBe(200);

    const changed = await call('/api/v1/auth/password', {
      method: 'POST',
      headers: { ...sessionHeaders(session), origin: 'http://localhost:3000' },
      body: JSON.stringify({ currentPassword: SECRETS.password, newPassword: SECRETS.newPassword }),
    });
    expect(changed.response.status).toBe(200);
    expect(changed.during).toContainEqual(expect.objectContaining({ context: 'auth', msg: expect.stringMatching(/^password changed by official /) }));
    issued.push((changed.response.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1]!);

    const admin = await call('/api/v1/admin/qr-batches/00000000-0000-4000-8000-000000000000', {
      headers: { authorization: `Bearer ${SECRETS.adminToken}` },
    });
    expect(admin.response.status).toBe(404);
  });

  it('logs 4xx answers, a malformed URL and a query string without the query', async () => {
    const notFound = await call(`/api/v1/plates/TB-233AC?token=${SECRETS.queryToken}`);
    expect(notFound.response.status).toBe(404);
    expect(notFound.during).toContainEqual(expect.objectContaining({ req: { method: 'GET', url: '/api/v1/plates/TB-233AC' }, route: '/api/v1/plates/:code' }));

    const malformed = await call('/api/v1/plates/%E0%A4%A');
    expect(malformed.response.status).toBe(400);
  });

  it('logs an unexpected error once, with its stack, under the request id of the 500', async () => {
    await dataSource.query('ALTER TABLE procedure RENAME TO procedure_hidden_by_test');
    try {
      const { response, during } = await call(`/api/v1/procedures?q=${SECRETS.searchText}`);
      expect(response.status).toBe(500);
      const errors = during.filter((line) => line['level'] === 'error');
      expect(errors).toEqual([expect.objectContaining({ context: 'ProblemDetailsFilter', err: expect.objectContaining({ stack: expect.any(String) }) })]);
      // The failed query's bound values (here the search text) stay out of the line.
      expect(JSON.stringify(errors)).not.toContain(SECRETS.searchText);
    } finally {
      await dataSource.query('ALTER TABLE procedure_hidden_by_test RENAME TO procedure');
    }
  });

  it('wrote only JSON lines, and no secret anywhere', () => {
    const text = output.join('');
    expect(lines().length).toBeGreaterThan(10);
    expect(text).toContain('"service":"api"');
    for (const secret of [...Object.values(SECRETS), 'not-a-session-cookie-value', ...issued]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(text).not.toContain(secret);
    }
  });
});
