import type { EntityManager } from 'typeorm';
import { In, IsNull, Not } from 'typeorm';
import type { AdminUnitRecord } from '@pho-so/shared/contracts';
import { AdministrativeUnitEntity } from '@pho-so/server/db';
import { ImportRejected, type Located } from '@pho-so/server/dataset';

/**
 * The importer keys units by (code, valid_from), so the same list imported with another --valid-from
 * would add a second open-ended version of every unit, and "the current ward 12452" would become
 * ambiguous for streets and service points. Refuse that: a unit that is already current from another
 * date must be closed (valid_to set) before a new version of it is imported.
 */
export async function rejectSecondCurrentVersion(manager: EntityManager, items: Located<AdminUnitRecord>[], codeColumn: (record: AdminUnitRecord) => string): Promise<void> {
  const open = items.filter(({ record }) => record.validTo === null);
  if (open.length === 0) return;
  const current = await manager.getRepository(AdministrativeUnitEntity).find({
    select: { code: true, validFrom: true },
    where: { code: In(open.map(({ record }) => record.code)), validTo: IsNull(), validFrom: Not(IsNull()) },
  });
  const currentFrom = new Map(current.map((u) => [u.code, u.validFrom]));
  for (const { record, at } of open) {
    const from = currentFrom.get(record.code);
    if (from !== undefined && from !== record.validFrom) {
      throw new ImportRejected(
        at.file,
        at.line,
        codeColumn(record),
        `unit ${record.code} is already current (valid from ${from}); a second current version valid from ${record.validFrom ?? 'the beginning'} would make it ambiguous. Import with --valid-from ${from}, or close the old version first`,
      );
    }
  }
}
