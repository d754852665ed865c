import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  servicePointDetailSchema,
  servicePointIdParamSchema,
  servicePointQuerySchema,
  type ServicePointDetail,
  type ServicePointQuery,
} from '@pho-so/shared/contracts';
import { CACHE_LIVE } from '../../common/cache-control';
import { ServicePointsService } from './service-points.service';

@ApiTags('service-points')
@Controller('v1/service-points')
export class ServicePointsController {
  constructor(private readonly servicePoints: ServicePointsService) {}

  @Get(':id')
  @Header('Cache-Control', CACHE_LIVE)
  @ApiOperation({
    summary: 'A service point: weekly hours, open now, public holidays and closures in the next 30 days, contacts, exceptions',
  })
  @ApiOkResponse({ standardSchema: servicePointDetailSchema })
  byId(@Param('id', { schema: servicePointIdParamSchema }) id: string, @Query({ schema: servicePointQuerySchema }) query: ServicePointQuery): Promise<ServicePointDetail> {
    return this.servicePoints.byId(id, query);
  }
}
