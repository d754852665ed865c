import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  streetServicePointsParamSchema,
  streetServicePointsQuerySchema,
  streetServicePointsSchema,
  type StreetServicePoints,
  type StreetServicePointsQuery,
} from '@pho-so/shared/contracts';
import { CACHE_LIVE } from '../../common/cache-control';
import { ServicePointsService } from './service-points.service';

@ApiTags('service-points')
@Controller('v1/streets/:slug/service-points')
export class StreetServicePointsController {
  constructor(private readonly servicePoints: ServicePointsService) {}

  @Get()
  @Header('Cache-Control', CACHE_LIVE)
  @ApiOperation({
    summary: "Where to go from this street: its wards' centres first, then the nearest others, open now or not",
    description:
      'Distances are great-circle metres from the origin (a plate, a point, or by default the street midpoint). ' +
      'Walking minutes: 4.5 km/h over 1.3 × the distance, rounded up. Opening hours are evaluated at `at` ' +
      '(default now) in Asia/Ho_Chi_Minh with Vietnamese public holidays and the centre’s closures.',
  })
  @ApiOkResponse({ standardSchema: streetServicePointsSchema })
  forStreet(
    @Param('slug', { schema: streetServicePointsParamSchema }) slug: string,
    @Query({ schema: streetServicePointsQuerySchema }) query: StreetServicePointsQuery,
  ): Promise<StreetServicePoints> {
    return this.servicePoints.forStreet(slug, query);
  }
}
