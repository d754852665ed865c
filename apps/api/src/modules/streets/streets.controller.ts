import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  streetDetailSchema,
  streetSearchResultSchema,
  streetSlugParamSchema,
  streetsQuerySchema,
  type StreetDetail,
  type StreetSearchResult,
  type StreetsQuery,
} from '@pho-so/shared/contracts';
import { CACHE_REFERENCE } from '../../common/cache-control';
import { StreetsService } from './streets.service';

@ApiTags('streets')
@Controller('v1/streets')
export class StreetsController {
  constructor(private readonly streets: StreetsService) {}

  @Get()
  @Header('Cache-Control', CACHE_REFERENCE)
  @ApiOperation({
    summary: 'Search streets by name (accent- and case-insensitive, typo-tolerant, ranked), or list a ward’s streets',
    description:
      '`q` matches street names and old names, and ward names current or from before 1 July 2025 (Đề Thám finds the streets now in Phường Trần Hưng Đạo). ' +
      '`ward` (a GSO code, current or old) keeps the streets of that ward or of what it became; without `q` they are listed by slug. ' +
      'At least one of `q` and `ward` is required. Pass `nextCursor` back as `cursor` with the same `q` and `ward` for the next page.',
  })
  @ApiOkResponse({ standardSchema: streetSearchResultSchema })
  search(@Query({ schema: streetsQuerySchema }) query: StreetsQuery): Promise<StreetSearchResult> {
    return this.streets.search(query);
  }

  @Get(':slug')
  @Header('Cache-Control', CACHE_REFERENCE)
  @ApiOperation({ summary: 'A street: names, ends, length, shape and midpoint, wards now and before the 2025 reform, namesake, plates' })
  @ApiOkResponse({ standardSchema: streetDetailSchema })
  bySlug(@Param('slug', { schema: streetSlugParamSchema }) slug: string): Promise<StreetDetail> {
    return this.streets.bySlug(slug);
  }
}
