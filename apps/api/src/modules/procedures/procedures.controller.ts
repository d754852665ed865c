import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  procedureCodeParamSchema,
  procedureDetailSchema,
  procedurePageSchema,
  proceduresQuerySchema,
  type ProcedureDetail,
  type ProcedurePage,
  type ProceduresQuery,
} from '@pho-so/shared/contracts';
import { CACHE_REFERENCE } from '../../common/cache-control';
import { ProceduresService } from './procedures.service';

@ApiTags('procedures')
@Controller('v1/procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @Get()
  @Header('Cache-Control', CACHE_REFERENCE)
  @ApiOperation({
    summary: 'Search administrative procedures (accent-insensitive), with where each can be filed under Nghị định 118/2025',
    description:
      'Filters: ward (what that ward centre takes at its counter), field (exact, accent-insensitive), level, online. ' +
      'Ordered by relevance when q is given, by code otherwise; pass nextCursor back as cursor for the next page.',
  })
  @ApiOkResponse({ standardSchema: procedurePageSchema })
  search(@Query({ schema: proceduresQuerySchema }) query: ProceduresQuery): Promise<ProcedurePage> {
    return this.procedures.search(query);
  }

  @Get(':code')
  @Header('Cache-Control', CACHE_REFERENCE)
  @ApiOperation({ summary: 'A procedure by national code: documents, steps, conditions, legal basis, results, channels, where to file' })
  @ApiOkResponse({ standardSchema: procedureDetailSchema })
  byCode(@Param('code', { schema: procedureCodeParamSchema }) code: string): Promise<ProcedureDetail> {
    return this.procedures.byCode(code);
  }
}
