import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Worker } from 'bullmq';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig } from '@pho-so/server/nest';
import { createBullMqWorker } from '@pho-so/server/queue';
import { JOB_HANDLERS } from './job-handlers';

/** Consumes the platform queue on Redis; closing waits for the job in flight to finish. */
@Injectable()
export class QueueConsumerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('worker');
  private worker: Worker | null = null;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.REDIS_URL) throw new Error('the worker needs REDIS_URL; without Redis, jobs run inside the API');
    this.worker = createBullMqWorker({ connection: { url: this.config.REDIS_URL, maxRetriesPerRequest: null } }, JOB_HANDLERS);
    this.worker.on('failed', (job, error) => this.logger.warn(`job ${job?.name} ${job?.id} failed: ${error.message}`));
    await this.worker.waitUntilReady();
    this.logger.log(`consuming jobs (${Object.keys(JOB_HANDLERS).length} job types registered)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  get isRunning(): boolean {
    return this.worker?.isRunning() ?? false;
  }
}
