import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@pho-so/server/config';
import { AppConfigModule, DatabaseModule, OpsModule, ReadinessService, RedisModule } from '@pho-so/server/nest';
import { QueueConsumerService } from './queue-consumer.service';
import { RedisLossWatchdog } from './redis-loss-watchdog';
import { WorkerReadinessService } from './worker-readiness.service';

/**
 * The worker: no public HTTP, no migrations; the queue consumer and what its processors need, the
 * internal ops listener (metrics and health, when OPS_PORT is set) and the Redis-loss watchdog.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        OpsModule.forRoot({ readiness: WorkerReadinessService, jobCounts: QueueConsumerService }),
      ],
      providers: [QueueConsumerService, ReadinessService, WorkerReadinessService, RedisLossWatchdog],
    };
  }
}
