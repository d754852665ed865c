import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  adminUnitByCodeSchema,
  adminUnitCodeParamSchema,
  adminUnitSearchResultSchema,
  adminUnitsQuerySchema,
  type AdminUnitByCode,
  type AdminUnitSearchResult,
  type AdminUnitsQuery,
} from '@pho-so/shared/contracts';
import { CACHE_REFERENCE } from '../../common/cache-control';
import { AdminUnitsService } from './admin-units.service';

@ApiTags('admin-units')
@Controller('v1/admin-units')
export class AdminUnitsController {
  constructor(private readonly adminUnits: AdminUnitsService) {}

  @Get()
  @Header('Cache-Control', CACHE_REFERENCE)
  @ApiOperation({ summary: 'Search administrative units by name, old and new (accent-insensitive)' })
  @ApiOkResponse({ standardSchema: adminUnitSearchResultSchema })
  search(@Query({ schema: adminUnitsQuerySchema }) query: AdminUnitsQuery): Promise<AdminUnitSearchResult> {
    return this.adminUnits.search(query);
  }

  @Get(':code')
  @Header('Cache-Control', CACHE_REFERENCE)
  @ApiOperation({ summary: 'A unit by GSO code: what it became, or was formed from, across the 2025 reform' })
  @ApiOkResponse({ standardSchema: adminUnitByCodeSchema })
  byCode(@Param('code', { schema: adminUnitCodeParamSchema }) code: string): Promise<AdminUnitByCode> {
    return this.adminUnits.byCode(code);
  }
}
