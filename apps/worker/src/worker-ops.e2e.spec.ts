import type { ChildProcess } from 'node:child_process';
import { enqueueBatch } from '@pho-so/server/qr-assets';
import { freePort, startRedis, stopRedis } from './testing/private-redis';
import {
  batchReachedDone,
  compileWorker,
  qrWorkerFixture,
  startWorkerProcess,
  stopWorkerProcess,
  type WorkerExit,
  type WorkerProcess,
} from './testing/qr-worker-fixture';

// The compiled worker as its own process, with its ops listener on a port of the test's choosing:
// its health as Docker sees it when Redis goes away (a private redis-server the test stops), the
// watchdog that exits so the restart policy can act, and a clean exit on SIGTERM. Every wait has a
// generous bound for liveness only; nothing here measures speed.

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text } };
}

/** Polls `probe` every 200 ms until it returns true; fails after `timeoutMs` with the worker's output. */
async function until(probe: () => Promise<boolean>, timeoutMs: number, what: string, worker: WorkerProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} not seen within ${timeoutMs} ms:\n${worker.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function exitWithin(worker: WorkerProcess, ms: number): Promise<WorkerExit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`worker ${worker.child.pid} did not exit within ${ms} ms:\n${worker.output()}`)), ms);
  });
  try {
    return await Promise.race([worker.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The fixture's ready() waits for the worker's 'consuming jobs' line, an info line (NODE_ENV=test logs warn and up). */
const INFO_LOGS = { LOG_LEVEL: 'info' };

const running = (worker: WorkerProcess) => worker.child.exitCode === null && worker.child.signalCode === null;

describe('worker health on a Redis that goes away', () => {
  beforeAll(() => compileWorker());

  async function setUp(lostExitSeconds: number) {
    const redisPort = await freePort();
    const redis = await startRedis(redisPort);
    const fixture = await qrWorkerFixture({ redisUrl: `redis://127.0.0.1:${redisPort}` });
    // This process's own producer sees the outage too; its connection errors are expected.
    fixture.queue.queue.on('error', () => undefined);
    const opsPort = await freePort();
    const worker = startWorkerProcess(fixture, {
      ...INFO_LOGS,
      OPS_PORT: String(opsPort),
      OPS_HOST: '127.0.0.1',
      WORKER_REDIS_LOST_EXIT_SECONDS: String(lostExitSeconds),
    });
    return { redis, redisPort, fixture, worker, ops: `http://127.0.0.1:${opsPort}` };
  }

  /** Stops the worker, and brings Redis back if needed so the fixture can empty and close its queue. */
  async function tearDown(worker: WorkerProcess, redis: ChildProcess | null, redisPort: number, fixture: Awaited<ReturnType<typeof qrWorkerFixture>>) {
    await stopWorkerProcess(worker, 'SIGKILL');
    const alive = redis && redis.exitCode === null && redis.signalCode === null ? redis : await startRedis(redisPort);
    await fixture.dispose().catch(() => undefined);
    await stopRedis(alive, 'SIGKILL');
  }

  it('turns not ready while live stays 200, and exits with code 1 once Redis has been gone for WORKER_REDIS_LOST_EXIT_SECONDS', async () => {
    const { redis, redisPort, fixture, worker, ops } = await setUp(5);
    try {
      await worker.ready();
      await until(async () => (await get(`${ops}/health/ready`)).status === 200, 30_000, 'ready', worker);
      const ready = await get(`${ops}/health/ready`);
      expect(ready.body).toMatchObject({ status: 'ready', checks: { database: 'up', redis: 'up', queueConsumer: 'up' } });
      const metrics = await fetch(`${ops}/metrics`);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toMatch(/^pho_so_queue_jobs\{queue="pho-so",state="waiting"\} 0$/m);
      expect(text).toMatch(/^pho_so_qr_batches_unfinished 0$/m);
      expect(text).toMatch(/^pho_so_process_resident_memory_bytes \d+/m);

      await stopRedis(redis, 'SIGKILL');
      // The readiness ping and the consumer's two connections notice the loss separately (a few
      // milliseconds apart), so the first 503 may still show the consumer up: wait for the answer
      // in which the consumer, too, is down.
      let notReady: Awaited<ReturnType<typeof get>> | null = null;
      await until(
        async () => {
          const answer = await get(`${ops}/health/ready`);
          const checks = answer.body['checks'] as Record<string, unknown> | undefined;
          if (answer.status === 503 && checks?.['queueConsumer'] === 'down') notReady = answer;
          return notReady !== null;
        },
        30_000,
        '503 from /health/ready',
        worker,
      );
      expect(notReady!.body).toMatchObject({ status: 503, title: 'Not ready', checks: { database: 'up', redis: 'down', queueConsumer: 'down' } });
      expect(String(notReady!.body['detail'])).toMatch(/redis and queueConsumer not reachable/);
      if (running(worker)) expect((await get(`${ops}/health/live`)).status).toBe(200);

      const exit = await exitWithin(worker, 60_000);
      expect(exit).toEqual({ code: 1, signal: null });
      expect(worker.output()).toMatch(/exiting with code 1 so that the container is restarted/);
    } finally {
      await tearDown(worker, redis, redisPort, fixture);
    }
  }, 150_000);

  it('comes back to ready and stays up when Redis returns before the deadline', async () => {
    const lostExitSeconds = 12;
    const setup = await setUp(lostExitSeconds);
    const { redisPort, fixture, worker, ops } = setup;
    let redis: ChildProcess | null = setup.redis;
    try {
      await worker.ready();
      await until(async () => (await get(`${ops}/health/ready`)).status === 200, 30_000, 'ready', worker);
      await stopRedis(redis, 'SIGKILL');
      const lostAt = Date.now();
      await until(async () => (await get(`${ops}/health/ready`)).status === 503, 30_000, '503 from /health/ready', worker);
      redis = await startRedis(redisPort);
      await until(async () => (await get(`${ops}/health/ready`)).status === 200, 60_000, 'ready again', worker);
      // Past the deadline counted from the loss: the watchdog was reset by the good checks.
      await new Promise((r) => setTimeout(r, Math.max(0, lostAt + (lostExitSeconds + 3) * 1000 - Date.now())));
      expect(running(worker)).toBe(true);
      expect((await get(`${ops}/health/ready`)).status).toBe(200);
      expect(worker.output()).toMatch(/ready again after/);
      worker.child.kill('SIGTERM');
      const exit = await exitWithin(worker, 60_000);
      expect(exit).toEqual({ code: 0, signal: null });
    } finally {
      await tearDown(worker, redis, redisPort, fixture);
    }
  }, 150_000);
});

describe('worker stopped with SIGTERM in the middle of a batch', () => {
  it('lets the jobs in flight finish, ignores a second SIGTERM and a SIGINT meanwhile, and exits with code 0', async () => {
    compileWorker();
    const fixture = await qrWorkerFixture();
    let worker: WorkerProcess | null = null;
    try {
      worker = startWorkerProcess(fixture, INFO_LOGS);
      await worker.ready();
      const { batch, items } = await fixture.batchOfAllPlates(['png', 'pdf']);
      await enqueueBatch(fixture.queue, 1, items);
      await batchReachedDone(fixture, batch.id, 10);
      const signalledAt = Date.now();
      worker.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 50));
      if (running(worker)) worker.child.kill('SIGTERM');
      if (running(worker)) worker.child.kill('SIGINT');
      const exit = await exitWithin(worker, 60_000);
      // For the record (not asserted): how long the drain took on this machine.
      console.log(`worker exited ${JSON.stringify(exit)} ${Date.now() - signalledAt} ms after SIGTERM`);
      expect(exit).toEqual({ code: 0, signal: null });
      // Nothing was cut short: no job is left active (a killed job would keep its lock and stay active).
      const counts = await fixture.queue.queue.getJobCounts('active', 'completed', 'waiting');
      expect(counts['active']).toBe(0);
      expect(worker.output()).not.toMatch(/did not finish within/);
      expect(worker.output()).not.toMatch(/Error during shutdown/i);
    } finally {
      await stopWorkerProcess(worker, 'SIGKILL');
      await fixture.dispose();
    }
  }, 120_000);
});
