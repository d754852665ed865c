import { z } from 'zod';
import { provenanceSchema } from './provenance';

/**
 * Normalised records: the shape the importers produce from foreign formats (GSO CSV, OSM GeoJSON,
 * portal JSON, CSV) and the shape of the project's own demo dataset in data/. The database layer
 * upserts these; nothing downstream reads a foreign format.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const gsoCode = z.string().regex(/^\d{2,5}$/, 'expected a GSO code of 2 to 5 digits');
export const latLngSchema = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
export type LatLng = z.infer<typeof latLngSchema>;

export const adminUnitLevelSchema = z.enum(['province', 'district', 'commune']);
export const adminUnitRecordSchema = z.object({
  code: gsoCode,
  name: z.string().min(1),
  /** As written in the GSO lists: Tỉnh, Thành phố, Phường, Xã, Thị trấn, Huyện, Đặc khu... */
  unitType: z.string().min(1),
  level: adminUnitLevelSchema,
  provinceCode: z.string().regex(/^\d{2}$/),
  /** Parent unit name as it stood (district for pre-reform communes), for display only. */
  parentName: z.string().min(1).optional(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  provenance: provenanceSchema,
});
export type AdminUnitRecord = z.infer<typeof adminUnitRecordSchema>;

/** An old unit (valid until the reform) → the new unit it became, wholly or in part. */
export const adminSuccessionRecordSchema = z.object({
  predecessorCode: gsoCode,
  predecessorValidTo: isoDate,
  successorCode: gsoCode,
  successorValidFrom: isoDate,
  mergeType: z.enum(['full', 'partial']),
  legalBasis: z.string().min(1),
  provenance: provenanceSchema,
});
export type AdminSuccessionRecord = z.infer<typeof adminSuccessionRecordSchema>;

export const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(z.tuple([z.number(), z.number()])).min(2),
});
export const multiLineStringSchema = z.object({
  type: z.literal('MultiLineString'),
  coordinates: z.array(z.array(z.tuple([z.number(), z.number()])).min(2)).min(1),
});
export const streetGeometrySchema = z.discriminatedUnion('type', [lineStringSchema, multiLineStringSchema]);
export type StreetGeometry = z.infer<typeof streetGeometrySchema>;

export const streetKindSchema = z.enum(['named_street', 'numbered_street', 'route_number']);
export const namesakeSchema = z.object({
  name: z.string().min(1),
  description: z.string().min(1),
  wikidataId: z.string().regex(/^Q\d+$/).optional(),
  sourceUrl: z.string().url().optional(),
  provenance: provenanceSchema,
});
export type Namesake = z.infer<typeof namesakeSchema>;

export const streetEndSchema = z.object({ description: z.string().min(1), point: latLngSchema.nullable() });
export const streetRecordSchema = z.object({
  slug: z.string().max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case slug such as tran-hung-dao'),
  name: z.string().min(1),
  kind: streetKindSchema,
  oldNames: z.array(z.string().min(1)).default([]),
  /** GSO codes of the post-reform wards the street runs through, home ward first. */
  wardCodes: z.array(gsoCode).min(1),
  start: streetEndSchema.nullable(),
  end: streetEndSchema.nullable(),
  lengthM: z.number().int().positive().nullable(),
  geometry: streetGeometrySchema.nullable(),
  namesake: namesakeSchema.nullable(),
  namingAct: z.string().min(1).nullable(),
  provenance: provenanceSchema,
});
export type StreetRecord = z.infer<typeof streetRecordSchema>;

export const plateStatusSchema = z.enum(['active', 'damaged', 'missing', 'removed']);
export const plateRecordSchema = z.object({
  code: z.string().min(1).max(16),
  streetSlug: z.string().min(1),
  positionDescription: z.string().min(1),
  point: latLngSchema.nullable(),
  status: plateStatusSchema,
  installedAt: isoDate.nullable(),
  provenance: provenanceSchema,
});
export type PlateRecord = z.infer<typeof plateRecordSchema>;

export const channelKindSchema = z.enum(['online', 'postal', 'in_person']);
/** A processing time exactly as far as the source states it; a missing unit stays null, never guessed. */
export const processingTimeSchema = z.object({
  raw: z.string(),
  value: z.number().nonnegative().nullable(),
  unit: z.enum(['working_days', 'days', 'hours', 'months']).nullable(),
});
export const procedureChannelSchema = z.object({
  channel: channelKindSchema,
  time: processingTimeSchema,
  fee: z.string(),
  note: z.string().default(''),
});
export const procedureLevelSchema = z.enum(['commune', 'province', 'ministry']);
export const procedureRecordSchema = z.object({
  code: z.string().regex(/^\d\.\d{6}$/, 'expected a national procedure code such as 1.001193'),
  name: z.string().min(1),
  field: z.string().min(1),
  levels: z.array(procedureLevelSchema).min(1),
  implementingAgency: z.string(),
  channels: z.array(procedureChannelSchema),
  /** Online level is not in the crawl; null means unknown. */
  onlineLevel: z.enum(['full', 'partial']).nullable(),
  documents: z.string(),
  steps: z.string(),
  conditions: z.string(),
  legalBasis: z.string(),
  results: z.array(z.string()),
  sourceUrl: z.string().url(),
  syncedAt: z.string().datetime({ offset: true }).nullable(),
  provenance: provenanceSchema,
});
export type ProcedureRecord = z.infer<typeof procedureRecordSchema>;

export const servicePointKindSchema = z.enum(['ward_centre', 'provincial_centre', 'branch']);
export const closureSchema = z.object({ from: isoDate, to: isoDate, reason: z.string().min(1) });
export const servicePointRecordSchema = z.object({
  /** Stable natural key, e.g. "ttphcc-12452". */
  key: z.string().max(64).regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and hyphens, e.g. ttphcc-12452'),
  kind: servicePointKindSchema,
  name: z.string().min(1),
  wardCode: gsoCode.nullable(),
  address: z.string().min(1),
  point: latLngSchema,
  phone: z.string().nullable(),
  email: z.string().email().nullable(),
  openingHours: z.string().min(1),
  /** Absent: leave the closures officials entered alone (a CSV import carries none). */
  closures: z.array(closureSchema).optional(),
  accessibilityNotes: z.string().default(''),
  proceduresNotAccepted: z.array(z.string()).default([]),
  provenance: provenanceSchema,
});
export type ServicePointRecord = z.infer<typeof servicePointRecordSchema>;

/** The project's demo dataset: one file per kind under data/, each `{ about, records }`. */
export const datasetFileSchema = <T extends z.ZodTypeAny>(record: T) =>
  z.object({ about: z.string().min(1), sources: z.array(z.string()).default([]), records: z.array(record) });

/** The envelope alone, records unchecked: lets a reader report each bad record with its own line. */
export const datasetEnvelopeSchema = z.object({ about: z.string().min(1), sources: z.array(z.string()).default([]), records: z.array(z.unknown()) });
