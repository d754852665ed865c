/**
 * Service points (Public Administrative Service Centres and their branches) from a CSV file that ward
 * officials or the provincial IT team keep in a spreadsheet. UTF-8, comma-separated, RFC 4180 quoting,
 * header line first, exactly these columns in any order:
 *
 *   key,kind,name,ward_code,address,lat,lng,phone,email,opening_hours,accessibility_notes,procedures_not_accepted,source,licence,demo_fields
 *
 * - key                      stable natural key, lower-case letters, digits and "-" (e.g. ttphcc-12452);
 *                            re-importing a row with the same key updates that point
 * - kind                     ward_centre | provincial_centre | branch
 * - name, address            free text, required
 * - ward_code                5-digit GSO code of a current ward (must already be imported); empty for
 *                            a point that belongs to no ward (e.g. the provincial centre)
 * - lat, lng                 WGS84 decimal degrees, "." as decimal separator, required
 * - phone, email             empty when unknown
 * - opening_hours            OpenStreetMap opening_hours syntax, e.g. Mo-Fr 07:30-11:30,13:30-17:00
 * - accessibility_notes      free text, may be empty
 * - procedures_not_accepted  national procedure codes separated by ";" (e.g. 1.001193;2.000815)
 * - source, licence          where the row's facts come from and under which licence; when a cell is
 *                            empty the CLI's --source / --licence apply, and one of the two must be given
 * - demo_fields              fields whose values are sample data, separated by ";" (e.g. point;phone),
 *                            or * when the whole row is made up; pages label them as demo
 *
 * One-off closures are not part of this file: officials enter them in the workspace.
 */
import { servicePointRecordSchema, type ServicePointRecord } from '@pho-so/shared/contracts';
import { ImportRejected, type Located } from '@pho-so/server/dataset';
import { readCsv, requireColumns, splitList } from './csv';
import { rejectDuplicates } from './common';
import { validateRecord } from './validate';

export const SERVICE_POINT_COLUMNS = [
  'key',
  'kind',
  'name',
  'ward_code',
  'address',
  'lat',
  'lng',
  'phone',
  'email',
  'opening_hours',
  'accessibility_notes',
  'procedures_not_accepted',
  'source',
  'licence',
  'demo_fields',
] as const;

export interface ServicePointsOptions {
  /** Provenance for rows whose source / licence cell is empty. */
  source?: string;
  licence?: string;
  attribution?: string;
}

const RECORD_FIELD_TO_COLUMN: Record<string, string> = {
  key: 'key',
  kind: 'kind',
  name: 'name',
  wardCode: 'ward_code',
  address: 'address',
  point: 'lat',
  phone: 'phone',
  email: 'email',
  openingHours: 'opening_hours',
  accessibilityNotes: 'accessibility_notes',
  proceduresNotAccepted: 'procedures_not_accepted',
};

function fieldName(path: (string | number)[]): string {
  const [head, next] = path;
  if (head === 'point') return next === 'lng' ? 'lng' : 'lat';
  if (head === 'provenance') return next === 'licence' ? 'licence' : next === 'demo' ? 'demo_fields' : 'source';
  return RECORD_FIELD_TO_COLUMN[String(head)] ?? path.join('.');
}

/** A decimal number as written in the file; empty or anything else than a plain decimal is NaN, never 0. */
const decimal = (cell: string): number => (/^[-+]?\d+(\.\d+)?$/.test(cell) ? Number(cell) : NaN);

export function parseServicePointsCsv(file: string, text: string, options: ServicePointsOptions = {}): Located<ServicePointRecord>[] {
  const { header, rows } = readCsv(file, text);
  requireColumns(file, header, SERVICE_POINT_COLUMNS, true);
  const items = rows.map(({ line, cells }) => {
    const get = (name: (typeof SERVICE_POINT_COLUMNS)[number]) => (cells[name] ?? '').normalize('NFC');
    const reject = (field: string, reason: string) => new ImportRejected(file, line, field, reason);
    const orNull = (value: string) => (value === '' ? null : value);

    for (const column of ['lat', 'lng'] as const) {
      if (Number.isNaN(decimal(get(column)))) throw reject(column, get(column) === '' ? 'required' : `"${get(column)}" is not a decimal number (use "." as decimal separator)`);
    }
    // The shared schema sets no length; the service_point.key column is varchar(64).
    if (get('key').length > 64) throw reject('key', 'at most 64 characters');
    const wardCode = orNull(get('ward_code'));
    if (wardCode !== null && !/^\d{5}$/.test(wardCode)) throw reject('ward_code', `"${wardCode}" is not a 5-digit GSO ward code`);
    const proceduresNotAccepted = splitList(get('procedures_not_accepted'));
    const badCode = proceduresNotAccepted.find((code) => !/^\d\.\d{6}$/.test(code));
    if (badCode !== undefined) throw reject('procedures_not_accepted', `"${badCode}" is not a national procedure code such as 1.001193`);
    const source = get('source') || options.source;
    const licence = get('licence') || options.licence;
    if (!source) throw reject('source', 'required (or pass --source)');
    if (!licence) throw reject('licence', 'required (or pass --licence)');

    const candidate = {
      key: get('key'),
      kind: get('kind'),
      name: get('name'),
      wardCode,
      address: get('address'),
      point: { lat: decimal(get('lat')), lng: decimal(get('lng')) },
      phone: orNull(get('phone')),
      email: orNull(get('email')),
      openingHours: get('opening_hours'),
      accessibilityNotes: get('accessibility_notes'),
      proceduresNotAccepted,
      provenance: {
        source,
        licence,
        ...(options.attribution ? { attribution: options.attribution } : {}),
        demo: splitList(get('demo_fields')),
      },
    };
    return { record: validateRecord(servicePointRecordSchema, candidate, file, line, fieldName), at: { file, line } };
  });
  rejectDuplicates(items, (r) => r.key, 'key');
  return items;
}
