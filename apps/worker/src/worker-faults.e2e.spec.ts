import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { QrAssetEntity } from '@pho-so/server/db';
import { enqueueBatch } from '@pho-so/server/qr-assets';
import {
  batchReachedDone,
  compileWorker,
  finishedBatch,
  qrWorkerFixture,
  startWorkerProcess,
  stopWorkerProcess,
  type WorkerProcess,
} from './testing/qr-worker-fixture';
import { freePort, startRedis, stopRedis } from './testing/private-redis';
import { WorkerModule } from './worker.module';

// Fault test: the compiled worker as its own process, SIGKILLed in the middle of a 1,000-plate batch.
describe('worker process killed mid-batch', () => {
  it('SIGKILL at ~20%, start again: the batch completes, every asset verified, one row per plate, no partial file', async () => {
    compileWorker();
    const fixture = await qrWorkerFixture({ plates: 1000, firstSerial: 500_000 });
    const { db, assetDir, queue } = fixture;
    let worker: WorkerProcess | null = null;
    try {
      const { batch, items } = await fixture.batchOfAllPlates();
      expect(batch.total).toBe(1000);
      await enqueueBatch(queue, 1, items);
      worker = startWorkerProcess(fixture);
      let report = await batchReachedDone(fixture, batch.id, 200);
      await stopWorkerProcess(worker, 'SIGKILL');
      expect(report!.batch.done).toBeLessThan(1000);
      worker = startWorkerProcess(fixture);
      // Jobs the killed worker held come back when their lock (30 s) lapses.
      report = await finishedBatch(fixture, batch.id, 180_000);
      expect(report?.batch).toMatchObject({ status: 'done', total: 1000, done: 1000, failed: 0 });
      const rows = await db.dataSource.getRepository(QrAssetEntity).find();
      expect(rows).toHaveLength(1000);
      expect(new Set(rows.map((r) => r.plateId)).size).toBe(1000);
      expect(rows.every((r) => r.verifiedAt !== null)).toBe(true);
      const files = (await readdir(assetDir)).filter((f) => !f.startsWith('.tmp-')).sort();
      expect(files).toEqual(rows.map((r) => r.storageKey).sort());
      // No partial file under a real name: every file hashes to its name.
      for (const file of files) {
        expect(`${createHash('sha256').update(await readFile(join(assetDir, file))).digest('hex')}.svg`).toBe(file);
      }
    } finally {
      await stopWorkerProcess(worker);
      await fixture.dispose();
    }
  }, 240_000);
});

// Fault test: a private Redis (no persistence) killed and started again in the middle of a batch.
describe('Redis restarted mid-batch', () => {
  it('the worker reconnects, the sweeper re-enqueues the lost jobs, and the batch completes with one verified row per plate', async () => {
    const port = await freePort();
    let redis: ChildProcess | null = await startRedis(port);
    const fixture = await qrWorkerFixture({
      plates: 400,
      firstSerial: 600_000,
      redisUrl: `redis://127.0.0.1:${port}`,
      env: { QUEUE_SWEEP_INTERVAL_MS: '1000' },
    });
    const { db, assetDir, config, queue } = fixture;
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await app.init();
    try {
      const { batch, items } = await fixture.batchOfAllPlates();
      expect(batch.total).toBe(400);
      await enqueueBatch(queue, 1, items);
      let report = await batchReachedDone(fixture, batch.id, 60);
      // Killed, not shut down: no save, no AOF, so every queued job is gone with it.
      await stopRedis(redis, 'SIGKILL');
      expect(report!.batch.done).toBeLessThan(400);
      await new Promise((r) => setTimeout(r, 500));
      redis = await startRedis(port);
      // A liveness bound, not a speed check: ioredis' reconnect back-off and a loaded 2-core machine
      // (seen: over 45 s while other suites ran) both stretch the time to the last job.
      report = await finishedBatch(fixture, batch.id, 150_000);
      expect(report?.batch).toMatchObject({ status: 'done', total: 400, done: 400, failed: 0 });
      const rows = await db.dataSource.getRepository(QrAssetEntity).find();
      expect(rows).toHaveLength(400);
      expect(new Set(rows.map((r) => r.plateId)).size).toBe(400);
      expect(rows.every((r) => r.verifiedAt !== null)).toBe(true);
      const files = (await readdir(assetDir)).filter((f) => !f.startsWith('.tmp-')).sort();
      expect(files).toEqual(rows.map((r) => r.storageKey).sort());
    } finally {
      await app.close();
      await fixture.dispose();
      await stopRedis(redis, 'SIGTERM');
    }
  }, 240_000);
});
