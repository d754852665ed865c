import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { ProcedureChannelOut, ProcedureDetail, ProcedurePage, ProcedureSummary, ProceduresQuery } from '@pho-so/shared/contracts';
import { filingPlaces, procedurePortalUrl } from '@pho-so/shared/domain';
import type { ProcedureChannelEntity, ProcedureEntity } from '@pho-so/server/db';
import { notFound, ProblemException } from '../../common/problem-details.filter';
import { invalidRequest } from '../../common/request-validation.pipe';
import { ProceduresRepository, type ProcedureKeyset, type ProcedureSearchFilters } from './procedures.repository';

const keysetSchema = z.object({ r: z.string().regex(/^\d+(\.\d+)?$/).optional(), c: z.string().regex(/^\d\.\d{6}$/) }).strict();

/** Opaque cursor: base64url of the last row's keyset, `{ r: rank?, c: code }`. */
export function encodeProcedureCursor(keyset: ProcedureKeyset): string {
  const json = JSON.stringify(keyset.rank === undefined ? { c: keyset.code } : { r: keyset.rank, c: keyset.code });
  return Buffer.from(json, 'utf8').toString('base64url');
}

function badParameter(field: string, message: string): ProblemException {
  return new ProblemException(invalidRequest([{ message, path: [] }], { type: 'query', data: field }));
}

/** Reads a cursor back; a cursor from a text search only continues a text search, and the other way round. */
export function decodeProcedureCursor(cursor: string, searchingText: boolean): ProcedureKeyset {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = keysetSchema.safeParse(parsed);
  if (!result.success || (result.data.r !== undefined) !== searchingText) {
    throw badParameter('cursor', 'must be a cursor returned by a previous page of the same search');
  }
  return result.data.r === undefined ? { code: result.data.c } : { rank: result.data.r, code: result.data.c };
}

function toChannel(channel: ProcedureChannelEntity): ProcedureChannelOut {
  return {
    channel: channel.channel,
    time: { raw: channel.timeRaw, value: channel.timeValue, unit: channel.timeUnit },
    fee: channel.fee,
    note: channel.note,
  };
}

function toSummary(procedure: ProcedureEntity, channels: readonly ProcedureChannelEntity[]): ProcedureSummary {
  return {
    code: procedure.code,
    name: procedure.name,
    field: procedure.field,
    levels: procedure.levels,
    onlineLevel: procedure.onlineLevel,
    filingPlaces: filingPlaces({ code: procedure.code, levels: procedure.levels, channels: channels.map((c) => c.channel) }),
    channels: channels.map(toChannel),
    portalUrl: procedurePortalUrl(procedure.code),
  };
}

/** Administrative procedures: search with filters, and one procedure in full. */
@Injectable()
export class ProceduresService {
  constructor(private readonly repository: ProceduresRepository) {}

  async search(query: ProceduresQuery): Promise<ProcedurePage> {
    const filters: ProcedureSearchFilters = { text: query.q, field: query.field, level: query.level, online: query.online };
    if (query.ward !== undefined) Object.assign(filters, await this.wardFilter(query.ward));
    const after = query.cursor === undefined ? null : decodeProcedureCursor(query.cursor, query.q !== undefined);

    const rows = await this.repository.search(filters, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const channels = await this.repository.channelsOf(page.map((row) => row.procedure.id));
    const last = page.at(-1);
    const nextCursor =
      rows.length > query.limit && last
        ? encodeProcedureCursor(last.rank === null ? { code: last.procedure.code } : { rank: last.rank, code: last.procedure.code })
        : null;
    return { items: page.map(({ procedure }) => toSummary(procedure, channels.get(procedure.id) ?? [])), nextCursor };
  }

  /**
   * The `ward` filter: what that ward's centre takes at its counter. Under Nghị định 118/2025 a
   * commune-level centre takes every commune-level procedure with an in-person channel, whoever files
   * it; a centre may still announce exceptions (`proceduresNotAccepted`). With several service points
   * in the ward, a procedure is left out only when none of them takes it.
   */
  private async wardFilter(wardCode: string): Promise<Pick<ProcedureSearchFilters, 'atCommuneCounter' | 'excludeCodes'>> {
    const ward = await this.repository.findCurrentCommune(wardCode);
    if (!ward) throw badParameter('ward', `must be the GSO code of a current ward or commune; ${wardCode} is not one (it may be a unit merged in the 2025 reform)`);
    const lists = await this.repository.notAcceptedListsInWard(ward.id);
    const excludeCodes = lists.length === 0 ? [] : lists.reduce((common, list) => common.filter((code) => list.includes(code)));
    return { atCommuneCounter: true, excludeCodes };
  }

  async byCode(code: string): Promise<ProcedureDetail> {
    const procedure = await this.repository.findByCode(code);
    if (!procedure) {
      throw notFound('procedure-not-found', `No procedure has the national code ${code}. Search procedures at /api/v1/procedures?q=… or check the code on dichvucong.gov.vn.`);
    }
    const channels = (await this.repository.channelsOf([procedure.id])).get(procedure.id) ?? [];
    return {
      ...toSummary(procedure, channels),
      implementingAgency: procedure.implementingAgency,
      documents: procedure.documents,
      steps: procedure.steps,
      conditions: procedure.conditions,
      legalBasis: procedure.legalBasis,
      results: procedure.results,
      sourceUrl: procedure.sourceUrl,
      syncedAt: procedure.syncedAt ? new Date(procedure.syncedAt).toISOString() : null,
      provenance: procedure.provenance,
    };
  }
}
