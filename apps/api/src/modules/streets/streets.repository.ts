import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AdministrativeUnitEntity, AdministrativeUnitSuccessionEntity, PlateEntity, StreetEntity } from '@pho-so/server/db';

/** Where a page of results starts: after this (rank, slug) in the order rank DESC, slug ASC. */
export interface StreetKeyset {
  rank: number;
  slug: string;
}

export interface StreetSearchRow {
  streetId: string;
  slug: string;
  rank: number;
  matchOn: 'name' | 'oldName' | 'ward' | null;
  matchText: string | null;
  wardCode: string | null;
  wardName: string | null;
  wardCurrent: boolean | null;
}

export interface StreetSearchParams {
  /** The search text as typed (folded in SQL); null lists the streets of `wardIds`. */
  text: string | null;
  /** Only streets that run through one of these (current) wards; null for no ward filter. */
  wardIds: number[] | null;
  after: StreetKeyset | null;
  limit: number;
}

export interface PredecessorRow {
  unit: AdministrativeUnitEntity;
  mergeType: 'full' | 'partial';
  legalBasis: string;
}

/** Accent- and case-folded, as the trigram index `IDX_street_name_search` is built. */
const fold = (expression: string) => `lower(immutable_unaccent(${expression}))`;

/** LIKE metacharacters of a (folded) text escaped with the default escape character, backslash. */
const likeEscaped = (expression: string) => `replace(replace(replace(${expression}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

/**
 * The match score of a folded name `x` against the folded query `t` (its LIKE-escaped form `tl`).
 * The tier says how the name matches: 4 equal, 3 starts with the query, 2.5 a word of it starts with
 * the query, 2 contains it, 1 only close to it (a typo, or the query says more than the name, as in
 * "phố Lê Lợi"). Within a tier, trigram similarity of the whole name and of the best-matching part
 * orders the names (adds less than 1, so tiers never overlap).
 */
const nameScore = (x: string, t: string, tl: string) => `(CASE
      WHEN ${x} = ${t} THEN 4
      WHEN ${x} LIKE ${tl} || '%' THEN 3
      WHEN ${x} LIKE '% ' || ${tl} || '%' THEN 2.5
      WHEN ${x} LIKE '%' || ${tl} || '%' THEN 2
      ELSE 1 END) + 0.5 * similarity(${x}, ${t}) + 0.49 * GREATEST(word_similarity(${t}, ${x}), word_similarity(${x}, ${t}))`;

/**
 * Which names are candidates at all: containing the query, or close to it by trigrams (pg_trgm's
 * default thresholds: similarity ≥ 0.3 for the whole name, e.g. one wrong letter; word similarity
 * ≥ 0.6 between the query and a part of the name, or between the name and a part of the query).
 *
 * The thresholds are written out with the functions rather than the `%` operator: on PGlite 0.5
 * `name % text` over table rows returns no rows and leaves the session broken, so the same SQL on both
 * engines cannot use it. The price is that the fuzzy branch is not index-assisted (a scan of the
 * street table computing trigrams per name; fine for a city's few hundred streets, and for a province's
 * few thousand). `LIKE` alone would use `IDX_street_name_search`.
 */
const nameMatches = (x: string, t: string, tl: string) =>
  `(${x} LIKE '%' || ${tl} || '%' OR similarity(${x}, ${t}) >= 0.3 OR word_similarity(${t}, ${x}) >= 0.6 OR word_similarity(${x}, ${t}) >= 0.6)`;

/** Score of a street found through a ward whose name equals the query (between "contains" and "typo"). */
const WARD_EXACT_SCORE = 2.4;

/**
 * Reads streets, their wards, plates and the wards' predecessors; only queries, no rules. Raw SQL is
 * plain Postgres with pg_trgm and unaccent, so it runs the same on the server and on PGlite.
 */
@Injectable()
export class StreetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One page of streets in the order rank DESC, slug ASC (slug in byte order, `COLLATE "C"`, so the
   * order and the keyset comparison are the same on every engine and locale), starting after `after`.
   *
   * With a text, a street is a hit by its name, one of its old names (scored half a tier lower) or a
   * ward it runs through, when the text names that ward (current or pre-2025 name, e.g. "Đề Thám" →
   * the streets now in Phường Trần Hưng Đạo) exactly, or with a typo (trigram similarity ≥ 0.5 at most
   * two characters longer or shorter, so "tran" does not name Phường Trần Lãm). Each street keeps its
   * best hit. Rank is the score × 1000 rounded to an integer, so the keyset compares exact integers,
   * never floats that could round differently on the way through a cursor.
   */
  async search({ text, wardIds, after, limit }: StreetSearchParams): Promise<StreetSearchRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown, cast: string) => {
      params.push(value);
      return `$${params.length}::${cast}`;
    };
    const conditions: string[] = [];
    if (wardIds !== null) {
      conditions.push(`EXISTS (SELECT 1 FROM street_ward sw WHERE sw.street_id = s.id AND sw.ward_id = ANY(${param(wardIds, 'int[]')}))`);
    }
    if (after !== null) {
      const rank = param(after.rank, 'int');
      conditions.push(`(b.rank < ${rank} OR (b.rank = ${rank} AND s.slug COLLATE "C" > ${param(after.slug, 'text')}))`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

    let best: string;
    if (text === null) {
      best = `SELECT s.id AS street_id, 0 AS rank, NULL::text AS match_on, NULL::text AS match_text,
                     NULL::text AS ward_code, NULL::text AS ward_name, NULL::boolean AS ward_current
                FROM street s`;
    } else {
      const t = fold(param(text, 'text'));
      const tl = likeEscaped(t);
      const name = fold('s.name');
      const old = fold('o.name');
      const base = fold(`CASE WHEN u.name LIKE u.unit_type || ' %' THEN substr(u.name, char_length(u.unit_type) + 2) ELSE u.name END`);
      const full = fold('u.name');
      const close = (x: string) => `(similarity(${x}, ${t}) >= 0.5 AND abs(char_length(${x}) - char_length(${t})) <= 2)`;
      best = `
        WITH name_hits AS (
          SELECT s.id AS street_id, ${nameScore(name, t, tl)} AS score, 'name' AS match_on, s.name AS match_text,
                 NULL::text AS ward_code, NULL::text AS ward_name, NULL::boolean AS ward_current
            FROM street s
           WHERE ${nameMatches(name, t, tl)}
        ), old_name_hits AS (
          SELECT s.id, ${nameScore(old, t, tl)} - 0.5, 'oldName', o.name, NULL::text, NULL::text, NULL::boolean
            FROM street s CROSS JOIN LATERAL jsonb_array_elements_text(s.old_names) AS o(name)
           WHERE s.old_names <> '[]'::jsonb AND ${nameMatches(old, t, tl)}
        ), named_units AS (
          SELECT u.id, u.code, u.name, u.valid_to IS NULL AS current,
                 CASE WHEN ${full} = ${t} OR ${base} = ${t} THEN ${WARD_EXACT_SCORE}
                      ELSE 1 + 0.49 * GREATEST(similarity(${base}, ${t}), similarity(${full}, ${t})) END AS score
            FROM administrative_unit u
           WHERE u.level = 'commune'
             AND (${full} = ${t} OR ${base} = ${t} OR ${close(base)} OR ${close(full)})
        ), named_wards AS (
          SELECT n.*, n.id AS ward_id FROM named_units n WHERE n.current
          UNION ALL
          SELECT n.*, succ.successor_id
            FROM named_units n
            JOIN administrative_unit_succession succ ON succ.predecessor_id = n.id
            JOIN administrative_unit now ON now.id = succ.successor_id AND now.valid_to IS NULL
           WHERE NOT n.current
        ), ward_hits AS (
          SELECT sw.street_id, w.score, 'ward', w.name, w.code::text, w.name, w.current
            FROM named_wards w JOIN street_ward sw ON sw.ward_id = w.ward_id
        ), hits AS (
          SELECT * FROM name_hits UNION ALL SELECT * FROM old_name_hits UNION ALL SELECT * FROM ward_hits
        )
        SELECT DISTINCT ON (h.street_id) h.street_id, round(h.score * 1000)::int AS rank, h.match_on, h.match_text,
               h.ward_code, h.ward_name, h.ward_current
          FROM hits h
         ORDER BY h.street_id, h.score DESC, h.match_on = 'name' DESC, h.ward_current DESC NULLS LAST`;
    }
    const rows: {
      street_id: string;
      slug: string;
      rank: number | string;
      match_on: StreetSearchRow['matchOn'];
      match_text: string | null;
      ward_code: string | null;
      ward_name: string | null;
      ward_current: boolean | null;
    }[] = await this.dataSource.query(
      `SELECT b.*, s.slug
         FROM (${best}) b
         JOIN street s ON s.id = b.street_id
        ${where}
        ORDER BY b.rank DESC, s.slug COLLATE "C" ASC
        LIMIT ${param(limit, 'int')}`,
      params,
    );
    return rows.map((row) => ({
      streetId: row.street_id,
      slug: row.slug,
      rank: Number(row.rank),
      matchOn: row.match_on,
      matchText: row.match_text,
      wardCode: row.ward_code,
      wardName: row.ward_name,
      wardCurrent: row.ward_current,
    }));
  }

  /** Streets with their wards (ward relation loaded), in no particular order. */
  findByIds(ids: string[]): Promise<StreetEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(StreetEntity).find({ where: { id: In(ids) }, relations: { wards: { ward: true } } });
  }

  findBySlug(slug: string): Promise<StreetEntity | null> {
    return this.dataSource.getRepository(StreetEntity).findOne({ where: { slug }, relations: { wards: { ward: true } } });
  }

  platesOf(streetId: string): Promise<PlateEntity[]> {
    return this.dataSource.getRepository(PlateEntity).find({ where: { streetId }, order: { code: 'ASC' } });
  }

  /** Every unit with a GSO code (a code can name an old and a new unit), newest first. */
  unitsByCode(code: string): Promise<AdministrativeUnitEntity[]> {
    return this.dataSource.getRepository(AdministrativeUnitEntity).find({ where: { code }, order: { validFrom: { direction: 'DESC', nulls: 'LAST' } } });
  }

  /** The current units each of `unitIds` became. */
  async currentSuccessors(unitIds: number[]): Promise<AdministrativeUnitEntity[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(AdministrativeUnitSuccessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.successor', 'successor')
      .where('s.predecessor_id IN (:...unitIds)', { unitIds })
      .andWhere('successor.valid_to IS NULL')
      .orderBy('successor.name', 'ASC')
      .getMany();
    const byId = new Map<number, AdministrativeUnitEntity>();
    for (const row of rows) if (row.successor) byId.set(row.successor.id, row.successor);
    return [...byId.values()];
  }

  /** For each of `wardIds`, the units merged into it (what it was before the reform), by name. */
  async predecessors(wardIds: number[]): Promise<Map<number, PredecessorRow[]>> {
    const byWard = new Map<number, PredecessorRow[]>();
    if (wardIds.length === 0) return byWard;
    const rows = await this.dataSource
      .getRepository(AdministrativeUnitSuccessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.predecessor', 'predecessor')
      .where('s.successor_id IN (:...wardIds)', { wardIds })
      .orderBy('predecessor.name', 'ASC')
      .addOrderBy('predecessor.code', 'ASC')
      .getMany();
    for (const row of rows) {
      if (!row.predecessor) continue;
      byWard.set(row.successorId, [...(byWard.get(row.successorId) ?? []), { unit: row.predecessor, mergeType: row.mergeType, legalBasis: row.legalBasis }]);
    }
    return byWard;
  }
}
