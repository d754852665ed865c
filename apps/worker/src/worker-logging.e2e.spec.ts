// Integration (real Postgres and Redis): the worker's lines are JSON, and a line a processor writes
// through a Nest Logger while its job runs, and the line of a failed job, carry the job's id and name.
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@pho-so/server/config';
import { createMigratedDataSource } from '@pho-so/server/db/testing';
import { createLogger } from '@pho-so/server/logging';
import { PinoNestLogger } from '@pho-so/server/nest';
import { BullMqJobQueue, bullMqPrefix, jobId, type PhoSoJobs } from '@pho-so/server/queue';
import { WorkerModule } from './worker.module';

describe('worker logging', () => {
  it('tags the lines of a job with its jobId and name', async () => {
    const db = await createMigratedDataSource('postgres');
    await db.dataSource.destroy();
    const config = loadConfig({
      NODE_ENV: 'test',
      ...db.database.env,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `${process.env['TEST_REDIS_PREFIX'] ?? 'test:'}${randomBytes(4).toString('hex')}:`,
      // No web app configured: the revalidation processor skips its job with a warning, which is the line we look for.
      WEB_INTERNAL_URL: '',
      REVALIDATE_SECRET: '',
    });
    const output: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ service: 'worker', level: 'info', destination });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new PinoNestLogger(logger) });
    await app.init();
    const producer = new BullMqJobQueue<PhoSoJobs>({ connection: { url: config.REDIS_URL!, maxRetriesPerRequest: null }, prefix: bullMqPrefix(config.REDIS_KEY_PREFIX) });
    const id = jobId('revalidate', 'logging-test', randomBytes(4).toString('hex'));
    try {
      await producer.enqueue('web.revalidate', { tags: ['streets'] }, { jobId: id });
      const lines = () => output.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
      const deadline = Date.now() + 15_000;
      while (!lines().some((line) => line['context'] === 'web.revalidate')) {
        if (Date.now() > deadline) throw new Error(`no line of the job in:\n${output.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(lines().find((line) => line['context'] === 'web.revalidate')).toMatchObject({ service: 'worker', level: 'warn', jobId: id, job: 'web.revalidate' });

      // A failure is reported by BullMQ after the processor returned: its line names the job too.
      const failing = jobId('logging-test-unknown', randomBytes(4).toString('hex'));
      await producer.queue.add('no.such.job', {}, { jobId: failing, attempts: 1, removeOnFail: true });
      const failedLine = () => lines().find((line) => line['jobId'] === failing);
      while (!failedLine()) {
        if (Date.now() > deadline) throw new Error(`no failure line in:\n${output.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(failedLine()).toMatchObject({ context: 'worker', level: 'warn', job: 'no.such.job', msg: expect.stringContaining('no handler for job') });
      // Start-up lines belong to no job.
      expect(lines().find((line) => line['context'] === 'worker')).not.toHaveProperty('jobId');
    } finally {
      await producer.close();
      await app.close();
      await db.dispose();
    }
  }, 60_000);
});
