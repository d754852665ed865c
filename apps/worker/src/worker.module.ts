import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@pho-so/server/config';
import { AppConfigModule, DatabaseModule, RedisModule } from '@pho-so/server/nest';
import { QueueConsumerService } from './queue-consumer.service';

/** The worker: no HTTP, no migrations; just the queue consumer and what its processors need. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule, RedisModule],
      providers: [QueueConsumerService],
    };
  }
}
