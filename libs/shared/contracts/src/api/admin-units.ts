import { z } from 'zod';
import { gsoCodeParamSchema, isoDateSchema, limitSchema, provenanceOutSchema, searchTextSchema } from './common';

export const adminUnitsQuerySchema = z.object({
  q: searchTextSchema,
  limit: limitSchema,
});
export type AdminUnitsQuery = z.infer<typeof adminUnitsQuerySchema>;

export const adminUnitCodeParamSchema = gsoCodeParamSchema;

export const adminUnitSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  unitType: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  provinceCode: z.string(),
  /** District (or other parent) as it stood, for units from before the reform. */
  parentName: z.string().nullable(),
  validFrom: isoDateSchema.nullable(),
  validTo: isoDateSchema.nullable(),
  /** Still in force today. */
  current: z.boolean(),
});
export type AdminUnitSummary = z.infer<typeof adminUnitSummarySchema>;

export const adminUnitLinkSchema = adminUnitSummarySchema.extend({
  mergeType: z.enum(['full', 'partial']),
  legalBasis: z.string(),
});
export type AdminUnitLink = z.infer<typeof adminUnitLinkSchema>;

/** One unit with what it became after the reform and what it was formed from. */
export const adminUnitDetailSchema = adminUnitSummarySchema.extend({
  became: z.array(adminUnitLinkSchema),
  formedFrom: z.array(adminUnitLinkSchema),
  provenance: provenanceOutSchema,
});
export type AdminUnitDetail = z.infer<typeof adminUnitDetailSchema>;

/** A GSO code can name two units (e.g. 12452, the old and the new Phường Trần Hưng Đạo). */
export const adminUnitByCodeSchema = z.object({ code: z.string(), units: z.array(adminUnitDetailSchema).min(1) });
export type AdminUnitByCode = z.infer<typeof adminUnitByCodeSchema>;

export const adminUnitSearchResultSchema = z.object({ items: z.array(adminUnitSummarySchema) });
export type AdminUnitSearchResult = z.infer<typeof adminUnitSearchResultSchema>;
