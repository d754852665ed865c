import { adminUnitRecordSchema, type AdminUnitRecord, type Provenance } from '@pho-so/shared/contracts';
import { ImportRejected, type Located } from '@pho-so/server/dataset';
import { readCsv, requireColumns } from './csv';
import { fileLabel, oneLine, rejectDuplicates } from './common';
import { validateRecord } from './validate';

/**
 * Administrative units from the GSO lists as published after the 2025 reform (e.g. dvhcvn/20250701):
 *
 * - communes: `commune_code,commune_name,unit_type,province_code,province_name[,...]` → level "commune",
 *   parent name = the province;
 * - provinces: `province_code,province_name,unit_type[,...]` (no commune_code) → level "province".
 *
 * The shape is told apart by the header; other columns are ignored. Every unit is valid from
 * `validFrom` (the reform took effect on 2025-07-01) with no end.
 */
export interface AdminUnitsOptions {
  validFrom: string;
  source?: string;
  licence?: string;
  attribution?: string;
}

export const COMMUNE_COLUMNS = ['commune_code', 'commune_name', 'unit_type', 'province_code', 'province_name'] as const;
export const PROVINCE_COLUMNS = ['province_code', 'province_name', 'unit_type'] as const;

export const DEFAULT_ADMIN_UNITS_LICENCE = 'unspecified';

export function adminUnitsProvenance(file: string, options: AdminUnitsOptions): Provenance {
  return {
    source: options.source ?? `GSO administrative unit list (${fileLabel(file)})`,
    licence: options.licence ?? DEFAULT_ADMIN_UNITS_LICENCE,
    ...(options.attribution ? { attribution: options.attribution } : {}),
    demo: [],
  };
}

export function parseAdminUnitsCsv(file: string, text: string, options: AdminUnitsOptions): Located<AdminUnitRecord>[] {
  const { header, rows } = readCsv(file, text);
  const level = header.includes('commune_code') ? 'commune' : header.includes('province_code') ? 'province' : null;
  if (level === null) {
    throw new ImportRejected(file, 1, '(header)', `not a GSO list: expected ${COMMUNE_COLUMNS.join(',')} (communes) or ${PROVINCE_COLUMNS.join(',')} (provinces)`);
  }
  requireColumns(file, header, level === 'commune' ? COMMUNE_COLUMNS : PROVINCE_COLUMNS, false);
  const provenance = adminUnitsProvenance(file, options);
  const column: Record<string, string> =
    level === 'commune'
      ? { code: 'commune_code', name: 'commune_name', unitType: 'unit_type', provinceCode: 'province_code', parentName: 'province_name' }
      : { code: 'province_code', name: 'province_name', unitType: 'unit_type', provinceCode: 'province_code' };
  const fieldName = (path: (string | number)[]) => column[String(path[0])] ?? path.join('.');

  const items = rows.map(({ line, cells }) => {
    const get = (name: string) => oneLine(cells[name] ?? '');
    const candidate =
      level === 'commune'
        ? {
            code: get('commune_code'),
            name: get('commune_name'),
            unitType: get('unit_type'),
            level,
            provinceCode: get('province_code'),
            ...(get('province_name') ? { parentName: get('province_name') } : {}),
          }
        : { code: get('province_code'), name: get('province_name'), unitType: get('unit_type'), level, provinceCode: get('province_code') };
    const record = validateRecord(adminUnitRecordSchema, { ...candidate, validFrom: options.validFrom, validTo: null, provenance }, file, line, fieldName);
    // The shared schema allows 2 to 5 digits for any level; a GSO list is stricter than that.
    const digits = level === 'commune' ? 5 : 2;
    if (record.code.length !== digits) throw new ImportRejected(file, line, fieldName(['code']), `expected a ${level} code of ${digits} digits`);
    return { record, at: { file, line } };
  });
  rejectDuplicates(items, (r) => r.code, column['code'] ?? 'code');
  return items;
}
