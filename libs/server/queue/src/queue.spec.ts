import { randomBytes } from 'node:crypto';
import { BullMqJobQueue, createBullMqWorker } from './bullmq-queue';
import { InProcessJobQueue } from './in-process-queue';
import { jobId } from './jobs';

type TestJobs = { 'test.record': { value: number }; 'test.flaky': { failTimes: number } };

describe('jobId', () => {
  it('joins parts deterministically and refuses separators BullMQ reserves', () => {
    expect(jobId('qr', 'TB-233AC', 3, 'svg')).toBe('qr-TB-233AC-3-svg');
    expect(() => jobId('qr', 'a:b')).toThrow(/':'/);
    expect(() => jobId(42)).toThrow(/integer/);
  });
});

describe('InProcessJobQueue', () => {
  it('queues a deterministic id once while it is pending, retries failures, and drains on close', async () => {
    const seen: number[] = [];
    let flakyCalls = 0;
    const queue = new InProcessJobQueue<TestJobs>(
      {
        'test.record': async ({ value }) => void seen.push(value),
        'test.flaky': async ({ failTimes }) => {
          flakyCalls++;
          if (flakyCalls <= failTimes) throw new Error('transient');
        },
      },
      1,
    );
    await Promise.all([
      queue.enqueue('test.record', { value: 1 }, { jobId: 'rec-1' }),
      queue.enqueue('test.record', { value: 1 }, { jobId: 'rec-1' }),
    ]);
    await queue.enqueue('test.record', { value: 2 });
    await queue.enqueue('test.flaky', { failTimes: 2 });
    await queue.drain();
    await queue.close();
    expect(seen).toEqual([1, 2]);
    expect(flakyCalls).toBe(3);
    expect(queue.failures).toEqual([]);
  });

  it('runs up to `concurrency` jobs at once, and once more a job enqueued again while it ran', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    const queue = new InProcessJobQueue<TestJobs>(
      {
        'test.record': async ({ value }) => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 20));
          seen.push(value);
          running--;
        },
      },
      1,
      1,
      3,
    );
    for (let i = 0; i < 6; i++) await queue.enqueue('test.record', { value: i }, { jobId: `rec-${i}` });
    await new Promise((r) => setTimeout(r, 5));
    await queue.enqueue('test.record', { value: 10 }, { jobId: 'rec-0' }); // rec-0 is running: runs again after
    await queue.enqueue('test.record', { value: 11 }, { jobId: 'rec-5' }); // rec-5 is still queued: not again
    await queue.drain();
    expect(peak).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 10]);
    await queue.close();
  });

  it('enqueueMany queues each id once; missingJobs names the ids neither queued nor running (all of them after a restart)', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const seen: number[] = [];
    const queue = new InProcessJobQueue<TestJobs>({ 'test.record': async ({ value }) => { seen.push(value); await gate; } }, 10, 1, 1);
    await queue.enqueueMany([1, 2, 2, 3].map((value) => ({ name: 'test.record' as const, payload: { value }, options: { jobId: jobId('r', value) } })));
    expect(await queue.missingJobs(['r-1', 'r-2', 'r-3', 'r-4'])).toEqual(['r-4']);
    release();
    await queue.drain();
    expect(seen).toEqual([1, 2, 3]);
    expect(await queue.missingJobs(['r-1', 'r-2'])).toEqual(['r-1', 'r-2']);
    const restarted = new InProcessJobQueue<TestJobs>({ 'test.record': async () => undefined });
    expect(await restarted.missingJobs(['r-1'])).toEqual(['r-1']);
  });

  it('counts its jobs per state for the ops metrics', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const queue = new InProcessJobQueue<TestJobs>(
      { 'test.record': async () => gate, 'test.flaky': async () => { throw new Error('always'); } },
      60_000,
      1,
      1,
    );
    await queue.enqueue('test.record', { value: 1 }, { jobId: 'a' });
    await queue.enqueue('test.record', { value: 2 }, { jobId: 'b' });
    await queue.enqueue('test.record', { value: 3 }, { jobId: 'c', delayMs: 60_000 });
    await new Promise((r) => setImmediate(r));
    expect(await queue.jobCounts()).toEqual({ queue: 'pho-so', counts: { waiting: 1, active: 1, failed: 0, delayed: 1 } });
    release();
    await queue.enqueue('test.flaky', { failTimes: 1 }, { jobId: 'f' });
    await queue.drain();
    expect((await queue.jobCounts()).counts).toEqual({ waiting: 0, active: 0, failed: 1, delayed: 1 });
  });

  it('refuses a job it has no handler for', async () => {
    const queue = new InProcessJobQueue<TestJobs>({});
    await expect(queue.enqueue('test.record', { value: 1 })).rejects.toThrow(/no handler/);
  });
});

// Integration: real BullMQ on the real Redis, under a key prefix of this run only.
describe('BullMQ runner on Redis', () => {
  const connection = { url: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379', maxRetriesPerRequest: null };
  const prefix = `${process.env['TEST_REDIS_PREFIX'] ?? 'test:'}${randomBytes(3).toString('hex')}`;

  it('stores a deterministic id once and processes it with the named handler', async () => {
    const queue = new BullMqJobQueue<TestJobs>({ connection, prefix });
    const processed: number[] = [];
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((r) => (resolveDone = r));
    await queue.enqueue('test.record', { value: 7 }, { jobId: jobId('record', 7) });
    await queue.enqueue('test.record', { value: 7 }, { jobId: jobId('record', 7) });
    expect(await queue.queue.getJobCounts('waiting')).toEqual({ waiting: 1 });

    const worker = createBullMqWorker<TestJobs>({ connection, prefix }, {
      'test.record': async ({ value }) => {
        processed.push(value);
        resolveDone();
      },
    });
    await done;
    await worker.close();
    expect(processed).toEqual([7]);
    expect(await queue.jobCounts()).toEqual({ queue: 'pho-so', counts: { waiting: 0, active: 0, failed: 0, delayed: 0 } });
    await queue.queue.obliterate({ force: true });
    await queue.close();
  }, 30_000);

  it('enqueueMany adds thousands in bulk, each deterministic id once; missingJobs tells pending from absent and frees finished ids', async () => {
    const queue = new BullMqJobQueue<TestJobs>({ connection, prefix: `${prefix}m` });
    const values = Array.from({ length: 2500 }, (_, i) => i);
    const jobs = [...values, 0, 1, 2].map((value) => ({ name: 'test.record' as const, payload: { value }, options: { jobId: jobId('m', value) } }));
    await queue.enqueueMany(jobs);
    expect(await queue.queue.getJobCounts('waiting')).toEqual({ waiting: 2500 });
    expect((await queue.jobCounts()).counts).toEqual({ waiting: 2500, active: 0, failed: 0, delayed: 0 });
    expect(await queue.missingJobs(['m-0', 'm-2499', 'm-2500'])).toEqual(['m-2500']);
    // A job finished and kept (failed) counts as missing and is removed, so the id can be enqueued again.
    await queue.queue.obliterate({ force: true });
    await queue.queue.add('test.record', { value: 1 }, { jobId: 'm-kept', attempts: 1 });
    const worker = createBullMqWorker<TestJobs>({ connection, prefix: `${prefix}m` }, { 'test.record': async () => { throw new Error('no'); } });
    await new Promise<void>((r) => worker.on('failed', () => r()));
    await worker.close();
    expect(await queue.missingJobs(['m-kept'])).toEqual(['m-kept']);
    expect(await queue.queue.getJob('m-kept')).toBeUndefined();
    await queue.queue.obliterate({ force: true });
    await queue.close();
  }, 30_000);

  it('fails a job whose name has no handler, visibly', async () => {
    const queue = new BullMqJobQueue<Record<string, unknown>>({ connection, prefix: `${prefix}u` });
    await queue.queue.add('unknown.job', {}, { attempts: 1 });
    const worker = createBullMqWorker({ connection, prefix: `${prefix}u` }, {});
    const failed = new Promise<string>((r) => worker.on('failed', (_job, error) => r(error.message)));
    expect(await failed).toMatch(/no handler for job "unknown.job"/);
    await worker.close();
    await queue.queue.obliterate({ force: true });
    await queue.close();
  }, 30_000);
});
