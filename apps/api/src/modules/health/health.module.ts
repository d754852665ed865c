import { Module } from '@nestjs/common';
import { ReadinessService } from '@pho-so/server/nest';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController], providers: [ReadinessService] })
export class HealthModule {}
