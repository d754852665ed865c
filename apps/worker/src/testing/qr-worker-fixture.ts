// What the worker's QR tests share: a Postgres database with the demo city (topped up with synthetic
// plates when a test needs more), a private asset folder, the worker's configuration on the real Redis
// under a key prefix of its own, and the BullMQ queue the API would enqueue to; and the compiled worker
// started as a process of its own.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@pho-so/server/config';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { demoCitySeed } from '@pho-so/server/dataset/testing';
import { batchReport, createBatch } from '@pho-so/server/qr-assets';
import { BullMqJobQueue, bullMqPrefix, type PhoSoJobs } from '@pho-so/server/queue';
import { plateCodeFromSerial } from '@pho-so/shared/domain';

export const REPO_ROOT = join(__dirname, '../../../..');
const DEMO_DATA_DIR = join(REPO_ROOT, 'data');

export interface QrWorkerFixture {
  db: Awaited<ReturnType<typeof createMigratedDataSource>>;
  assetDir: string;
  /** The environment the worker runs with (also for a worker started as its own process). */
  env: Record<string, string>;
  config: AppConfig;
  queue: BullMqJobQueue<PhoSoJobs>;
  /** A batch of every plate, design 1, SVG unless said otherwise (the cheapest format to render). */
  batchOfAllPlates(formats?: Array<'svg' | 'png' | 'pdf'>): ReturnType<typeof createBatch>;
  dispose(): Promise<void>;
}

export interface QrWorkerFixtureOptions {
  /** Top the demo city's plates up to this many with synthetic ones on its first plate's street. */
  plates?: number;
  /** First serial of the synthetic plates' codes (distinct per test, so files never collide). */
  firstSerial?: number;
  /** Redis to use instead of the machine's (e.g. a private server a fault test restarts). */
  redisUrl?: string;
  env?: Record<string, string>;
}

export async function qrWorkerFixture({ plates, firstSerial = 500_000, redisUrl, env: extra = {} }: QrWorkerFixtureOptions = {}): Promise<QrWorkerFixture> {
  const db = await createMigratedDataSource('postgres', { seed: demoCitySeed(DEMO_DATA_DIR) });
  if (plates !== undefined) {
    const [count] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM plate`)) as Array<{ n: number }>;
    const codes = Array.from({ length: Math.max(0, plates - (count?.n ?? 0)) }, (_, i) => plateCodeFromSerial('TB', firstSerial + i));
    await db.dataSource.query(
      `INSERT INTO plate (code, street_id, position_description, lat, lng, status, provenance)
       SELECT c, p.street_id, p.position_description, p.lat, p.lng, 'active', p.provenance
         FROM unnest($1::text[]) AS c, (SELECT * FROM plate ORDER BY code LIMIT 1) p`,
      [codes],
    );
  }
  const assetDir = await mkdtemp(join(tmpdir(), 'qr-worker-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    ...db.database.env,
    REDIS_URL: redisUrl ?? process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `${process.env['TEST_REDIS_PREFIX'] ?? 'test:'}${randomBytes(4).toString('hex')}:`,
    ASSET_DIR: assetDir,
    PUBLIC_BASE_URL: 'https://phoso.example.vn',
    ...extra,
  };
  const config = loadConfig(env);
  const queue = new BullMqJobQueue<PhoSoJobs>({
    connection: { url: config.REDIS_URL!, maxRetriesPerRequest: null },
    prefix: bullMqPrefix(config.REDIS_KEY_PREFIX),
  });
  return {
    db,
    assetDir,
    env,
    config,
    queue,
    batchOfAllPlates: (formats = ['svg']) =>
      createBatch(db.dataSource, { scope: { kind: 'all' }, designVersion: 1, formats, requestedBy: 'test', publicBaseUrl: config.PUBLIC_BASE_URL }),
    async dispose() {
      await queue.queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close().catch(() => undefined);
      await db.dispose();
      await rm(assetDir, { recursive: true, force: true });
    },
  };
}

/**
 * Polls the batch until it is done or failed (every 100 ms, at most `timeoutMs`), and returns its report.
 * The bound is for liveness, not speed: each file is rendered and decoded again (some 180 ms of CPU on
 * the 2-core CI machine while other suites run), so a whole-city batch takes about a minute there.
 */
export async function finishedBatch(fixture: Pick<QrWorkerFixture, 'db'>, batchId: string, timeoutMs = 180_000): Promise<NonNullable<Awaited<ReturnType<typeof batchReport>>>> {
  const deadline = Date.now() + timeoutMs;
  let report: Awaited<ReturnType<typeof batchReport>> = null;
  while (Date.now() < deadline) {
    report = await batchReport(fixture.db.dataSource, batchId);
    if (report && (report.batch.status === 'done' || report.batch.status === 'failed')) return report;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Where it stood tells a stuck batch (items that never move) from a slow one.
  const where = report ? `${report.batch.status}, ${report.batch.done} done and ${report.batch.failed} failed of ${report.batch.total}` : 'no such batch';
  throw new Error(`batch ${batchId} did not finish in ${timeoutMs} ms (${where})`);
}

/** Polls (every 20 ms) until at least `done` items of the batch are done, and returns that report. */
export async function batchReachedDone(fixture: Pick<QrWorkerFixture, 'db'>, batchId: string, done: number, timeoutMs = 60_000): Promise<NonNullable<Awaited<ReturnType<typeof batchReport>>>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const report = await batchReport(fixture.db.dataSource, batchId);
    if (report && report.batch.done >= done) return report;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`batch ${batchId} did not reach ${done} done items in ${timeoutMs} ms`);
}

/** Compiles the Node side to dist/node (SWC, a fraction of a second), so the worker can run as a process. */
export function compileWorker(): void {
  execFileSync(process.execPath, [join(REPO_ROOT, 'tools/build/compile-node.mjs')], { cwd: REPO_ROOT, stdio: 'ignore' });
}

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WorkerProcess {
  child: ChildProcess;
  /** What the process wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** Resolves once the worker logged that it consumes jobs; rejects if it exits first or takes longer than `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;
  /** Settles when the process has exited. */
  exited: Promise<WorkerExit>;
}

/**
 * The compiled worker (`dist/node/apps/worker/src/main.js`, see compileWorker) as its own process, with
 * the fixture's environment (plus `env`) over this process's.
 */
export function startWorkerProcess(fixture: Pick<QrWorkerFixture, 'env'>, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/node/apps/worker/src/main.js')], {
    cwd: REPO_ROOT,
    // ready() waits for the 'consuming jobs' line, an info line; NODE_ENV=test alone would log warn and up.
    env: { LOG_LEVEL: 'info', ...process.env, ...fixture.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<WorkerExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    output: () => output,
    exited,
    async ready(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes('consuming jobs')) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the worker exited before it was ready:\n${output}`);
        if (Date.now() > deadline) throw new Error(`the worker was not ready in ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Sends `signal` unless the process has exited already, and waits for it to exit. */
export async function stopWorkerProcess(worker: WorkerProcess | null, signal: NodeJS.Signals = 'SIGTERM'): Promise<WorkerExit | null> {
  if (!worker) return null;
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill(signal);
  return worker.exited;
}
