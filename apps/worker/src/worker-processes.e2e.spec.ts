import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { QrAssetEntity } from '@pho-so/server/db';
import { enqueueBatch } from '@pho-so/server/qr-assets';
import {
  compileWorker,
  finishedBatch,
  qrWorkerFixture,
  startWorkerProcess,
  stopWorkerProcess,
  type WorkerExit,
  type WorkerProcess,
} from './testing/qr-worker-fixture';

const PLATES = 400;
const WORKERS = ['worker-a', 'worker-b'];

// Integration (issue 5, faults): two compiled worker processes consume one Redis key prefix and share
// a batch on one Postgres database. Nothing is faked; the only addition is a trigger in this test's own
// database that records which process wrote each qr_asset row, told apart by the Postgres
// application_name each process connects with (set in its DATABASE_URL, which pg lets override the
// app's default). BullMQ records the worker only for named workers (`processedBy`), and ours are unnamed.
describe('two worker processes on one Redis', () => {
  it(`share a ${PLATES}-plate PNG batch: both render, one row and one sha256-named file per plate, a broken plate fails alone; SIGTERM stops both`, async () => {
    compileWorker();
    const fixture = await qrWorkerFixture({ plates: PLATES, firstSerial: 700_000 });
    const { db, assetDir, queue } = fixture;
    await db.dataSource.query(`
      CREATE TABLE test_asset_writer (plate_id uuid NOT NULL, format text NOT NULL, writer text NOT NULL);
      CREATE FUNCTION test_record_asset_writer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO test_asset_writer VALUES (NEW.plate_id, NEW.format, current_setting('application_name'));
        RETURN NULL;
      END $$;
      CREATE TRIGGER test_asset_writer AFTER INSERT OR UPDATE ON qr_asset FOR EACH ROW EXECUTE FUNCTION test_record_asset_writer();
    `);
    const workers: WorkerProcess[] = [];
    try {
      for (const name of WORKERS) {
        const url = new URL(fixture.env['DATABASE_URL']!);
        url.searchParams.set('application_name', name);
        workers.push(startWorkerProcess(fixture, { DATABASE_URL: url.toString() }));
      }
      // Both consume before the first job exists, so neither can take the whole batch alone.
      await Promise.all(workers.map((w) => w.ready()));

      const { batch, items } = await fixture.batchOfAllPlates(['png']);
      expect(batch.total).toBe(PLATES);
      // A plate whose data cannot be rendered (its code is no plate code any more).
      const broken = items[7]!;
      await db.dataSource.query(`UPDATE plate SET code = 'BROKEN' WHERE id = $1`, [broken.plateId]);
      await enqueueBatch(queue, 1, items);
      const report = await finishedBatch(fixture, batch.id, 90_000);

      // Every other plate is done; the broken one failed, alone, with its reason.
      expect(report.batch).toMatchObject({ status: 'failed', total: PLATES, done: PLATES - 1, failed: 1 });
      expect(report.failures).toEqual([{ code: 'BROKEN', format: 'png', reason: expect.stringMatching(/not a plate code/) }]);

      // Both processes rendered part of the batch.
      const writers = (await db.dataSource.query(`SELECT writer, count(*)::int AS n FROM test_asset_writer GROUP BY writer ORDER BY writer`)) as Array<{ writer: string; n: number }>;
      expect(writers.map((w) => w.writer)).toEqual(WORKERS);
      expect(writers.every((w) => w.n > 0)).toBe(true);

      // One verified row per plate and format, none for the broken plate.
      const rows = await db.dataSource.getRepository(QrAssetEntity).find();
      expect(rows).toHaveLength(PLATES - 1);
      expect(new Set(rows.map((r) => `${r.plateId}/${r.designVersion}/${r.format}`)).size).toBe(PLATES - 1);
      expect(rows.some((r) => r.plateId === broken.plateId)).toBe(false);
      expect(rows.every((r) => r.format === 'png' && r.verifiedAt !== null && r.storageKey === `${r.sha256}.png`)).toBe(true);

      // The folder holds exactly the rows' files: no second file for any plate, no temporary file, and
      // every file is named by the sha256 of its content.
      const files = (await readdir(assetDir)).sort();
      expect(files.filter((f) => f.startsWith('.tmp-'))).toEqual([]);
      expect(files).toEqual(rows.map((r) => r.storageKey).sort());
      for (const file of files) {
        expect(`${createHash('sha256').update(await readFile(join(assetDir, file))).digest('hex')}.png`).toBe(file);
      }

      // SIGTERM: both drain and exit. The bound is for liveness (a hung shutdown), not speed.
      const exits = await Promise.all(workers.map((w) => withinMs(stopWorkerProcess(w, 'SIGTERM'), 30_000, w)));
      for (const exit of exits) expect(cleanExit(exit)).toBe(true);
    } finally {
      for (const worker of workers) await withinMs(stopWorkerProcess(worker, 'SIGKILL'), 10_000, worker).catch(() => undefined);
      await fixture.dispose();
    }
  }, 150_000);
});

/**
 * A worker stopped by SIGTERM ran its shutdown hooks without error and exited with code 0
 * (exitOnShutdownSignals: Nest's `useProcessExit`, not the re-raised signal that a shell shows as 143);
 * an error during shutdown exits 1.
 */
const cleanExit = (exit: WorkerExit | null): boolean => exit !== null && exit.code === 0 && exit.signal === null;

async function withinMs<T>(promise: Promise<T>, ms: number, worker: WorkerProcess): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`worker ${worker.child.pid} did not exit within ${ms} ms:\n${worker.output()}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
