import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@pho-so/server/config';
import { QrAssetEntity } from '@pho-so/server/db';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { loadDemoCity } from '@pho-so/server/dataset';
import { batchReport, createBatch, enqueueBatch } from '@pho-so/server/qr-assets';
import { BullMqJobQueue, bullMqPrefix, type PhoSoJobs } from '@pho-so/server/queue';
import { plateCodeFromSerial } from '@pho-so/shared/domain';
import { WorkerModule } from './worker.module';

const ROOT = join(__dirname, '../../..');
const DEMO_DATA_DIR = join(ROOT, 'data');

// Fault test: the compiled worker as its own process, SIGKILLed in the middle of a 1,000-plate batch.
describe('worker process killed mid-batch', () => {
  it('SIGKILL at ~20%, start again: the batch completes, every asset verified, one row per plate, no partial file', async () => {
    execFileSync(process.execPath, [join(ROOT, 'tools/build/compile-node.mjs')], { cwd: ROOT, stdio: 'ignore' });
    const db = await createMigratedDataSource('postgres');
    await db.dataSource.transaction((manager) => loadDemoCity(manager, DEMO_DATA_DIR));
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM plate`);
    const codes = Array.from({ length: 1000 - n }, (_, i) => plateCodeFromSerial('TB', 500_000 + i));
    await db.dataSource.query(
      `INSERT INTO plate (code, street_id, position_description, lat, lng, status, provenance)
       SELECT c, p.street_id, p.position_description, p.lat, p.lng, 'active', p.provenance
         FROM unnest($1::text[]) AS c, (SELECT * FROM plate ORDER BY code LIMIT 1) p`,
      [codes],
    );
    const assetDir = await mkdtemp(join(tmpdir(), 'worker-faults-'));
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      ...db.database.env,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `${process.env['TEST_REDIS_PREFIX'] ?? 'test:'}${randomBytes(4).toString('hex')}:`,
      ASSET_DIR: assetDir,
      PUBLIC_BASE_URL: 'https://phoso.example.vn',
    } as Record<string, string>;
    const config = loadConfig(env);
    const queue = new BullMqJobQueue<PhoSoJobs>({ connection: { url: config.REDIS_URL!, maxRetriesPerRequest: null }, prefix: bullMqPrefix(config.REDIS_KEY_PREFIX) });
    const startWorker = (): ChildProcess =>
      spawn(process.execPath, [join(ROOT, 'dist/node/apps/worker/src/main.js')], { cwd: ROOT, env, stdio: 'ignore' });
    let worker: ChildProcess | null = null;
    try {
      const { batch, items } = await createBatch(db.dataSource, {
        scope: { kind: 'all' },
        designVersion: 1,
        formats: ['svg'],
        requestedBy: 'test',
        publicBaseUrl: config.PUBLIC_BASE_URL,
      });
      expect(batch.total).toBe(1000);
      await enqueueBatch(queue, 1, items);
      worker = startWorker();
      let report = await batchReport(db.dataSource, batch.id);
      while ((report?.batch.done ?? 0) < 200) {
        await new Promise((r) => setTimeout(r, 50));
        report = await batchReport(db.dataSource, batch.id);
      }
      worker.kill('SIGKILL');
      await new Promise((r) => worker!.once('exit', r));
      expect(report!.batch.done).toBeLessThan(1000);
      worker = startWorker();
      // Jobs the killed worker held come back when their lock (30 s) lapses.
      for (let i = 0; i < 1800 && report && report.batch.status !== 'done' && report.batch.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        report = await batchReport(db.dataSource, batch.id);
      }
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
      worker?.kill('SIGTERM');
      if (worker && worker.exitCode === null) await new Promise((r) => worker!.once('exit', r));
      await queue.queue.obliterate({ force: true });
      await queue.close();
      await db.dispose();
      await rm(assetDir, { recursive: true, force: true });
    }
  }, 240_000);
});

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((r) => server.close(r));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A private redis-server without persistence, ready to accept connections. */
async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--maxmemory-policy', 'noeviction'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    redis.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return redis;
}

const stopRedis = async (redis: ChildProcess | null, signal: NodeJS.Signals): Promise<void> => {
  if (!redis || redis.exitCode !== null || redis.signalCode !== null) return;
  const exited = new Promise((r) => redis.once('exit', r));
  redis.kill(signal);
  await exited;
};

// Fault test: a private Redis (no persistence) killed and started again in the middle of a batch.
describe('Redis restarted mid-batch', () => {
  it('the worker reconnects, the sweeper re-enqueues the lost jobs, and the batch completes with one verified row per plate', async () => {
    const db = await createMigratedDataSource('postgres');
    await db.dataSource.transaction((manager) => loadDemoCity(manager, DEMO_DATA_DIR));
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM plate`);
    const codes = Array.from({ length: 400 - n }, (_, i) => plateCodeFromSerial('TB', 600_000 + i));
    await db.dataSource.query(
      `INSERT INTO plate (code, street_id, position_description, lat, lng, status, provenance)
       SELECT c, p.street_id, p.position_description, p.lat, p.lng, 'active', p.provenance
         FROM unnest($1::text[]) AS c, (SELECT * FROM plate ORDER BY code LIMIT 1) p`,
      [codes],
    );
    const assetDir = await mkdtemp(join(tmpdir(), 'redis-restart-'));
    const port = await freePort();
    let redis: ChildProcess | null = await startRedis(port);
    const config = loadConfig({
      NODE_ENV: 'test',
      ...db.database.env,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      REDIS_KEY_PREFIX: 'test-restart:',
      ASSET_DIR: assetDir,
      PUBLIC_BASE_URL: 'https://phoso.example.vn',
      QUEUE_SWEEP_INTERVAL_MS: '1000',
    });
    const queue = new BullMqJobQueue<PhoSoJobs>({ connection: { url: config.REDIS_URL!, maxRetriesPerRequest: null }, prefix: bullMqPrefix(config.REDIS_KEY_PREFIX) });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await app.init();
    try {
      const { batch, items } = await createBatch(db.dataSource, {
        scope: { kind: 'all' },
        designVersion: 1,
        formats: ['svg'],
        requestedBy: 'test',
        publicBaseUrl: config.PUBLIC_BASE_URL,
      });
      expect(batch.total).toBe(400);
      await enqueueBatch(queue, 1, items);
      let report = await batchReport(db.dataSource, batch.id);
      while ((report?.batch.done ?? 0) < 60) {
        await new Promise((r) => setTimeout(r, 20));
        report = await batchReport(db.dataSource, batch.id);
      }
      // Killed, not shut down: no save, no AOF, so every queued job is gone with it.
      await stopRedis(redis, 'SIGKILL');
      expect(report!.batch.done).toBeLessThan(400);
      await new Promise((r) => setTimeout(r, 500));
      redis = await startRedis(port);
      for (let i = 0; i < 450 && report && report.batch.status !== 'done' && report.batch.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        report = await batchReport(db.dataSource, batch.id);
      }
      expect(report?.batch).toMatchObject({ status: 'done', total: 400, done: 400, failed: 0 });
      const rows = await db.dataSource.getRepository(QrAssetEntity).find();
      expect(rows).toHaveLength(400);
      expect(new Set(rows.map((r) => r.plateId)).size).toBe(400);
      expect(rows.every((r) => r.verifiedAt !== null)).toBe(true);
      const files = (await readdir(assetDir)).filter((f) => !f.startsWith('.tmp-')).sort();
      expect(files).toEqual(rows.map((r) => r.storageKey).sort());
    } finally {
      await app.close();
      await queue.close();
      await stopRedis(redis, 'SIGTERM');
      await db.dispose();
      await rm(assetDir, { recursive: true, force: true });
    }
  }, 90_000);
});
