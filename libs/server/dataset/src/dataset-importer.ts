import type { EntityManager, FindOptionsOrder, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { IsNull } from 'typeorm';
import type {
  AdminSuccessionRecord,
  AdminUnitRecord,
  PlateRecord,
  ProcedureRecord,
  ServicePointRecord,
  StreetRecord,
} from '@pho-so/shared/contracts';
import {
  AdministrativeUnitEntity,
  AdministrativeUnitSuccessionEntity,
  PlateEntity,
  ProcedureChannelEntity,
  ProcedureEntity,
  ServicePointClosureEntity,
  ServicePointEntity,
  StreetEntity,
  StreetWardEntity,
} from '@pho-so/server/db';
import { emptySummary, ImportRejected, ImportSummary, RecordLocation } from './import-summary';
import { sameValue, upsertByNaturalKey, UpsertOutcome } from './upsert';

/** A normalised record and where it came from in its file. */
export interface Located<T> {
  record: T;
  at: RecordLocation;
}

function count(summary: ImportSummary, outcome: UpsertOutcome): void {
  summary[outcome] += 1;
}

/**
 * Makes a parent's child rows equal `wanted` (compared on the fields `wanted` has), replacing them
 * all when anything differs. Returns whether it changed anything.
 */
async function replaceChildRows<T extends ObjectLiteral>(
  repository: Repository<T>,
  parent: FindOptionsWhere<T>,
  order: FindOptionsOrder<T>,
  wanted: QueryDeepPartialEntity<T>[],
): Promise<boolean> {
  const fields = Object.keys(wanted[0] ?? {});
  const current = (await repository.find({ where: parent, order })).map((row) =>
    Object.fromEntries(fields.map((field) => [field, row[field]])),
  );
  if (current.length === wanted.length && sameValue(current, wanted)) return false;
  await repository.delete(parent);
  if (wanted.length > 0) await repository.insert(wanted);
  return true;
}

/** The ward as it stands today (valid_to is null) for a GSO code. */
async function currentUnitId(manager: EntityManager, code: string): Promise<number | null> {
  const unit = await manager.getRepository(AdministrativeUnitEntity).findOne({ where: { code, validTo: IsNull() } });
  return unit?.id ?? null;
}

/**
 * Idempotent upserts of normalised records by natural key. Each method expects to run inside one
 * transaction (the caller's), and throws `ImportRejected` naming file, line and field for a record
 * that cannot be stored, so the caller's transaction rolls back and nothing of the file is written.
 */
export class DatasetImporter {
  constructor(private readonly manager: EntityManager) {}

  async adminUnits(items: Located<AdminUnitRecord>[]): Promise<ImportSummary> {
    const summary = emptySummary('admin-units');
    for (const { record } of items) {
      const key = { code: record.code, validFrom: record.validFrom === null ? IsNull() : record.validFrom };
      const { outcome } = await upsertByNaturalKey(this.manager, AdministrativeUnitEntity, key as never, {
        name: record.name,
        unitType: record.unitType,
        level: record.level,
        provinceCode: record.provinceCode,
        parentName: record.parentName ?? null,
        validFrom: record.validFrom,
        validTo: record.validTo,
        provenance: record.provenance,
      });
      count(summary, outcome);
    }
    return summary;
  }

  async adminSuccessions(items: Located<AdminSuccessionRecord>[]): Promise<ImportSummary> {
    const summary = emptySummary('admin-successions');
    const units = this.manager.getRepository(AdministrativeUnitEntity);
    for (const { record, at } of items) {
      const predecessor = await units.findOne({ where: { code: record.predecessorCode, validTo: record.predecessorValidTo } });
      if (!predecessor) throw new ImportRejected(at.file, at.line, 'predecessorCode', `no unit ${record.predecessorCode} valid until ${record.predecessorValidTo}; import administrative units first`);
      const successor = await units.findOne({ where: { code: record.successorCode, validFrom: record.successorValidFrom } });
      if (!successor) throw new ImportRejected(at.file, at.line, 'successorCode', `no unit ${record.successorCode} valid from ${record.successorValidFrom}; import administrative units first`);
      const { outcome } = await upsertByNaturalKey(
        this.manager,
        AdministrativeUnitSuccessionEntity,
        { predecessorId: predecessor.id, successorId: successor.id },
        { mergeType: record.mergeType, legalBasis: record.legalBasis, provenance: record.provenance },
      );
      count(summary, outcome);
    }
    return summary;
  }

  async streets(items: Located<StreetRecord>[]): Promise<ImportSummary> {
    const summary = emptySummary('streets');
    for (const { record, at } of items) {
      const wardIds: number[] = [];
      for (const [index, code] of record.wardCodes.entries()) {
        const id = await currentUnitId(this.manager, code);
        if (id === null) throw new ImportRejected(at.file, at.line, `wardCodes[${index}]`, `no current ward with GSO code ${code}`);
        wardIds.push(id);
      }
      const { outcome, row } = await upsertByNaturalKey(this.manager, StreetEntity, { slug: record.slug }, {
        name: record.name,
        kind: record.kind,
        oldNames: record.oldNames,
        startDescription: record.start?.description ?? null,
        startLat: record.start?.point?.lat ?? null,
        startLng: record.start?.point?.lng ?? null,
        endDescription: record.end?.description ?? null,
        endLat: record.end?.point?.lat ?? null,
        endLng: record.end?.point?.lng ?? null,
        lengthM: record.lengthM,
        geometry: record.geometry,
        namesake: record.namesake,
        namingAct: record.namingAct,
        provenance: record.provenance,
      });
      const wardsChanged = await this.replaceStreetWards(row.id, wardIds);
      count(summary, outcome === 'unchanged' && wardsChanged ? 'updated' : outcome);
    }
    return summary;
  }

  private async replaceStreetWards(streetId: string, wardIds: number[]): Promise<boolean> {
    const repository = this.manager.getRepository(StreetWardEntity);
    const current = await repository.find({ where: { streetId }, order: { ordinal: 'ASC' } });
    if (sameValue(current.map((w) => w.wardId), wardIds)) return false;
    await repository.delete({ streetId });
    await repository.insert(wardIds.map((wardId, ordinal) => ({ streetId, wardId, ordinal })));
    return true;
  }

  async plates(items: Located<PlateRecord>[]): Promise<ImportSummary> {
    const summary = emptySummary('plates');
    const streets = this.manager.getRepository(StreetEntity);
    for (const { record, at } of items) {
      const street = await streets.findOne({ where: { slug: record.streetSlug }, select: { id: true } });
      if (!street) throw new ImportRejected(at.file, at.line, 'streetSlug', `no street with slug "${record.streetSlug}"; import streets first`);
      const { outcome } = await upsertByNaturalKey(this.manager, PlateEntity, { code: record.code }, {
        streetId: street.id,
        positionDescription: record.positionDescription,
        lat: record.point?.lat ?? null,
        lng: record.point?.lng ?? null,
        status: record.status,
        installedAt: record.installedAt,
        provenance: record.provenance,
      });
      count(summary, outcome);
    }
    return summary;
  }

  async procedures(items: Located<ProcedureRecord>[]): Promise<ImportSummary> {
    const summary = emptySummary('procedures');
    const channels = this.manager.getRepository(ProcedureChannelEntity);
    for (const { record } of items) {
      const { outcome, row } = await upsertByNaturalKey(this.manager, ProcedureEntity, { code: record.code }, {
        name: record.name,
        field: record.field,
        levels: record.levels,
        implementingAgency: record.implementingAgency,
        onlineLevel: record.onlineLevel,
        documents: record.documents,
        steps: record.steps,
        conditions: record.conditions,
        legalBasis: record.legalBasis,
        results: record.results,
        sourceUrl: record.sourceUrl,
        syncedAt: record.syncedAt === null ? null : new Date(record.syncedAt),
        provenance: record.provenance,
      });
      const channelsChanged = await replaceChildRows(
        channels,
        { procedureId: row.id },
        { ordinal: 'ASC' },
        record.channels.map((c, ordinal) => ({
          procedureId: row.id,
          ordinal,
          channel: c.channel,
          timeRaw: c.time.raw,
          timeValue: c.time.value,
          timeUnit: c.time.unit,
          fee: c.fee,
          note: c.note,
        })),
      );
      count(summary, outcome === 'unchanged' && channelsChanged ? 'updated' : outcome);
    }
    return summary;
  }

  async servicePoints(items: Located<ServicePointRecord>[]): Promise<ImportSummary> {
    const summary = emptySummary('service-points');
    const closures = this.manager.getRepository(ServicePointClosureEntity);
    for (const { record, at } of items) {
      let wardId: number | null = null;
      if (record.wardCode !== null) {
        wardId = await currentUnitId(this.manager, record.wardCode);
        if (wardId === null) throw new ImportRejected(at.file, at.line, 'wardCode', `no current ward with GSO code ${record.wardCode}`);
      }
      const { outcome, row } = await upsertByNaturalKey(this.manager, ServicePointEntity, { key: record.key }, {
        kind: record.kind,
        name: record.name,
        wardId,
        address: record.address,
        lat: record.point.lat,
        lng: record.point.lng,
        phone: record.phone,
        email: record.email,
        openingHours: record.openingHours,
        accessibilityNotes: record.accessibilityNotes,
        proceduresNotAccepted: record.proceduresNotAccepted,
        provenance: record.provenance,
      });
      const closuresChanged =
        record.closures !== undefined &&
        (await replaceChildRows(
          closures,
          { servicePointId: row.id },
          { startsOn: 'ASC' },
          [...record.closures]
            .sort((a, b) => a.from.localeCompare(b.from))
            .map((c) => ({ servicePointId: row.id, startsOn: c.from, endsOn: c.to, reason: c.reason })),
        ));
      count(summary, outcome === 'unchanged' && closuresChanged ? 'updated' : outcome);
    }
    return summary;
  }
}
