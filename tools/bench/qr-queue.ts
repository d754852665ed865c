// Benchmark (not a test): plate QR rendering through BullMQ, against the plain loop, in one run; and
// the whole demo city through the real batch pipeline.
//
//   npm run bench:qr-queue -- [--plates 10000] [--verified-plates 10000] [--formats svg,png,pdf]
//                             [--concurrency <cores>] [--threads <cores>] [--skip-demo-city]
//
// Per format, back to back so that both see the same minute of this shared machine:
// (b) the renderer in a plain loop on the main thread (one core), 10,000 synthetic plates;
// (c) the same plates as BullMQ jobs on the real Redis, consumed by `createBullMqWorker` (the
//     production worker's) at concurrency = availableParallelism(), each job rendering in the
//     worker-thread `RenderPool` (one thread per core), as apps/worker's QueueConsumerService does.
// Two pairs: "render" (renderPlateAsset: what the plain-loop section of docs/benchmarks.md §5 times;
// thread script tools/bench/qr-render-thread.ts) and "render+verify" (renderVerified, the production
// thread script: the symbol's PNG decoded by fast-png + jsqr). Jobs are enqueued with addBulk while the
// queue is paused; the clock runs from resume to the last `completed` event. No database, no storage.
// (d) the demo city (data/) in a fresh Postgres database: createBatch (all plates, design 1, svg+png+pdf)
//     → enqueueBatch (the API's producer) → BullMQ → qrJobHandlers (render in the pool, verify, store
//     in a temporary folder, upsert, settle the batch) → batch done → buildBundle (ZIP with proof
//     sheets and manifest). Wall time per phase and the ZIP size.
// Everything in Redis lives under a random private prefix and is deleted at the end.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { Worker } from 'bullmq';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { loadDemoCity } from '@pho-so/server/dataset';
import { renderPlateAsset, type PlateAssetInput, type QrAssetFormat } from '@pho-so/server/qr';
import {
  batchReport,
  buildBundle,
  createBatch,
  enqueueBatch,
  LocalFolderStorage,
  qrJobHandlers,
  RENDER_THREAD_SCRIPT,
  RenderPool,
  renderVerified,
  type Renderer,
} from '@pho-so/server/qr-assets';
import { BullMqJobQueue, createBullMqWorker, jobId, type BullMqSettings, type PhoSoJobs } from '@pho-so/server/queue';
import { plateCodeFromSerial } from '@pho-so/shared/domain';
import { describeCheckout } from './lib/checkout';
import { machineDescription } from './lib/machine';

const FORMATS: readonly QrAssetFormat[] = ['svg', 'png', 'pdf'];
const BASE_URL = 'https://phoso.hungyen.gov.vn';

interface Options {
  plates: number;
  verifiedPlates: number;
  formats: QrAssetFormat[];
  concurrency: number;
  threads: number;
  warmup: number;
  demoCity: boolean;
  redisUrl: string;
}

const USAGE = `usage: node dist/node/tools/bench/qr-queue.js [--plates 10000] [--verified-plates 10000]
       [--formats svg,png,pdf] [--concurrency N] [--threads N] [--warmup 200] [--skip-demo-city]
       [--redis-url redis://127.0.0.1:6379]`;

function parseOptions(argv: string[]): Options {
  const cores = availableParallelism();
  const options: Options = {
    plates: 10_000,
    verifiedPlates: 10_000,
    formats: [...FORMATS],
    concurrency: cores,
    threads: cores,
    warmup: 200,
    demoCity: true,
    redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--skip-demo-city') {
      options.demoCity = false;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(USAGE);
    switch (flag) {
      case '--plates': options.plates = Number(value); break;
      case '--verified-plates': options.verifiedPlates = Number(value); break;
      case '--formats': options.formats = value.split(',').map((f) => {
        if (!FORMATS.includes(f as QrAssetFormat)) throw new Error(USAGE);
        return f as QrAssetFormat;
      }); break;
      case '--concurrency': options.concurrency = Number(value); break;
      case '--threads': options.threads = Number(value); break;
      case '--warmup': options.warmup = Number(value); break;
      case '--redis-url': options.redisUrl = value; break;
      default: throw new Error(USAGE);
    }
  }
  options.verifiedPlates = Math.min(options.verifiedPlates, options.plates);
  return options;
}

/** The bench's own job: one file of one synthetic plate, rendered from its data (no database). */
interface BenchJobs {
  'bench.render': { n: number; format: QrAssetFormat };
}

interface Timing {
  plates: number;
  seconds: number;
  bytes: number;
}

const rate = (t: Timing): number => t.plates / t.seconds;
const loadAverage = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

function printTiming(name: string, t: Timing, extra = ''): void {
  console.log(
    `${name.padEnd(30)} ${String(t.plates).padStart(6)} plates  ${t.seconds.toFixed(2).padStart(8)} s  ${rate(t).toFixed(0).padStart(6)} plates/s  ${((1000 * t.seconds) / t.plates).toFixed(3).padStart(7)} ms/plate  ${(t.bytes / t.plates).toFixed(0).padStart(6)} B/file  load ${loadAverage()}${extra}`,
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = resolve(__dirname, '../../../..');
  const renderOnlyScript = join(__dirname, 'qr-render-thread.js');
  for (const script of [renderOnlyScript, RENDER_THREAD_SCRIPT]) {
    if (!existsSync(script)) throw new Error(`${script} is missing: run the compiled bench (npm run bench:qr-queue)`);
  }
  const prefix = `bench-qr-${randomBytes(6).toString('hex')}`;
  console.log(`qr-queue: ${machineDescription()}`);
  console.log(`code: ${describeCheckout(root)}`);
  console.log(`started ${new Date().toISOString()}, load average ${loadAverage()}`);
  console.log(
    `(c): BullMQ worker concurrency ${options.concurrency}, RenderPool ${options.threads} thread(s), Redis ${options.redisUrl}, prefix ${prefix}; warm-up ${options.warmup} per loop\n`,
  );

  const codes = Array.from({ length: options.plates }, (_, n) => plateCodeFromSerial('TB', n));
  const input = (n: number): PlateAssetInput => ({ publicBaseUrl: BASE_URL, code: codes[n] ?? '', streetName: `Phố thử nghiệm số ${n}` });
  const settings: BullMqSettings = { connection: { url: options.redisUrl, maxRetriesPerRequest: null }, prefix };
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const results: Array<{ pair: string; format: QrAssetFormat; b: Timing; c: Timing; enqueueSeconds: number }> = [];
  let failures = 0;

  try {
    for (const pair of ['render', 'render+verify'] as const) {
      const plates = pair === 'render' ? options.plates : options.verifiedPlates;
      if (plates <= 0) continue;
      const verify = pair === 'render+verify';
      const pool = new RenderPool(verify ? RENDER_THREAD_SCRIPT : renderOnlyScript, options.threads);
      const plain: Renderer = verify
        ? renderVerified
        : async (i, f, o) => ({ ...(await renderPlateAsset(i, f, o)), verification: { ok: true, decoded: '' } });
      const queue = new BullMqJobQueue<BenchJobs>(settings);
      let completed = 0;
      let failed = 0;
      let bytes = 0;
      let onProgress = (): void => undefined;
      const worker: Worker = createBullMqWorker<BenchJobs>(
        settings,
        {
          'bench.render': async ({ n, format }) => {
            const result = await pool.render(input(n), format, {});
            if (!result.verification.ok) throw new Error(`${codes[n]} ${format} not verified: ${result.verification.reason}`);
            bytes += result.bytes.length;
          },
        },
        options.concurrency,
      );
      worker.on('completed', () => {
        completed++;
        onProgress();
      });
      worker.on('failed', (job, error) => {
        failed++;
        console.error(`job ${job?.id} failed: ${error.message}`);
        onProgress();
      });
      worker.on('error', (error) => console.error(`queue: ${error.message}`));
      await worker.waitUntilReady();

      /** Enqueues plates [from, to) of one format (addBulk, queue paused), then times resume → last completion. */
      const throughQueue = async (format: QrAssetFormat, from: number, to: number, tag: string): Promise<{ timing: Timing; enqueueSeconds: number }> => {
        await queue.queue.pause();
        const enqueueStarted = performance.now();
        for (let i = from; i < to; i += 1000) {
          const chunk = Array.from({ length: Math.min(1000, to - i) }, (_, k) => i + k);
          await queue.queue.addBulk(
            chunk.map((n) => ({
              name: 'bench.render',
              data: { n, format },
              opts: { jobId: jobId('bench', tag, codes[n] ?? n, format), removeOnComplete: true },
            })),
          );
        }
        const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
        completed = 0;
        failed = 0;
        bytes = 0;
        const target = to - from;
        const done = new Promise<void>((resolveDone) => {
          onProgress = () => {
            if (completed + failed >= target) resolveDone();
          };
        });
        const started = performance.now();
        await queue.queue.resume();
        await done;
        const seconds = (performance.now() - started) / 1000;
        failures += failed;
        return { timing: { plates: completed, seconds, bytes }, enqueueSeconds };
      };

      try {
        for (const format of options.formats) {
          const warmup = Math.min(verify || format === 'pdf' ? Math.min(options.warmup, 20) : options.warmup, plates);
          const plainLoop = async (): Promise<Timing> => {
            for (let n = 0; n < warmup; n++) await plain(input(n), format, {});
            let total = 0;
            const started = performance.now();
            for (let n = 0; n < plates; n++) {
              const result = await plain(input(n), format, {});
              if (!result.verification.ok) failures++;
              total += result.bytes.length;
            }
            return { plates, seconds: (performance.now() - started) / 1000, bytes: total };
          };
          const b = await plainLoop();
          printTiming(`(b) plain loop ${pair} ${format}`, b);
          await throughQueue(format, 0, warmup, 'warmup');
          const { timing: c, enqueueSeconds } = await throughQueue(format, 0, plates, 'timed');
          printTiming(`(c) BullMQ ${pair} ${format}`, c, `  (addBulk ${enqueueSeconds.toFixed(2)} s before)  c/b ${(rate(c) / rate(b)).toFixed(2)}`);
          results.push({ pair, format, b, c, enqueueSeconds });
        }
      } finally {
        await worker.close();
        await pool.close();
        await queue.queue.obliterate({ force: true });
        await queue.close();
      }
    }

    if (results.length > 0) {
      console.log(`\n| pair | format | plates | (b) plain loop, 1 core: plates/s | (c) BullMQ, concurrency ${options.concurrency}, ${options.threads} threads: plates/s | c/b | addBulk s |`);
      console.log('|---|---|---:|---:|---:|---:|---:|');
      for (const r of results) {
        console.log(`| ${r.pair} | ${r.format} | ${r.b.plates} | ${rate(r.b).toFixed(0)} | ${rate(r.c).toFixed(0)} | ${(rate(r.c) / rate(r.b)).toFixed(2)} | ${r.enqueueSeconds.toFixed(2)} |`);
      }
      for (const pair of ['render', 'render+verify']) {
        const rows = results.filter((r) => r.pair === pair);
        if (rows.length === FORMATS.length) {
          const all = (t: (r: (typeof rows)[number]) => Timing) => 1 / rows.reduce((sum, r) => sum + 1 / rate(t(r)), 0);
          console.log(`${pair}, all three formats: (b) ${all((r) => r.b).toFixed(0)} plates/s, (c) ${all((r) => r.c).toFixed(0)} plates/s, c/b ${(all((r) => r.c) / all((r) => r.b)).toFixed(2)} (goal ≥ 0.80)`);
        }
      }
    }

    if (options.demoCity) await demoCity(root, settings, options);
  } finally {
    const left = await deleteKeys(redis, prefix);
    console.log(`\nRedis: deleted ${left.deleted} key(s) under ${prefix}:*, ${left.remaining} remain`);
    redis.disconnect();
  }
  console.log(`finished ${new Date().toISOString()}, load average ${loadAverage()}`);
  if (failures > 0) {
    console.error(`${failures} render(s) failed or did not verify`);
    process.exitCode = 1;
  }
}

/** (d): the whole demo city, all three formats, through the real pipeline, then the ZIP. */
async function demoCity(root: string, settings: BullMqSettings, options: Options): Promise<void> {
  console.log(`\n(d) demo city: fresh Postgres database, ${join(root, 'data')}`);
  const db = await createMigratedDataSource('postgres');
  const assetDir = await mkdtemp(join(tmpdir(), 'bench-qr-assets-'));
  const pool = new RenderPool(RENDER_THREAD_SCRIPT, options.threads);
  const producer = new BullMqJobQueue<PhoSoJobs>(settings);
  let worker: Worker | null = null;
  try {
    await db.dataSource.transaction((manager) => loadDemoCity(manager, join(root, 'data')));
    const storage = new LocalFolderStorage(assetDir);
    const handlers = qrJobHandlers({ dataSource: db.dataSource, storage, settings: { PUBLIC_BASE_URL: BASE_URL }, renderer: pool.render });
    worker = createBullMqWorker<PhoSoJobs>(settings, handlers, options.concurrency);
    worker.on('failed', (job, error) => console.error(`job ${job?.id} failed: ${error.message}`));
    worker.on('error', (error) => console.error(`queue: ${error.message}`));
    await worker.waitUntilReady();
    console.log(`load average ${loadAverage()}`);

    const started = performance.now();
    const { batch, items } = await createBatch(db.dataSource, {
      scope: { kind: 'all' },
      designVersion: 1,
      formats: [...FORMATS],
      requestedBy: 'bench',
      publicBaseUrl: BASE_URL,
    });
    const created = performance.now();
    await enqueueBatch(producer, 1, items);
    const enqueued = performance.now();
    let report = await batchReport(db.dataSource, batch.id);
    while (report && report.batch.status !== 'done' && report.batch.status !== 'failed') {
      await new Promise((r) => setTimeout(r, 20));
      report = await batchReport(db.dataSource, batch.id);
    }
    const finished = performance.now();
    const zip = await buildBundle(db.dataSource, storage, batch.id);
    const bundled = performance.now();
    const plates = new Set(items.map((i) => i.plateId)).size;
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    console.log(`batch ${report?.batch.status}: ${plates} plates × ${FORMATS.length} formats = ${items.length} files, done ${report?.batch.done}, failed ${report?.batch.failed}`);
    console.log(`  create batch (plan + rows)       ${s(created - started)}`);
    console.log(`  enqueue (enqueueBatch: enqueueMany, addBulk; the worker already renders) ${s(enqueued - created)}`);
    console.log(`  render + verify + store → done   ${s(finished - created)} after the batch was created (${(items.length / ((finished - created) / 1000)).toFixed(0)} files/s)`);
    console.log(`  bundle (ZIP, proof sheets, manifest) ${s(bundled - finished)}: ${zip.length} bytes (${(zip.length / 2 ** 20).toFixed(2)} MiB)`);
    console.log(`  total wall time                  ${s(bundled - started)}   load average ${loadAverage()}`);
    if (report?.batch.status !== 'done') process.exitCode = 1;
  } finally {
    await worker?.close();
    await pool.close();
    await producer.queue.obliterate({ force: true }).catch(() => undefined);
    await producer.close();
    await db.dispose();
    await rm(assetDir, { recursive: true, force: true });
  }
}

async function deleteKeys(redis: Redis, prefix: string): Promise<{ deleted: number; remaining: number }> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  const [, remaining] = await redis.scan('0', 'MATCH', `${prefix}:*`, 'COUNT', 100_000);
  return { deleted, remaining: remaining.length };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
