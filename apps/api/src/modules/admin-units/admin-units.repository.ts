import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdministrativeUnitEntity, AdministrativeUnitSuccessionEntity } from '@pho-so/server/db';

export interface UnitLinkRow {
  unit: AdministrativeUnitEntity;
  mergeType: 'full' | 'partial';
  legalBasis: string;
}

/** Reads administrative units and their successions; no rules here, only queries. */
@Injectable()
export class AdminUnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Accent- and case-insensitive name search, best matches first (trigram similarity). */
  search(text: string, limit: number): Promise<AdministrativeUnitEntity[]> {
    return this.dataSource
      .getRepository(AdministrativeUnitEntity)
      .createQueryBuilder('u')
      .where(`lower(immutable_unaccent(u.name)) LIKE '%' || lower(immutable_unaccent(:text)) || '%'`, { text })
      .orWhere(`similarity(lower(immutable_unaccent(u.name)), lower(immutable_unaccent(:text))) > 0.3`)
      .orderBy(`similarity(lower(immutable_unaccent(u.name)), lower(immutable_unaccent(:text)))`, 'DESC')
      .addOrderBy('u.valid_to IS NULL', 'DESC')
      .addOrderBy('u.code', 'ASC')
      .limit(limit)
      .getMany();
  }

  findByCode(code: string): Promise<AdministrativeUnitEntity[]> {
    return this.dataSource.getRepository(AdministrativeUnitEntity).find({ where: { code }, order: { validFrom: { direction: 'DESC', nulls: 'LAST' } } });
  }

  /** Links from each of `unitIds` to its successors (`direction: 'became'`) or predecessors. */
  async links(unitIds: number[], direction: 'became' | 'formedFrom'): Promise<Map<number, UnitLinkRow[]>> {
    const byUnit = new Map<number, UnitLinkRow[]>();
    if (unitIds.length === 0) return byUnit;
    const [from, to] = direction === 'became' ? (['predecessor', 'successor'] as const) : (['successor', 'predecessor'] as const);
    const rows = await this.dataSource
      .getRepository(AdministrativeUnitSuccessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect(`s.${to}`, 'other')
      .where(`s.${from}_id IN (:...unitIds)`, { unitIds })
      .orderBy('other.name', 'ASC')
      .getMany();
    for (const row of rows) {
      const key = direction === 'became' ? row.predecessorId : row.successorId;
      const other = direction === 'became' ? row.successor : row.predecessor;
      if (!other) continue;
      byUnit.set(key, [...(byUnit.get(key) ?? []), { unit: other, mergeType: row.mergeType, legalBasis: row.legalBasis }]);
    }
    return byUnit;
  }
}
