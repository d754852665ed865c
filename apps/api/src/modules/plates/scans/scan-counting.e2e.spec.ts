import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@pho-so/server/config';
import { plateCodeFromSerial } from '@pho-so/shared/domain';
import { createDataSource, databaseSettingsFromConfig, type DatabaseEngine } from '@pho-so/server/db';
import { APP_CONFIG, REDIS_CLIENT } from '@pho-so/server/nest';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../bootstrap';
import { startTestApi, type TestApi } from '../../../testing/test-api';
import { RedisScanCountStore } from './redis-scan-count.store';
import { localDay } from './scan-key';
import { ScanCounterService } from './scan-counter.service';

// Integration: the real API on a real database of each engine, with and without the real Redis.
// The flush interval is an hour, so counts reach the database only when a test flushes or closes.
const NO_TIMER = { SCAN_FLUSH_INTERVAL_MS: '3600000' };
const GIF_HEADER = 'GIF89a';
/** Well-formed, check character right, but no plate has it (the demo city numbers its plates from 0). */
const UNKNOWN = plateCodeFromSerial('TB', 900_000);

interface CountRow {
  day: string;
  is_known_plate: boolean;
  count: string;
}

async function countsOf(dataSource: DataSource, code: string): Promise<{ total: number; known: boolean[]; days: string[] }> {
  const rows: CountRow[] = await dataSource.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, is_known_plate, count::text AS count FROM scan_count WHERE plate_code = $1 ORDER BY day`,
    [code],
  );
  return { total: rows.reduce((sum, r) => sum + Number(r.count), 0), known: rows.map((r) => r.is_known_plate), days: rows.map((r) => r.day) };
}

/** `n` beacon hits, `parallel` at a time, cycling through the given spellings of a code. */
async function scan(base: string, spellings: string[], n: number, parallel = 20): Promise<void> {
  for (let start = 0; start < n; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, n - start) }, (_, i) => spellings[(start + i) % spellings.length] ?? '');
    const responses = await Promise.all(batch.map((code) => fetch(`${base}/api/v1/plates/${encodeURIComponent(code)}/scan.gif`)));
    for (const response of responses) {
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  }
}

const COMBINATIONS: [DatabaseEngine, boolean][] = [
  ['postgres', true],
  ['postgres', false],
  ['pglite', true],
  ['pglite', false],
];

describe.each(COMBINATIONS)('scan beacon on %s (Redis: %s)', (engine, redis) => {
  let api: TestApi;
  let dataSource: DataSource;
  let counter: ScanCounterService;
  beforeAll(async () => {
    api = await startTestApi(engine, { redis, env: NO_TIMER });
    dataSource = api.app.get(DataSource);
    counter = api.app.get(ScanCounterService);
  }, 60_000);
  afterAll(() => api?.close());

  it('answers every code, even junk, with a 1×1 GIF that is never cached', async () => {
    const spellings = ['TB-233AC', 'tb 233ac', UNKNOWN, 'hello', 'x'.repeat(90), 'a%00b', '%F0%9F%98%80', 'a%2Fb', '%20', '...'];
    for (const raw of spellings) {
      const response = await api.get(`/api/v1/plates/${raw}/scan.gif`);
      expect({ raw, status: response.status }).toEqual({ raw, status: 200 });
      expect(response.headers.get('content-type')).toBe('image/gif');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.subarray(0, 6).toString('latin1')).toBe(GIF_HEADER);
      expect(body.length).toBe(42);
    }
    // Longer than the router takes a path parameter (100): answered before the beacon runs, but never a 5xx.
    expect((await api.get(`/api/v1/plates/${'x'.repeat(300)}/scan.gif`)).status).toBeLessThan(500);
    await counter.flush();
  });

  it('counts 200 scans of a plate, however its code was written, under the canonical code and the local day', async () => {
    await counter.flush(); // nothing of earlier tests left in the store
    const before = localDay(new Date());
    await scan(api.base, ['tb 233ac', 'TB-233AC', 'tb-233-ac', 'TB233AC'], 200);
    expect((await countsOf(dataSource, 'TB-233AC')).total).toBe(1 + 1); // only the first test's scans so far
    await counter.flush();
    const after = localDay(new Date());
    const counts = await countsOf(dataSource, 'TB-233AC');
    expect(counts.total).toBe(202);
    expect(counts.known.every(Boolean)).toBe(true);
    for (const day of counts.days) expect([before, after]).toContain(day);
  });

  it('counts unknown and malformed codes too, as not ours, under the code as written (upper case, no spaces or hyphens, ≤ 32 characters)', async () => {
    await scan(api.base, [UNKNOWN], 3); // well-formed, no such plate (plus the first test's scan)
    await scan(api.base, ['fake sticker-1'], 2);
    await scan(api.base, ['tb-233ax'], 1); // wrong check character
    await counter.flush();
    expect(await countsOf(dataSource, UNKNOWN)).toMatchObject({ total: 4, known: [false] });
    expect(await countsOf(dataSource, 'FAKESTICKER1')).toMatchObject({ total: 2, known: [false] });
    expect(await countsOf(dataSource, 'TB233AX')).toMatchObject({ total: 1, known: [false] });
    expect(await countsOf(dataSource, 'X'.repeat(32))).toMatchObject({ total: 1, known: [false] });
    expect(await countsOf(dataSource, 'AB')).toMatchObject({ total: 1 }); // the NUL dropped
    expect(await countsOf(dataSource, 'A/B')).toMatchObject({ total: 1 });
    expect(await countsOf(dataSource, '😀')).toMatchObject({ total: 1 });
    expect(await countsOf(dataSource, '...')).toMatchObject({ total: 1 });
  });

  it('stores nothing about the scanner: only code, day, whether it is ours, and a count', async () => {
    const columns: { column_name: string }[] = await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'scan_count' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['count', 'day', 'is_known_plate', 'plate_code']);
    if (redis) {
      const client = api.app.get<Redis>(REDIS_CLIENT);
      const { REDIS_KEY_PREFIX } = api.app.get<AppConfig>(APP_CONFIG);
      await scan(api.base, ['TB-233AC'], 1);
      const fields = await client.hkeys(`${REDIS_KEY_PREFIX}scan-counts:live`);
      expect(fields).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} TB-233AC$/)]);
      await counter.flush();
    }
  });

  // Last: closes the app.
  it('writes every count on a graceful shutdown: 200 scans, no flush, app.close(), all 200 in the database', async () => {
    await counter.flush();
    await scan(api.base, ['tb 2bare', 'TB-2BARE'], 200);
    expect((await countsOf(dataSource, 'TB-2BARE')).total).toBe(0);
    const settings = databaseSettingsFromConfig(api.app.get<AppConfig>(APP_CONFIG));
    await api.app.close();
    const reopened = createDataSource(settings);
    await reopened.initialize();
    try {
      expect(await countsOf(reopened, 'TB-2BARE')).toMatchObject({ total: 200, known: expect.arrayContaining([true]) });
    } finally {
      await reopened.destroy();
    }
  });
});

// Integration: two API replicas on one Postgres database and one Redis, as in production.
describe('scan counting across replicas (postgres, Redis)', () => {
  let api: TestApi;
  let second: NestFastifyApplication;
  let secondBase: string;
  beforeAll(async () => {
    api = await startTestApi('postgres', { redis: true, env: NO_TIMER });
    second = await createApiApp(api.app.get<AppConfig>(APP_CONFIG));
    await second.listen(0, '127.0.0.1');
    secondBase = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await api?.close();
  });

  it('loses and doubles nothing when both replicas take scans and flush at the same time, and one shuts down', async () => {
    const dataSource = api.app.get(DataSource);
    await Promise.all([scan(api.base, ['TB-233AC'], 150), scan(secondBase, ['tb 233ac'], 150)]);
    await Promise.all([api.app.get(ScanCounterService).flush(), second.get(ScanCounterService).flush()]);
    expect((await countsOf(dataSource, 'TB-233AC')).total).toBe(300);

    await Promise.all([scan(api.base, ['TB-233AC'], 50), scan(secondBase, ['TB-233AC'], 50)]);
    await second.close();
    await api.app.get(ScanCounterService).flush();
    expect((await countsOf(dataSource, 'TB-233AC')).total).toBe(400);
  });

  it('writes the counts a crashed replica had taken from Redis but not written', async () => {
    const config = api.app.get<AppConfig>(APP_CONFIG);
    const crashed = new RedisScanCountStore(api.app.get<Redis>(REDIS_CLIENT), config.REDIS_KEY_PREFIX, 60_000);
    for (let i = 0; i < 40; i++) await crashed.increment(localDay(new Date()), 'TB-2KJ7C');
    await crashed.take(); // ... and died before writing: its heartbeat expires
    await api.app.get<Redis>(REDIS_CLIENT).del(`${config.REDIS_KEY_PREFIX}scan-counts:alive:${crashed.owner}`);
    await api.app.get(ScanCounterService).flush();
    expect((await countsOf(api.app.get(DataSource), 'TB-2KJ7C')).total).toBe(40);
  });
});
