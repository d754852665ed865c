// Bull Board behind the admin login, through the real HTTP API on Postgres with the real Redis (BullMQ,
// no worker: enqueued jobs stay waiting), and on Postgres without Redis (in-process jobs: no dashboard).
import { DataSource, IsNull } from 'typeorm';
import type { Queue } from 'bullmq';
import { AuditEventEntity, OfficialEntity } from '@pho-so/server/db';
import { BullMqJobQueue, QUEUE_NAME, type JobQueue } from '@pho-so/server/queue';
import { startTestApi, type TestApi } from '../../testing/test-api';
import { createOfficial, loginAs, type LoggedIn } from '../../testing/officials';
import { JOB_QUEUE } from '../../jobs/jobs.module';
import type { AppConfig } from '@pho-so/server/config';
import { APP_CONFIG } from '@pho-so/server/nest';
import { AuthClock } from '../auth/auth-clock';

const MOUNT = '/api/v1/admin/queues';
const ORIGIN = 'https://phoso.example.vn';
const TOKEN = 'test-admin-token-0123456789abcdef0123';
const PASSWORD = 'hàng đợi của thành phố Thái Bình';
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const JSON_ACCEPT = { accept: 'application/json, text/plain, */*' };

interface QueuesAnswer {
  queues: { name: string; counts: Record<string, number>; isPaused: boolean }[];
}

async function expectProblem(response: Response, status: number, type: string): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body['type']).toBe(`/api/problems/${type}`);
  expect(typeof body['detail']).toBe('string');
  expect(typeof body['detail_vi']).toBe('string');
  return body;
}

describe('queue dashboard (Bull Board) on Postgres with Redis', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let queue: Queue;
  let admin: LoggedIn;
  let editor: LoggedIn;
  const get = (path: string, headers: Record<string, string> = {}) => api.get(`${MOUNT}${path}`, { headers, redirect: 'manual' });
  const put = (path: string, headers: Record<string, string>) => api.get(`${MOUNT}${path}`, { method: 'PUT', headers, redirect: 'manual' });

  beforeAll(async () => {
    api = await startTestApi('postgres', { redis: true, env: { ADMIN_TOKEN: TOKEN, PUBLIC_BASE_URL: ORIGIN } });
    dataSource = api.app.get(DataSource);
    const jobs = api.app.get<JobQueue>(JOB_QUEUE);
    if (!(jobs instanceof BullMqJobQueue)) throw new Error('expected the BullMQ queue with REDIS_URL set');
    queue = jobs.queue;
    await createOfficial(dataSource, { email: 'admin@phoso.test', password: PASSWORD, role: 'admin' });
    await createOfficial(dataSource, { email: 'editor@phoso.test', password: PASSWORD, role: 'ward_editor', wardCodes: ['12452'] });
    admin = await loginAs(api, 'admin@phoso.test', PASSWORD);
    editor = await loginAs(api, 'editor@phoso.test', PASSWORD);
    // A QR batch for one street: with no worker on this Redis its jobs wait in the platform's queue.
    const created = await api.get('/api/v1/admin/qr-batches', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scope: { kind: 'streets', slugs: ['bo-xuyen'] }, designVersion: 1, formats: ['svg', 'png'] }),
    });
    expect(created.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await api?.close();
  });

  it('sends anonymous browsers to the workspace login (303) and answers everything else 401 problem+json', async () => {
    for (const path of ['', '/', '/queue/pho-so']) {
      const page = await get(path, HTML);
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe(`/quan-tri/dang-nhap?next=${encodeURIComponent(`${MOUNT}${path}`)}`);
      expect(page.headers.get('cache-control')).toBe('no-store');
    }
    expect((await get('/', { ...HTML, 'accept-language': 'en-GB,en;q=0.9,vi;q=0.8' })).headers.get('location')).toMatch(/^\/en\/quan-tri\/dang-nhap\?next=/);
    for (const path of ['/api/queues', '/api/redis/stats', '/static/images/logo.svg', '/no-such-thing', '/']) {
      await expectProblem(await get(path, JSON_ACCEPT), 401, 'unauthenticated');
    }
    await expectProblem(await put('/api/queues/pho-so/pause', { origin: ORIGIN }), 401, 'unauthenticated');
    // Other spellings of the same routes are checked too (the hook looks at the route matched, not only the text).
    for (const path of ['/api/v1/admin/%71ueues/api/queues', '/api/v1/admin/queues/api/%71ueues', '/api/v1/admin/queues/%61pi/queues?x=1']) {
      const response = await api.get(path, { headers: JSON_ACCEPT });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await api.get(`${MOUNT}/api/queues`, { method: 'HEAD' })).status).toBe(401);
    await expectProblem(await get('/api/queues', { cookie: 'pho_so_session=' + 'A'.repeat(43) }), 401, 'session-invalid');
  });

  it('refuses a ward editor with 403 admin-only, page and API alike', async () => {
    await expectProblem(await get('/', { ...HTML, cookie: editor.cookie }), 403, 'admin-only');
    await expectProblem(await get('/api/queues', { cookie: editor.cookie }), 403, 'admin-only');
    const audited = await dataSource.getRepository(AuditEventEntity).findBy({ action: 'forbidden', actorLabel: 'editor@phoso.test' });
    expect(audited.map((row) => row.entityId)).toEqual(expect.arrayContaining([`GET ${MOUNT}/api/queues`]));
  });

  it('shows an admin the board page, its assets and the platform queue with counts, all no-store', async () => {
    const page = await get('/', { ...HTML, cookie: admin.cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain(`<base href="${MOUNT}/"`);
    expect(html).toContain('Phố Số · Hàng đợi / Queues');
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await get(`/${script}`, { cookie: admin.cookie });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('no-store');

    const listing = await get(`/api/queues?activeQueue=${QUEUE_NAME}&status=waiting&page=1&jobsPerPage=10`, { ...JSON_ACCEPT, cookie: admin.cookie });
    expect(listing.status).toBe(200);
    expect(listing.headers.get('cache-control')).toBe('no-store');
    const { queues } = (await listing.json()) as QueuesAnswer;
    expect(queues.map((q) => q.name)).toEqual([QUEUE_NAME]);
    const waiting = await queue.getWaitingCount();
    expect(waiting).toBeGreaterThan(0);
    expect(queues[0]!.counts['waiting']).toBe(waiting);
    expect(queues[0]!.isPaused).toBe(false);
  });

  it('lets an admin pause and resume the queue from the same origin, and refuses cross-origin writes (nothing changes)', async () => {
    const before = await queue.getJobCounts();
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: ORIGIN, 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      {},
    ];
    for (const headers of refused) {
      for (const path of ['/api/queues/pho-so/pause', '/api/queues/pho-so/retry/failed', '/api/queues/pho-so/clean/waiting']) {
        await expectProblem(await put(path, { ...headers, cookie: admin.cookie }), 403, 'origin-not-allowed');
      }
    }
    expect(await queue.isPaused()).toBe(false);
    expect(await queue.getJobCounts()).toEqual(before);

    const paused = await put('/api/queues/pho-so/pause', { origin: ORIGIN, 'sec-fetch-site': 'same-origin', cookie: admin.cookie });
    expect(paused.status).toBe(200);
    expect(await queue.isPaused()).toBe(true);
    const resumed = await put('/api/queues/pho-so/resume', { 'sec-fetch-site': 'same-origin', cookie: admin.cookie });
    expect(resumed.status).toBe(200);
    expect(await queue.isPaused()).toBe(false);
  });

  it('never lets the board add jobs or rewrite their data', async () => {
    const waiting = await queue.getWaitingCount();
    const added = await api.get(`${MOUNT}/api/queues/pho-so/add`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: admin.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'qr.render', data: { plateId: 'x', designVersion: 1, format: 'svg' } }),
    });
    await expectProblem(added, 403, 'queue-dashboard-action-disabled');
    expect(await queue.getWaitingCount()).toBe(waiting);
  });

  it('lets the admin token read (automation) but not act', async () => {
    const listing = await get('/api/queues', { authorization: `Bearer ${TOKEN}` });
    expect(listing.status).toBe(200);
    expect(listing.headers.get('cache-control')).toBe('no-store');
    await expectProblem(await put('/api/queues/pho-so/pause', { authorization: `Bearer ${TOKEN}`, origin: ORIGIN }), 403, 'admin-token-read-only');
    expect(await queue.isPaused()).toBe(false);
    const wrong = await get('/api/queues', { authorization: 'Bearer wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses the session of an account disabled since login', async () => {
    await createOfficial(dataSource, { email: 'old-admin@phoso.test', password: PASSWORD, role: 'admin' });
    const session = await loginAs(api, 'old-admin@phoso.test', PASSWORD);
    expect((await get('/api/queues', { cookie: session.cookie })).status).toBe(200);
    await dataSource.getRepository(OfficialEntity).update({ email: 'old-admin@phoso.test', disabledAt: IsNull() }, { disabledAt: new Date() });
    await expectProblem(await get('/api/queues', { cookie: session.cookie }), 401, 'session-invalid');
    expect((await get('/', { ...HTML, cookie: session.cookie })).status).toBe(303);
  });

  it('ends an idle session: the board\'s polling is not activity, opening the page is', async () => {
    const clock = api.app.get(AuthClock);
    const idleMs = api.app.get<AppConfig>(APP_CONFIG).SESSION_IDLE_MINUTES * 60_000;
    try {
      const start = Date.now();
      const polling = await loginAs(api, 'admin@phoso.test', PASSWORD);
      clock.set(new Date(start + idleMs - 60_000));
      expect((await get('/api/queues', { cookie: polling.cookie })).status).toBe(200);
      clock.set(new Date(start + idleMs + 60_000));
      await expectProblem(await get('/api/queues', { cookie: polling.cookie }), 401, 'session-idle-expired');

      clock.set(null);
      const reading = await loginAs(api, 'admin@phoso.test', PASSWORD);
      const loggedIn = Date.now();
      clock.set(new Date(loggedIn + idleMs - 60_000));
      expect((await get('/', { ...HTML, cookie: reading.cookie })).status).toBe(200);
      clock.set(new Date(loggedIn + idleMs + 60_000));
      expect((await get('/api/queues', { cookie: reading.cookie })).status).toBe(200);
    } finally {
      clock.set(null);
    }
  });
});

describe('queue dashboard without Redis (in-process jobs)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('postgres', { env: { PUBLIC_BASE_URL: ORIGIN } });
    const dataSource = api.app.get(DataSource);
    await createOfficial(dataSource, { email: 'admin@phoso.test', password: PASSWORD, role: 'admin' });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('answers an admin 503 problem+json saying it needs Redis, in both languages, and still asks others to log in', async () => {
    const admin = await loginAs(api, 'admin@phoso.test', PASSWORD);
    for (const path of ['/', '/api/queues']) {
      const body = await expectProblem(await api.get(`${MOUNT}${path}`, { headers: { cookie: admin.cookie } }), 503, 'queue-dashboard-needs-redis');
      expect(body['detail']).toMatch(/Redis/);
      expect(body['detail_vi']).toMatch(/cần Redis/);
    }
    await expectProblem(await api.get(`${MOUNT}/api/queues`), 401, 'unauthenticated');
    expect((await api.get('/api/health/live')).status).toBe(200);
  });
});
