import { availableParallelism } from 'node:os';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig, type DependencyStatus } from '@pho-so/server/nest';
import { runWithLogContext } from '@pho-so/server/logging';
import { createAssetStorage, createRenderer, QueueSweeper } from '@pho-so/server/qr-assets';
import { BullMqJobQueue, bullMqPrefix, createBullMqWorker, type PhoSoJobs, type QueueJobCounts } from '@pho-so/server/queue';
import { jobHandlers } from './job-handlers';

/** Consumes the platform queue on Redis; closing waits for the job in flight to finish. */
@Injectable()
export class QueueConsumerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('worker');
  private worker: Worker | null = null;
  private renderer: ReturnType<typeof createRenderer> | null = null;
  private producer: BullMqJobQueue<PhoSoJobs> | null = null;
  private sweeper: QueueSweeper | null = null;
  private closing = false;

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
    // Reconnect every 2 s at most while Redis is away (BullMQ's default backs off to 20 s), so the
    // worker consumes again, and turns ready, soon after a Redis restart (see RedisLossWatchdog).
    const connection = { url: this.config.REDIS_URL, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(250 * times, 2000) };
    const settings = { connection, prefix: bullMqPrefix(this.config.REDIS_KEY_PREFIX) };
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
    this.closing = true;
    await this.sweeper?.stop();
    await this.producer?.close();
    await this.worker?.close();
    await this.renderer?.close();
  }

  /**
   * Whether the consumer's own Redis connections (BullMQ's command and blocking connections) are up:
   * 'down' while they reconnect, before the consumer started and once it closed.
   */
  async connectionStatus(): Promise<DependencyStatus> {
    const worker = this.worker;
    if (!worker || this.closing) return 'down';
    const backend = worker.getBackend();
    try {
      const clients = await withTimeout(Promise.all([backend.client, backend.blockingClient]), 1000);
      return clients.every((client) => client === undefined || client.status === 'ready') ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  /** The queue's jobs per state, for the ops metrics (an error before the consumer started). */
  async jobCounts(): Promise<QueueJobCounts> {
    if (!this.producer) throw new Error('the queue consumer has not started');
    return this.producer.jobCounts();
  }

  get isRunning(): boolean {
    return this.worker?.isRunning() ?? false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
