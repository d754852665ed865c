import { availableParallelism } from 'node:os';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig } from '@pho-so/server/nest';
import { runWithLogContext } from '@pho-so/server/logging';
import { createAssetStorage, createRenderer, QueueSweeper } from '@pho-so/server/qr-assets';
import { BullMqJobQueue, bullMqPrefix, createBullMqWorker, type PhoSoJobs } from '@pho-so/server/queue';
import { jobHandlers } from './job-handlers';

/** Consumes the platform queue on Redis; closing waits for the job in flight to finish. */
@Injectable()
export class QueueConsumerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('worker');
  private worker: Worker | null = null;
  private renderer: ReturnType<typeof createRenderer> | null = null;
  private producer: BullMqJobQueue<PhoSoJobs> | null = null;
  private sweeper: QueueSweeper | null = null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.REDIS_URL) throw new Error('the worker needs REDIS_URL; without Redis, jobs run inside the API');
    // Rendering runs in worker threads (one per core), off this event loop; about one job per core.
    const swept = (await createAssetStorage(this.config).sweepTemporary?.()) ?? 0;
    if (swept > 0) this.logger.log(`removed ${swept} temporary file(s) left by an interrupted write`);
    this.renderer = createRenderer(availableParallelism());
    const handlers = jobHandlers(this.dataSource, this.config, this.renderer.render);
    const settings = { connection: { url: this.config.REDIS_URL, maxRetriesPerRequest: null }, prefix: bullMqPrefix(this.config.REDIS_KEY_PREFIX) };
    this.worker = createBullMqWorker(settings, handlers, availableParallelism());
    this.worker.on('error', (error) => this.logger.warn(`queue: ${error.message}`));
    // BullMQ reports a failure after the processor's log context has ended: the job is named again here.
    this.worker.on('failed', (job, error) =>
      runWithLogContext({ jobId: job?.id, job: job?.name }, () => this.logger.warn(`job ${job?.name} ${job?.id} failed: ${error.message}`)),
    );
    await this.worker.waitUntilReady();
    // Re-enqueues files that unfinished batches wait for but Redis no longer holds (see requeueLostItems).
    this.producer = new BullMqJobQueue<PhoSoJobs>(settings);
    this.sweeper = new QueueSweeper(this.dataSource, this.producer, this.config.QUEUE_SWEEP_INTERVAL_MS, this.logger);
    this.sweeper.start();
    this.logger.log(`consuming jobs (${Object.keys(handlers).join(', ')}), rendering in ${this.renderer.threads || 'no'} worker threads`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sweeper?.stop();
    await this.producer?.close();
    await this.worker?.close();
    await this.renderer?.close();
  }

  get isRunning(): boolean {
    return this.worker?.isRunning() ?? false;
  }
}
