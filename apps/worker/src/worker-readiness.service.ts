import { Injectable } from '@nestjs/common';
import { ReadinessService, type DependencyStatus, type ReadinessReport } from '@pho-so/server/nest';
import { QueueConsumerService } from './queue-consumer.service';

export interface WorkerReadinessReport extends Omit<ReadinessReport, 'checks'> {
  checks: { database: DependencyStatus; redis: DependencyStatus; queueConsumer: DependencyStatus };
}

/**
 * The worker can work when the database answers, its shared Redis connection answers a PING, and the
 * queue consumer's own connections (BullMQ's) are up. Behind the ops listener's /health/ready and the
 * Redis-loss watchdog.
 */
@Injectable()
export class WorkerReadinessService {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly consumer: QueueConsumerService,
  ) {}

  async check(): Promise<WorkerReadinessReport> {
    const [base, queueConsumer] = await Promise.all([this.readiness.check(), this.consumer.connectionStatus()]);
    return { ...base, ready: base.ready && queueConsumer === 'up', checks: { ...base.checks, queueConsumer } };
  }
}
