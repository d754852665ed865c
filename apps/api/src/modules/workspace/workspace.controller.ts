import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CACHE_NEVER } from '../../common/cache-control';
import { CurrentOfficial, OfficialSessionGuard, type SessionOfficial } from '../auth';
import type { Actor } from './actor';
import { PlateEditService } from './plate-edit.service';
import { ProcedureNoteService } from './procedure-note.service';
import { ServicePointEditService, type EditOptions } from './service-point-edit.service';
import { StreetEditService } from './street-edit.service';
import { WorkspaceReadService } from './workspace-read.service';
import { WorkspaceResponseCache } from './workspace-response-cache';

const actorOf = (official: SessionOfficial): Actor => ({ id: official.id, email: official.email, role: official.role, wardIds: official.wardIds });
const optionsOf = (request: FastifyRequest): EditOptions => ({ requestId: String(request.id) });

const entityTypeSchema = z.enum(['service_point', 'street', 'plate', 'procedure_local_note']);
const patchBody = (fields: string) => ({
  schema: { type: 'object' as const, required: ['baseVersion'], properties: { baseVersion: { type: 'integer' as const, minimum: 0 } }, additionalProperties: true },
  description: `The fields to change (${fields}) and the version the edit was based on; a field left out is not changed, null clears it.`,
});

/**
 * The officials' workspace (issue 6): thin routes over the workspace services, every one behind the
 * session guard (401 without a session; CSRF and Origin on writes), answered `no-store`. A write first
 * loads the record in the actor's scope, so another ward's object answers 404 before its body is
 * validated (authorization never leaks through validation errors).
 */
@ApiTags('workspace')
@ApiCookieAuth()
@UseGuards(OfficialSessionGuard)
@Controller('v1/workspace')
export class WorkspaceController {
  constructor(
    private readonly servicePoints: ServicePointEditService,
    private readonly streets: StreetEditService,
    private readonly plates: PlateEditService,
    private readonly notes: ProcedureNoteService,
    private readonly reads: WorkspaceReadService,
    private readonly cache: WorkspaceResponseCache,
  ) {}

  @Get('service-points')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: "The official's service points with freshness flags (stale: not confirmed for 90 days, or never)" })
  listServicePoints(@CurrentOfficial() official: SessionOfficial) {
    return this.servicePoints.listMyServicePoints(actorOf(official));
  }

  @Get('service-points/:id')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'A service point of the official’s wards, with its version (404 outside them)' })
  getServicePoint(@CurrentOfficial() official: SessionOfficial, @Param('id') id: string) {
    return this.servicePoints.get(actorOf(official), id);
  }

  @Patch('service-points/:id')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'Edit a service point: 200 the updated record, 400 what to fix, 404 outside the wards, 409 the current values' })
  @ApiBody(patchBody('name, address, location, phone, email, openingHours, closures, accessibilityNotes, proceduresNotAccepted'))
  async updateServicePoint(@CurrentOfficial() official: SessionOfficial, @Param('id') id: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    const actor = actorOf(official);
    await this.servicePoints.get(actor, id);
    const result = await this.servicePoints.update(actor, id, body, optionsOf(request));
    await this.cache.afterEdit(result);
    return result.record;
  }

  @Post('service-points/:id/confirm')
  @HttpCode(200)
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: '"Still correct": records who confirmed and when (409 on a stale baseVersion)' })
  @ApiBody(patchBody('none'))
  async confirmServicePoint(@CurrentOfficial() official: SessionOfficial, @Param('id') id: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    const actor = actorOf(official);
    await this.servicePoints.get(actor, id);
    const baseVersion = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['baseVersion'] : undefined;
    const result = await this.servicePoints.confirmStillCorrect(actor, id, baseVersion, optionsOf(request));
    await this.cache.afterEdit(result);
    return result.record;
  }

  @Get('streets/:id')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'A street of the official’s wards, with its version' })
  getStreet(@CurrentOfficial() official: SessionOfficial, @Param('id') id: string) {
    return this.streets.get(actorOf(official), id);
  }

  @Patch('streets/:id')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'Edit a street (ends, namesake and its source): 200, 400, 404 or 409' })
  @ApiBody(patchBody('startDescription, endDescription, namesake, namesakeSource'))
  async updateStreet(@CurrentOfficial() official: SessionOfficial, @Param('id') id: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    const actor = actorOf(official);
    await this.streets.get(actor, id);
    const result = await this.streets.update(actor, id, body, optionsOf(request));
    await this.cache.afterEdit(result);
    return result.record;
  }

  @Get('plates')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: "The official's plates with status, scans over the last 30 days and a flag for plates with none" })
  listPlates(@CurrentOfficial() official: SessionOfficial) {
    return this.reads.listMyPlates(actorOf(official));
  }

  @Get('plates/:id')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'A plate of the official’s wards (status, position), with its version' })
  getPlate(@CurrentOfficial() official: SessionOfficial, @Param('id') id: string) {
    return this.plates.get(actorOf(official), id);
  }

  @Patch('plates/:id')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'Edit a plate (status, position): 200, 400, 404 or 409' })
  @ApiBody(patchBody('status, location, positionDescription'))
  async updatePlate(@CurrentOfficial() official: SessionOfficial, @Param('id') id: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    const actor = actorOf(official);
    await this.plates.get(actor, id);
    const result = await this.plates.update(actor, id, body, optionsOf(request));
    await this.cache.afterEdit(result);
    return result.record;
  }

  @Get('procedures/:code/notes/:wardId')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'A ward’s local note on a procedure (version 0 while there is none)' })
  getProcedureNote(@CurrentOfficial() official: SessionOfficial, @Param('code') code: string, @Param('wardId') wardId: string) {
    return this.notes.get(actorOf(official), code, Number(wardId));
  }

  @Put('procedures/:code/notes/:wardId')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'Write a ward’s local note on a procedure (create from baseVersion 0): 200, 400, 404 or 409' })
  @ApiBody(patchBody('note'))
  async putProcedureNote(
    @CurrentOfficial() official: SessionOfficial,
    @Param('code') code: string,
    @Param('wardId') wardId: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ) {
    const actor = actorOf(official);
    await this.notes.get(actor, code, Number(wardId));
    const result = await this.notes.upsert(actor, code, Number(wardId), body, optionsOf(request));
    await this.cache.afterEdit(result);
    return result.record;
  }

  @Get('history/:entityType/:id')
  @Header('Cache-Control', CACHE_NEVER)
  @ApiOperation({ summary: 'The audit trail of a record, oldest first (a procedure note’s id is <code>@<ward id>)' })
  history(
    @CurrentOfficial() official: SessionOfficial,
    @Param('entityType', { schema: entityTypeSchema }) entityType: z.infer<typeof entityTypeSchema>,
    @Param('id') id: string,
  ) {
    return this.reads.history(actorOf(official), entityType, id);
  }
}
