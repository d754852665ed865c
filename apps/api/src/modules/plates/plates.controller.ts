import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { plateLookupSchema, plateProblemSchema, type PlateLookup } from '@pho-so/shared/contracts';
import { CACHE_NEVER, CACHE_REFERENCE } from '../../common/cache-control';
import { PlatesService } from './plates.service';
import { ScanCounterService } from './scans/scan-counter.service';

/** A transparent 1×1 GIF (42 bytes). */
const BEACON_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const CODE_PARAM = {
  name: 'code',
  description: 'Plate code as printed on the plate; any case, spaces and hyphens are ignored.',
  example: 'TB-233AC',
} as const;

@ApiTags('plates')
@Controller('v1/plates')
export class PlatesController {
  constructor(
    private readonly plates: PlatesService,
    private readonly scans: ScanCounterService,
  ) {}

  // Any text is a candidate code: what is not a plate code is answered with a 404 the page can
  // explain ("not an official plate"), not a 400, so there is no parameter schema here.
  @Get(':code')
  @Header('Cache-Control', CACHE_REFERENCE)
  @ApiOperation({ summary: 'A plate by its code, with its position and a summary of its street' })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ standardSchema: plateLookupSchema })
  @ApiNotFoundResponse({
    standardSchema: plateProblemSchema,
    description:
      'application/problem+json. type /api/problems/plate-code-malformed: not a plate code, or a wrong check character (a typo); ' +
      '/api/problems/plate-not-found: a well-formed code of no official plate.',
  })
  byCode(@Param('code') code: string): Promise<PlateLookup> {
    return this.plates.byCode(code);
  }

  @Get(':code/scan.gif')
  @Header('Content-Type', 'image/gif')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({
    summary: 'Scan beacon: the street page embeds it as an image, so every view is counted even when the page is cached',
    description:
      'Always a 1×1 GIF, for unknown and malformed codes too (they are counted under the code as given, upper-cased, ' +
      'without spaces or hyphens, at most 32 characters). Counted per code per local day; nothing about the client is kept.',
  })
  @ApiParam(CODE_PARAM)
  @ApiProduces('image/gif')
  @ApiOkResponse({ description: 'A transparent 1×1 GIF.' })
  scan(@Param('code') code: string): Buffer {
    this.scans.record(code);
    return BEACON_GIF;
  }
}
