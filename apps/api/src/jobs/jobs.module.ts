import { availableParallelism } from 'node:os';
import { Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken, InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@pho-so/server/config';
import { APP_CONFIG } from '@pho-so/server/nest';
import { createAssetStorage, createRenderer, qrJobHandlers, QueueSweeper, type AssetStorage } from '@pho-so/server/qr-assets';
import { BullMqJobQueue, InProcessJobQueue, bullMqPrefix, revalidateWebHandlers, withJobLogContext, type JobQueue, type PhoSoJobs } from '@pho-so/server/queue';

export const JOB_QUEUE = Symbol('JOB_QUEUE');
export const ASSET_STORAGE = Symbol('ASSET_STORAGE');
const RENDERER = Symbol('RENDERER');
export const InjectJobQueue = () => Inject(JOB_QUEUE);
export const InjectAssetStorage = () => Inject(ASSET_STORAGE);

@Injectable()
class JobQueueLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private sweeper: QueueSweeper | null = null;

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue<PhoSoJobs>,
    @Inject(RENDERER) private readonly renderer: ReturnType<typeof createRenderer>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * In-process jobs live in memory, so a restart loses those not yet run: the sweeper enqueues again
   * what unfinished batches still wait for, at start and then periodically (the worker does the same
   * against Redis; with Redis, the API leaves it to the worker).
   */
  onApplicationBootstrap(): void {
    if (this.config.REDIS_URL) return;
    this.sweeper = new QueueSweeper(this.dataSource, this.queue, this.config.QUEUE_SWEEP_INTERVAL_MS, new Logger('jobs'));
    this.sweeper.start();
  }

  /** In-process: finishes the jobs already queued (without retries); BullMQ: closes the producer. */
  async onApplicationShutdown(): Promise<void> {
    await this.sweeper?.stop();
    await this.queue.close();
    await this.renderer.close();
  }
}

/**
 * The platform's job queue as the API sees it: BullMQ on Redis when REDIS_URL is set (the worker
 * processes), otherwise the same processors run in this process, so the embedded default renders
 * assets too.
 */
@Global()
@Module({
  providers: [
    { provide: ASSET_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig): AssetStorage => createAssetStorage(config) },
    {
      // In-process jobs render in worker threads, so a batch never stalls the API's event loop.
      provide: RENDERER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRenderer(config.REDIS_URL ? 0 : Math.max(1, availableParallelism() - 1)),
    },
    {
      provide: JOB_QUEUE,
      inject: [APP_CONFIG, getDataSourceToken(), ASSET_STORAGE, RENDERER],
      useFactory: (config: AppConfig, dataSource: DataSource, storage: AssetStorage, renderer: ReturnType<typeof createRenderer>): JobQueue<PhoSoJobs> =>
        config.REDIS_URL
          ? new BullMqJobQueue<PhoSoJobs>({
              connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
              prefix: bullMqPrefix(config.REDIS_KEY_PREFIX),
            })
          : new InProcessJobQueue<PhoSoJobs>(
              withJobLogContext({
                ...qrJobHandlers({ dataSource, storage, settings: config, renderer: renderer.render }),
                ...revalidateWebHandlers(config, { logger: new Logger('web.revalidate') }),
              }),
              undefined,
              undefined,
              availableParallelism(),
            ),
    },
    JobQueueLifecycle,
  ],
  exports: [JOB_QUEUE, ASSET_STORAGE],
})
export class JobsModule {}
