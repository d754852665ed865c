import { readdir } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { QrAssetEntity } from '@pho-so/server/db';
import { batchReport, createBatch, enqueueBatch } from '@pho-so/server/qr-assets';
import { finishedBatch, qrWorkerFixture } from './testing/qr-worker-fixture';
import { WorkerModule } from './worker.module';

// Integration: a QR batch enqueued on the real Redis and rendered by the worker context, on Postgres.
describe('worker: qr.render through BullMQ', () => {
  it('renders a batch enqueued on Redis; a second enqueue of the same files renders nothing new', async () => {
    const fixture = await qrWorkerFixture();
    const { db, assetDir, config, queue } = fixture;
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
        return finishedBatch(fixture, batch.id);
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
      await fixture.dispose();
    }
  }, 400_000);

  it('a batch created while another batch renders the same plates completes, as does one whose jobs never reached Redis', async () => {
    const fixture = await qrWorkerFixture({ env: { QUEUE_SWEEP_INTERVAL_MS: '500' } });
    const { db, assetDir, config, queue } = fixture;
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    await app.init();
    // One format: the overlap between batches is per file, and every file costs a render and a decode.
    const input = { scope: { kind: 'all' as const }, designVersion: 1, formats: ['svg'] as const, requestedBy: 'test', publicBaseUrl: config.PUBLIC_BASE_URL };
    const settle = (id: string) => finishedBatch(fixture, id);
    try {
      const a = await createBatch(db.dataSource, { ...input, formats: [...input.formats] });
      await enqueueBatch(queue, 1, a.items);
      let report = await batchReport(db.dataSource, a.batch.id);
      while ((report?.batch.done ?? 0) < 15) {
        await new Promise((r) => setTimeout(r, 20));
        report = await batchReport(db.dataSource, a.batch.id);
      }
      // B over the same files while A's jobs are queued or running: its enqueues are deduplicated onto
      // A's jobs, some of which recorded their result before B's items existed.
      const b = await createBatch(db.dataSource, { ...input, formats: [...input.formats] });
      await enqueueBatch(queue, 1, b.items);
      // C's jobs never reach Redis (as after a Redis restart without persistence): only the sweeper can finish it.
      const c = await createBatch(db.dataSource, { ...input, formats: [...input.formats] });
      expect(b.batch.total).toBe(168);
      for (const batch of [a.batch, b.batch, c.batch]) {
        expect((await settle(batch.id)).batch).toMatchObject({ status: 'done', total: 168, done: 168, failed: 0 });
      }
      const rows = await db.dataSource.getRepository(QrAssetEntity).find();
      expect(rows).toHaveLength(168);
      expect(rows.every((r) => r.verifiedAt !== null)).toBe(true);
      expect((await readdir(assetDir)).sort()).toEqual(rows.map((r) => r.storageKey).sort());
    } finally {
      await app.close();
      await fixture.dispose();
    }
  }, 400_000);
});
