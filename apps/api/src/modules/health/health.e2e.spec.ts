import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@pho-so/server/config';
import { createMigratedDataSource, TEST_ENGINES } from '@pho-so/server/db/testing';
import { createApiApp } from '../../bootstrap';

// Integration test: the real API against a real migrated database on each engine, and the real
// Redis; requests go over HTTP on a random local port.
describe.each(TEST_ENGINES)('health endpoints on %s', (engine) => {
  let app: NestFastifyApplication;
  let base: string;
  let disposeDatabase: () => Promise<void>;

  beforeAll(async () => {
    const db = await createMigratedDataSource(engine);
    await db.dataSource.destroy(); // the app opens its own connection; PGlite allows one per process
    disposeDatabase = db.dispose;
    const config = loadConfig({ NODE_ENV: 'test', ...db.database.env, REDIS_URL: process.env['TEST_REDIS_URL'] });
    app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await disposeDatabase?.();
  });

  it('is live without asking anything', async () => {
    const response = await fetch(`${base}/api/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database and Redis answer', async () => {
    const response = await fetch(`${base}/api/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['checks']).toEqual({ database: 'up', redis: 'up' });
  });

  it('answers an unknown route with problem+json pointing at the docs', async () => {
    const response = await fetch(`${base}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 404, type: '/api/problems/not-found' });
    expect(String(body['detail'])).toMatch(/\/api\/docs/);
  });

  it('serves the OpenAPI document', async () => {
    const response = await fetch(`${base}/api/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/health/live', '/api/health/ready']));
  });
});
