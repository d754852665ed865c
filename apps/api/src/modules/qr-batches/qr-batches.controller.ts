import { Body, Controller, Get, Header, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createQrBatchSchema, qrBatchIdSchema, qrBatchSchema, type CreateQrBatch, type QrBatch } from '@pho-so/shared/contracts';
import { AdminTokenOrSessionGuard } from './admin-access.guard';
import { CACHE_NEVER } from '../../common/cache-control';
import { QrBatchesService } from './qr-batches.service';

@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth()
@UseGuards(AdminTokenOrSessionGuard)
@Controller('v1/admin/qr-batches')
export class QrBatchesController {
  constructor(private readonly batches: QrBatchesService) {}

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({
    summary: 'Start a QR batch: render (and verify) the chosen formats of every plate in scope at a design version',
    description: 'scope: all, a ward (current GSO code), a list of street slugs, or changed (plates whose payload, design or label differ from their last verified asset).',
  })
  @ApiCreatedResponse({ standardSchema: qrBatchSchema })
  create(@Body({ schema: createQrBatchSchema }) body: CreateQrBatch, @Req() request: FastifyRequest): Promise<QrBatch> {
    return this.batches.create(body, request.official?.email ?? 'admin-token');
  }

  @Get(':id/bundle.zip')
  @Header('Cache-Control', CACHE_NEVER)
  @Header('Content-Type', 'application/zip')
  @ApiOperation({ summary: 'The ZIP of a finished batch: assets, A4 proof sheets, CSV manifest (409 while it runs)' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'assets/<code>.<format>, proof-sheets.pdf, manifest.csv' })
  async bundle(@Param('id', { schema: qrBatchIdSchema }) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const zip = await this.batches.bundle(id);
    void reply.header('content-disposition', `attachment; filename="qr-batch-${id}.zip"`);
    return zip;
  }

  @Get(':id')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'Progress of a QR batch: total, done, failed (with reasons), status' })
  @ApiOkResponse({ standardSchema: qrBatchSchema })
  get(@Param('id', { schema: qrBatchIdSchema }) id: string): Promise<QrBatch> {
    return this.batches.get(id);
  }
}
