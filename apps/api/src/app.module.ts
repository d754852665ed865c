import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@pho-so/server/config';
import { AppConfigModule, DatabaseModule, OpsModule, RedisModule } from '@pho-so/server/nest';
import { AdminUnitsModule } from './modules/admin-units/admin-units.module';
import { HealthModule } from './modules/health/health.module';
import { PlatesModule } from './modules/plates/plates.module';
import { ProceduresModule } from './modules/procedures/procedures.module';
import { ServicePointsModule } from './modules/service-points/service-points.module';
import { StreetsModule } from './modules/streets/streets.module';
import { QrBatchesModule } from './modules/qr-batches/qr-batches.module';
import { JOB_QUEUE, JobsModule } from './jobs/jobs.module';
import { AuthModule } from './modules/auth/auth.module';
import { WorkspaceModule } from './modules/workspace/workspace.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { QueueDashboardModule } from './modules/queue-dashboard/queue-dashboard.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        HealthModule,
        AuthModule,
        AdminUnitsModule,
        PlatesModule,
        StreetsModule,
        ServicePointsModule,
        ProceduresModule,
        JobsModule,
        // Internal ops listener (OPS_PORT): /metrics with the queue's job counts, /health/live, /health/ready.
        OpsModule.forRoot({ jobCounts: JOB_QUEUE }),
        QrBatchesModule,
        WorkspaceModule,
        AccountsModule,
        QueueDashboardModule,
      ],
    };
  }
}
