import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, IsNull } from 'typeorm';
import { AdministrativeUnitEntity, ProcedureChannelEntity, ProcedureEntity, ServicePointEntity } from '@pho-so/server/db';

/** Filters of a procedure search, already resolved by the service (no rules decided here). */
export interface ProcedureSearchFilters {
  /** Search text as typed; folded (unaccent, lower case) in SQL, like the index. */
  text?: string;
  field?: string;
  level?: 'commune' | 'province';
  online?: boolean;
  /** Only procedures a commune-level centre takes at its counter: commune level and an in-person channel (or none recorded). */
  atCommuneCounter?: boolean;
  /** Codes to leave out (a ward centre's exceptions). */
  excludeCodes?: readonly string[];
}

/** Keyset position: the last row of the previous page. `rank` only when searching by text. */
export interface ProcedureKeyset {
  rank?: string;
  code: string;
}

export interface RankedProcedure {
  procedure: ProcedureEntity;
  /** Text rank as an exact decimal string (null without a search text): what a cursor carries. */
  rank: string | null;
}

const FOLDED_NAME = 'lower(immutable_unaccent(p.name))';
const FOLDED_TEXT = 'lower(immutable_unaccent(:searchText))';
const FOLDED_PATTERN = `'%' || lower(immutable_unaccent(:searchLike)) || '%'`;
// Casts are written CAST(x AS t), not x::t: TypeORM reads ":t" as a named parameter.
/**
 * Rank of a text match, rounded to an exact numeric so a cursor can carry it and compare equal:
 * contains the text as typed (1) + word similarity (the text against the best-matching part of the
 * name) + similarity (against the whole name, so shorter names of the same words come first).
 */
const RANK = `round(CAST(CASE WHEN ${FOLDED_NAME} LIKE ${FOLDED_PATTERN} THEN 1 ELSE 0 END + word_similarity(${FOLDED_TEXT}, ${FOLDED_NAME}) + similarity(${FOLDED_TEXT}, ${FOLDED_NAME}) AS numeric), 4)`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Reads procedures and the data behind the `ward` filter; queries only. */
@Injectable()
export class ProceduresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One page of procedures matching `filters`, after `after`: by rank then code when searching by text
   * (the trigram index `IDX_procedure_name_search` serves both the LIKE and the `<%` word-similarity
   * test), by code otherwise. Asks for `limit` rows; the caller asks one more to know if a page follows.
   */
  async search(filters: ProcedureSearchFilters, after: ProcedureKeyset | null, limit: number): Promise<RankedProcedure[]> {
    const qb = this.dataSource.getRepository(ProcedureEntity).createQueryBuilder('p');
    const text = filters.text;
    if (text !== undefined) {
      qb.setParameters({ searchText: text, searchLike: escapeLike(text) });
      qb.andWhere(`(${FOLDED_NAME} LIKE ${FOLDED_PATTERN} OR ${FOLDED_TEXT} <% ${FOLDED_NAME})`);
      qb.addSelect(`CAST(${RANK} AS text)`, 'rank');
    }
    if (filters.field !== undefined) {
      qb.andWhere('lower(immutable_unaccent(p.field)) = lower(immutable_unaccent(:field))', { field: filters.field });
    }
    if (filters.level !== undefined) {
      qb.andWhere('p.levels @> jsonb_build_array(CAST(:level AS text))', { level: filters.level });
    }
    if (filters.online !== undefined) {
      qb.andWhere(`${filters.online ? '' : 'NOT '}EXISTS (SELECT 1 FROM procedure_channel c WHERE c.procedure_id = p.id AND c.channel = 'online')`);
    }
    if (filters.atCommuneCounter) {
      qb.andWhere(`p.levels @> CAST('["commune"]' AS jsonb)`);
      qb.andWhere(
        `(EXISTS (SELECT 1 FROM procedure_channel c WHERE c.procedure_id = p.id AND c.channel = 'in_person')
          OR NOT EXISTS (SELECT 1 FROM procedure_channel c WHERE c.procedure_id = p.id))`,
      );
    }
    if (filters.excludeCodes && filters.excludeCodes.length > 0) {
      qb.andWhere('p.code NOT IN (:...excludeCodes)', { excludeCodes: [...filters.excludeCodes] });
    }
    if (after) {
      if (text !== undefined && after.rank !== undefined) {
        qb.andWhere(
          new Brackets((w) => {
            w.where(`${RANK} < CAST(:afterRank AS numeric)`).orWhere(`(${RANK} = CAST(:afterRank AS numeric) AND p.code > :afterCode)`);
          }),
          { afterRank: after.rank, afterCode: after.code },
        );
      } else {
        qb.andWhere('p.code > :afterCode', { afterCode: after.code });
      }
    }
    if (text !== undefined) qb.orderBy(RANK, 'DESC').addOrderBy('p.code', 'ASC');
    else qb.orderBy('p.code', 'ASC');
    qb.limit(limit);

    const { entities, raw } = await qb.getRawAndEntities<{ p_id: string; rank?: string }>();
    const rankById = new Map(raw.map((row) => [row.p_id, row.rank ?? null]));
    return entities.map((procedure) => ({ procedure, rank: rankById.get(procedure.id) ?? null }));
  }

  /** Channels of the given procedures, in the portal's order, by procedure id. */
  async channelsOf(procedureIds: readonly string[]): Promise<Map<string, ProcedureChannelEntity[]>> {
    const byProcedure = new Map<string, ProcedureChannelEntity[]>();
    if (procedureIds.length === 0) return byProcedure;
    const rows = await this.dataSource
      .getRepository(ProcedureChannelEntity)
      .find({ where: { procedureId: In([...procedureIds]) }, order: { procedureId: 'ASC', ordinal: 'ASC' } });
    for (const row of rows) byProcedure.set(row.procedureId, [...(byProcedure.get(row.procedureId) ?? []), row]);
    return byProcedure;
  }

  findByCode(code: string): Promise<ProcedureEntity | null> {
    return this.dataSource.getRepository(ProcedureEntity).findOne({ where: { code } });
  }

  /** The current commune-level unit (ward or commune) with this GSO code, if any. */
  findCurrentCommune(code: string): Promise<AdministrativeUnitEntity | null> {
    return this.dataSource.getRepository(AdministrativeUnitEntity).findOne({ where: { code, level: 'commune', validTo: IsNull() } });
  }

  /** The `proceduresNotAccepted` list of each service point in the ward. */
  async notAcceptedListsInWard(wardId: number): Promise<string[][]> {
    const points = await this.dataSource
      .getRepository(ServicePointEntity)
      .find({ select: { id: true, proceduresNotAccepted: true }, where: { wardId }, order: { id: 'ASC' } });
    return points.map((p) => p.proceduresNotAccepted);
  }
}
