import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@pho-so/server/config';
import { QrAssetEntity } from '@pho-so/server/db';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { loadDemoCity } from '@pho-so/server/dataset';
import { batchReport, createBatch, enqueueBatch } from '@pho-so/server/qr-assets';
import { BullMqJobQueue, bullMqPrefix, type PhoSoJobs } from '@pho-so/server/queue';
import { WorkerModule } from './worker.module';

const DEMO_DATA_DIR = join(__dirname, '../../../data');

// Integration: a QR batch enqueued on the real Redis and rendered by the worker context, on Postgres.
describe('worker: qr.render through BullMQ', () => {
  it('renders a batch enqueued on Redis; a second enqueue of the same files renders nothing new', async () => {
    const db = await createMigratedDataSource('postgres');
    await db.dataSource.transaction((manager) => loadDemoCity(manager, DEMO_DATA_DIR));
    const assetDir = await mkdtemp(join(tmpdir(), 'worker-assets-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      ...db.database.env,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `${process.env['TEST_REDIS_PREFIX'] ?? 'test:'}${randomBytes(4).toString('hex')}:`,
      ASSET_DIR: assetDir,
      PUBLIC_BASE_URL: 'https://phoso.example.vn',
    });
    const queue = new BullMqJobQueue<PhoSoJobs>({
      connection: { url: config.REDIS_URL!, maxRetriesPerRequest: null },
      prefix: bullMqPrefix(config.REDIS_KEY_PREFIX),
    });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    await app.init();
    try {
      const run = async () => {
        const { batch, items } = await createBatch(db.dataSource, {
          scope: { kind: 'ward', wardCode: '12452' },
          designVersion: 1,
          formats: ['svg', 'png', 'pdf'],
          requestedBy: 'test',
          publicBaseUrl: config.PUBLIC_BASE_URL,
        });
        await enqueueBatch(queue, 1, items);
        for (let i = 0; i < 600; i++) {
          const report = await batchReport(db.dataSource, batch.id);
          if (report && (report.batch.status === 'done' || report.batch.status === 'failed')) return report;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error('batch did not finish');
      };
      const first = await run();
      expect(first.batch.total).toBeGreaterThan(0);
      expect(first.batch).toMatchObject({ status: 'done', done: first.batch.total, failed: 0 });
      const files = (await readdir(assetDir)).sort();
      expect(files).toHaveLength(first.batch.total);
      const rows = await db.dataSource.getRepository(QrAssetEntity).find();
      expect(rows).toHaveLength(first.batch.total);
      expect(rows.every((r) => r.verifiedAt !== null)).toBe(true);

      const second = await run();
      expect(second.batch).toMatchObject({ status: 'done', done: first.batch.total });
      expect((await readdir(assetDir)).sort()).toEqual(files);
      expect(await db.dataSource.getRepository(QrAssetEntity).find()).toEqual(rows);
    } finally {
      await app.close();
      await queue.queue.obliterate({ force: true });
      await queue.close();
      await db.dispose();
      await rm(assetDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('two workers on one Redis share a batch: each file rendered into one file and one row; a broken plate fails alone', async () => {
    const db = await createMigratedDataSource('postgres');
    await db.dataSource.transaction((manager) => loadDemoCity(manager, DEMO_DATA_DIR));
    const assetDir = await mkdtemp(join(tmpdir(), 'worker-assets-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      ...db.database.env,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `${process.env['TEST_REDIS_PREFIX'] ?? 'test:'}${randomBytes(4).toString('hex')}:`,
      ASSET_DIR: assetDir,
      PUBLIC_BASE_URL: 'https://phoso.example.vn',
    });
    const queue = new BullMqJobQueue<PhoSoJobs>({
      connection: { url: config.REDIS_URL!, maxRetriesPerRequest: null },
      prefix: bullMqPrefix(config.REDIS_KEY_PREFIX),
    });
    const workers = await Promise.all(
      [1, 2].map(async () => {
        const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
        await app.init();
        return app;
      }),
    );
    try {
      const { batch, items } = await createBatch(db.dataSource, {
        scope: { kind: 'all' },
        designVersion: 1,
        formats: ['svg'],
        requestedBy: 'test',
        publicBaseUrl: config.PUBLIC_BASE_URL,
      });
      // A plate whose data cannot be rendered (its code is no plate code any more).
      const broken = items[7]!;
      await db.dataSource.query(`UPDATE plate SET code = 'BROKEN' WHERE id = $1`, [broken.plateId]);
      await enqueueBatch(queue, 1, items);
      let report = await batchReport(db.dataSource, batch.id);
      for (let i = 0; i < 900 && report && report.batch.status !== 'done' && report.batch.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        report = await batchReport(db.dataSource, batch.id);
      }
      expect(report?.batch).toMatchObject({ status: 'failed', total: 168, done: 167, failed: 1 });
      expect(report?.failures).toEqual([{ code: 'BROKEN', format: 'svg', reason: expect.stringMatching(/not a plate code/) }]);
      const rows = await db.dataSource.getRepository(QrAssetEntity).find();
      expect(rows).toHaveLength(167);
      expect(new Set(rows.map((r) => r.plateId)).size).toBe(167);
      const files = (await readdir(assetDir)).sort();
      expect(files).toEqual(rows.map((r) => r.storageKey).sort());
      expect(files.some((f) => f.startsWith('.tmp-'))).toBe(false);
    } finally {
      for (const app of workers) await app.close();
      await queue.queue.obliterate({ force: true });
      await queue.close();
      await db.dispose();
      await rm(assetDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('a batch created while another batch renders the same plates completes, as does one whose jobs never reached Redis', async () => {
    const db = await createMigratedDataSource('postgres');
    await db.dataSource.transaction((manager) => loadDemoCity(manager, DEMO_DATA_DIR));
    const assetDir = await mkdtemp(join(tmpdir(), 'worker-assets-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      ...db.database.env,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `${process.env['TEST_REDIS_PREFIX'] ?? 'test:'}${randomBytes(4).toString('hex')}:`,
      ASSET_DIR: assetDir,
      PUBLIC_BASE_URL: 'https://phoso.example.vn',
      QUEUE_SWEEP_INTERVAL_MS: '500',
    });
    const queue = new BullMqJobQueue<PhoSoJobs>({
      connection: { url: config.REDIS_URL!, maxRetriesPerRequest: null },
      prefix: bullMqPrefix(config.REDIS_KEY_PREFIX),
    });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    await app.init();
    const input = { scope: { kind: 'all' as const }, designVersion: 1, formats: ['svg', 'png'] as const, requestedBy: 'test', publicBaseUrl: config.PUBLIC_BASE_URL };
    const settle = async (id: string) => {
      for (let i = 0; i < 600; i++) {
        const report = await batchReport(db.dataSource, id);
        if (report && (report.batch.status === 'done' || report.batch.status === 'failed')) return report;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`batch ${id} did not finish`);
    };
    try {
      const a = await createBatch(db.dataSource, { ...input, formats: [...input.formats] });
      await enqueueBatch(queue, 1, a.items);
      let report = await batchReport(db.dataSource, a.batch.id);
      while ((report?.batch.done ?? 0) < 30) {
        await new Promise((r) => setTimeout(r, 20));
        report = await batchReport(db.dataSource, a.batch.id);
      }
      // B over the same files while A's jobs are queued or running: its enqueues are deduplicated onto
      // A's jobs, some of which recorded their result before B's items existed.
      const b = await createBatch(db.dataSource, { ...input, formats: [...input.formats] });
      await enqueueBatch(queue, 1, b.items);
      // C's jobs never reach Redis (as after a Redis restart without persistence): only the sweeper can finish it.
      const c = await createBatch(db.dataSource, { ...input, formats: [...input.formats] });
      expect(b.batch.total).toBe(336);
      for (const batch of [a.batch, b.batch, c.batch]) {
        expect((await settle(batch.id)).batch).toMatchObject({ status: 'done', total: 336, done: 336, failed: 0 });
      }
      const rows = await db.dataSource.getRepository(QrAssetEntity).find();
      expect(rows).toHaveLength(336);
      expect(rows.every((r) => r.verifiedAt !== null)).toBe(true);
      expect((await readdir(assetDir)).sort()).toEqual(rows.map((r) => r.storageKey).sort());
    } finally {
      await app.close();
      await queue.queue.obliterate({ force: true });
      await queue.close();
      await db.dispose();
      await rm(assetDir, { recursive: true, force: true });
    }
  }, 120_000);
});
