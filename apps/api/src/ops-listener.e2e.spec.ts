import { plateCodeFromSerial } from '@pho-so/shared/domain';
import { OpsServer } from '@pho-so/server/nest';
import { BullMqJobQueue, bullMqPrefix, type PhoSoJobs } from '@pho-so/server/queue';
import { APP_CONFIG } from '@pho-so/server/nest';
import type { AppConfig } from '@pho-so/server/config';
import { startTestApi, type TestApi } from './testing/test-api';

// Integration: the API's internal ops listener (OPS_PORT=0: an ephemeral port) next to its main
// port, with the real Redis (jobs wait in BullMQ: no worker runs here) and without (the in-process
// runner). Postgres only: the ops listener does not depend on the engine, and PGlite starts slowly.

const TOKEN = 'test-admin-token-0123456789abcdef0123';
const NO_FLUSH = { SCAN_FLUSH_INTERVAL_MS: '3600000' };

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (enough of the format for our own metrics). */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined => {
  const found = find(samples, name, labels);
  if (found.length > 1) throw new Error(`${found.length} series of ${name} ${JSON.stringify(labels)}`);
  return found[0]?.value;
};

async function scrape(ops: string): Promise<Sample[]> {
  const response = await fetch(`${ops}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

describe('ops listener of the API on postgres with Redis (jobs wait in BullMQ)', () => {
  let api: TestApi;
  let ops: string;
  let plateCode = '';

  beforeAll(async () => {
    api = await startTestApi('postgres', {
      redis: true,
      env: { OPS_PORT: '0', OPS_HOST: '127.0.0.1', ADMIN_TOKEN: TOKEN, ...NO_FLUSH },
      beforeStart: async (dataSource) => {
        const [row] = (await dataSource.query(`SELECT code FROM plate ORDER BY code LIMIT 1`)) as Array<{ code: string }>;
        plateCode = row!.code;
      },
    });
    ops = api.app.get(OpsServer).url!;
  }, 60_000);

  afterAll(async () => {
    if (api) {
      const config = api.app.get<AppConfig>(APP_CONFIG);
      const queue = new BullMqJobQueue<PhoSoJobs>({ connection: { url: config.REDIS_URL!, maxRetriesPerRequest: null }, prefix: bullMqPrefix(config.REDIS_KEY_PREFIX) });
      await queue.queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await api.close();
    }
  });

  it('listens on its own port, not the API port', () => {
    expect(ops).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ops).not.toBe(api.base);
  });

  it('is live and ready, without touching the API routes', async () => {
    const live = await fetch(`${ops}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${ops}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toMatchObject({ status: 'ready', ready: true, checks: { database: 'up', redis: 'up' } });
    // The API's own health routes are still there on the main port.
    expect((await api.get('/api/health/live')).status).toBe(200);
    expect((await api.get('/api/health/ready')).status).toBe(200);
    // Nothing else on the ops port.
    expect((await fetch(`${ops}/api/health/live`)).status).toBe(404);
    expect((await fetch(`${ops}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('times requests by route template, never by raw URL, and counts exactly the scans made', async () => {
    const before = await scrape(ops);
    const scansBefore = valueOf(before, 'pho_so_plate_scans_total') ?? 0;

    const unknownCode = plateCodeFromSerial('TB', 900_001);
    for (const code of [plateCode, plateCode.toLowerCase()]) expect((await api.get(`/api/v1/plates/${code}`)).status).toBe(200);
    expect((await api.get(`/api/v1/plates/${unknownCode}`)).status).toBe(404);
    expect((await api.get('/api/v1/no-such-route/xyz-123')).status).toBe(404);
    const scans = [plateCode, plateCode, unknownCode, 'FAKE-STICKER'];
    for (const code of scans) {
      const response = await api.get(`/api/v1/plates/${encodeURIComponent(code)}/scan.gif`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }

    const after = await scrape(ops);
    expect(valueOf(after, 'pho_so_plate_scans_total')).toBe(scansBefore + scans.length);
    expect(valueOf(after, 'pho_so_plate_scans_lost_total')).toBe(0);

    const durations = find(after, 'http_request_duration_seconds_count');
    const plate = (status: string) => valueOf(after, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/plates/:code', status_code: status });
    expect(plate('200')).toBe(2);
    expect(plate('404')).toBe(1);
    expect(valueOf(after, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/plates/:code/scan.gif', status_code: '200' })).toBe(scans.length);
    expect(valueOf(after, 'http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status_code: '404' })).toBeGreaterThanOrEqual(1);
    expect(find(after, 'http_request_duration_seconds_bucket', { route: '/api/v1/plates/:code', status_code: '200', le: '+Inf' })[0]?.value).toBe(2);
    // Bounded labels: no series carries a code, a raw path or a query string.
    const routes = new Set(durations.map((s) => s.labels['route']));
    for (const route of routes) expect(route === 'unmatched' || /^\/api(\/[\w.-]+|\/:\w+|\/\*)*\/?$/.test(route ?? '')).toBe(true);
    for (const text of [plateCode, unknownCode, 'FAKE-STICKER', 'no-such-route', 'xyz-123']) {
      expect(durations.some((s) => Object.values(s.labels).some((v) => v.includes(text)))).toBe(false);
    }
  });

  it('reports the queue and the unfinished QR batches, read at scrape time', async () => {
    const created = await api.get('/api/v1/admin/qr-batches', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scope: { kind: 'all' }, designVersion: 1, formats: ['svg'] }),
    });
    expect(created.status).toBe(201);
    const batch = (await created.json()) as { total: number };
    expect(batch.total).toBeGreaterThan(0);

    const samples = await scrape(ops);
    // No worker consumes this test's key prefix: every job waits.
    expect(valueOf(samples, 'pho_so_queue_jobs', { queue: 'pho-so', state: 'waiting' })).toBe(batch.total);
    for (const state of ['active', 'failed', 'delayed']) expect(valueOf(samples, 'pho_so_queue_jobs', { queue: 'pho-so', state })).toBe(0);
    expect(valueOf(samples, 'pho_so_qr_batches_unfinished')).toBe(1);
    expect(valueOf(samples, 'pho_so_qr_batch_items', { state: 'queued' })).toBe(batch.total);
    expect(valueOf(samples, 'pho_so_qr_batch_items', { state: 'done' })).toBe(0);
    expect(valueOf(samples, 'pho_so_qr_batch_items', { state: 'failed' })).toBe(0);
    expect(valueOf(samples, 'pho_so_metrics_source_up', { source: 'queue' })).toBe(1);
    expect(valueOf(samples, 'pho_so_metrics_source_up', { source: 'qr_batches' })).toBe(1);
    // Node's default process metrics, prefixed.
    expect(valueOf(samples, 'pho_so_process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(find(samples, 'pho_so_nodejs_eventloop_lag_seconds').length).toBe(1);
  });
});

describe('ops listener of the API without Redis (in-process jobs)', () => {
  let api: TestApi;
  let ops: string;
  beforeAll(async () => {
    api = await startTestApi('postgres', { env: { OPS_PORT: '0', OPS_HOST: '127.0.0.1', ...NO_FLUSH } });
    ops = api.app.get(OpsServer).url!;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('is ready without Redis and reports the in-process runner\'s queue', async () => {
    const ready = await fetch(`${ops}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: 'up', redis: 'not_configured' }, engines: { database: 'postgres', queue: 'in-process' } });
    const samples = await scrape(ops);
    for (const state of ['waiting', 'active', 'failed', 'delayed']) expect(valueOf(samples, 'pho_so_queue_jobs', { queue: 'pho-so', state })).toBe(0);
    expect(valueOf(samples, 'pho_so_qr_batches_unfinished')).toBe(0);
  });

  it('stops listening when the app closes', async () => {
    await api.close();
    await expect(fetch(`${ops}/health/live`)).rejects.toThrow();
    api = undefined as unknown as TestApi;
  });
});

describe('API without OPS_PORT', () => {
  it('opens no ops listener', async () => {
    const api = await startTestApi('postgres');
    try {
      expect(api.app.get(OpsServer).url).toBeNull();
      expect((await api.get('/api/health/ready')).status).toBe(200);
    } finally {
      await api.close();
    }
  }, 60_000);
});
