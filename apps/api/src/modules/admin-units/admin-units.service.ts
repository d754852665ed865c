import { Injectable } from '@nestjs/common';
import type { AdminUnitByCode, AdminUnitSearchResult, AdminUnitSummary, AdminUnitsQuery } from '@pho-so/shared/contracts';
import type { AdministrativeUnitEntity } from '@pho-so/server/db';
import { notFound } from '../../common/problem-details.filter';
import { AdminUnitsRepository, type UnitLinkRow } from './admin-units.repository';

export function toAdminUnitSummary(unit: AdministrativeUnitEntity): AdminUnitSummary {
  return {
    code: unit.code,
    name: unit.name,
    unitType: unit.unitType,
    level: unit.level,
    provinceCode: unit.provinceCode,
    parentName: unit.parentName,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    current: unit.validTo === null,
  };
}

const toLink = (link: UnitLinkRow) => ({ ...toAdminUnitSummary(link.unit), mergeType: link.mergeType, legalBasis: link.legalBasis });

/** What a unit was or became across the 2025 reform (citizens still think in the old names). */
@Injectable()
export class AdminUnitsService {
  constructor(private readonly repository: AdminUnitsRepository) {}

  async search(query: AdminUnitsQuery): Promise<AdminUnitSearchResult> {
    const units = await this.repository.search(query.q, query.limit);
    return { items: units.map(toAdminUnitSummary) };
  }

  async byCode(code: string): Promise<AdminUnitByCode> {
    const units = await this.repository.findByCode(code);
    if (units.length === 0) {
      throw notFound('admin-unit-not-found', `No administrative unit has the GSO code ${code}.`);
    }
    const ids = units.map((u) => u.id);
    const [became, formedFrom] = await Promise.all([this.repository.links(ids, 'became'), this.repository.links(ids, 'formedFrom')]);
    return {
      code,
      units: units.map((unit) => ({
        ...toAdminUnitSummary(unit),
        became: (became.get(unit.id) ?? []).map(toLink),
        formedFrom: (formedFrom.get(unit.id) ?? []).map(toLink),
        provenance: unit.provenance,
      })),
    };
  }
}
