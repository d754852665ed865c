import type { EntityManager } from 'typeorm';
import type { DatasetImporter, ImportSummary, Located } from '@pho-so/server/dataset';
import { rejectSecondCurrentVersion } from './current-units-guard';
import { parseAdminUnitsCsv } from './parsers/admin-units';
import { parsePortalProcedures } from './parsers/procedures';
import { parseServicePointsCsv } from './parsers/service-points';
import { parseOsmStreets, WARD_CODES_PROPERTY } from './parsers/streets';

/** Options of `npm run import`, already checked; each kind reads the ones it accepts. */
export interface ImportOptions {
  /** admin-units: start of validity, YYYY-MM-DD. */
  validFrom?: string;
  /** admin-units, service-points: provenance. */
  source?: string;
  licence?: string;
  attribution?: string;
  /** streets: GSO codes of the ward(s) for features without their own `pho_so:ward_codes`. */
  wardCodes?: string[];
}
export type ImportOptionName = keyof ImportOptions;

export const DEFAULT_VALID_FROM = '2025-07-01';

/**
 * One kind of import: how its file format becomes normalised records, and which DatasetImporter method
 * stores them. Parsing needs no database, so a malformed file is rejected before connecting.
 */
export interface KindImporter {
  describe: string;
  options: readonly ImportOptionName[];
  parse(file: string, text: string, options: ImportOptions): Located<unknown>[];
  store(importer: DatasetImporter, items: Located<unknown>[], manager: EntityManager): Promise<ImportSummary>;
  /** Names a field the importer rejected (a record field such as "wardCode") as the file names it. */
  fileField?(recordField: string): string;
}

/** Declares a kind with its parser and importer method typed for the same record. */
function kind<R>(definition: {
  describe: string;
  options: readonly ImportOptionName[];
  parse(file: string, text: string, options: ImportOptions): Located<R>[];
  store(importer: DatasetImporter, items: Located<R>[], manager: EntityManager): Promise<ImportSummary>;
  fileField?(recordField: string): string;
}): KindImporter {
  return definition;
}

export const KINDS = {
  'admin-units': kind({
    describe: 'GSO list of communes or provinces (CSV)',
    options: ['validFrom', 'source', 'licence', 'attribution'],
    parse: (file, text, options) => parseAdminUnitsCsv(file, text, { ...options, validFrom: options.validFrom ?? DEFAULT_VALID_FROM }),
    store: async (importer, items, manager) => {
      await rejectSecondCurrentVersion(manager, items, (r) => (r.level === 'province' ? 'province_code' : 'commune_code'));
      return importer.adminUnits(items);
    },
  }),
  streets: kind({
    describe: 'OpenStreetMap GeoJSON export of named ways',
    options: ['wardCodes'],
    parse: (file, text, options) => parseOsmStreets(file, text, { wardCodes: options.wardCodes }),
    store: (importer, items) => importer.streets(items),
    fileField: (field) => (field.startsWith('wardCodes') ? `properties.${WARD_CODES_PROPERTY}` : field),
  }),
  'service-points': kind({
    describe: 'service points (CSV, see README)',
    options: ['source', 'licence', 'attribution'],
    parse: (file, text, options) => parseServicePointsCsv(file, text, options),
    store: (importer, items) => importer.servicePoints(items),
    fileField: (field) => (field === 'wardCode' ? 'ward_code' : field),
  }),
  procedures: kind({
    describe: 'national portal crawl (JSON)',
    options: [],
    parse: (file, text) => parsePortalProcedures(file, text),
    store: (importer, items) => importer.procedures(items),
  }),
};

export type ImportKind = keyof typeof KINDS;
export const IMPORT_KINDS = Object.keys(KINDS) as ImportKind[];
export const isImportKind = (value: string): value is ImportKind => Object.hasOwn(KINDS, value);
