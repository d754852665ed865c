import { Module } from '@nestjs/common';
import { ServicePointsController } from './service-points.controller';
import { ServicePointsRepository } from './service-points.repository';
import { ServicePointsService } from './service-points.service';
import { StreetServicePointsController } from './street-service-points.controller';

@Module({
  controllers: [StreetServicePointsController, ServicePointsController],
  providers: [ServicePointsService, ServicePointsRepository],
  exports: [ServicePointsService],
})
export class ServicePointsModule {}
