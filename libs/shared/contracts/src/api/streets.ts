// Contracts of the streets endpoints.
import { z } from 'zod';
import { latLngSchema, namesakeSchema, streetGeometrySchema, streetKindSchema } from '../dataset/records';
import { adminUnitLinkSchema, adminUnitSummarySchema } from './admin-units';
import { plateSchema } from './plates';
import { cursorSchema, gsoCodeParamSchema, limitSchema, pageOf, provenanceOutSchema, searchTextSchema } from './common';

/** A street's slug as it appears in URLs: lower-case letters and digits in hyphen-separated words. */
export const streetSlugParamSchema = z
  .string()
  .max(120, 'must be at most 120 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a street slug: lower-case letters and digits separated by single hyphens, e.g. tran-hung-dao');

/**
 * `GET /streets`: a search (`q`), a ward's streets (`ward`), or both. `ward` is a GSO code of a
 * current ward, or of an old (pre-2025) unit, which stands for the ward(s) it became.
 */
export const streetsQuerySchema = z
  .object({
    q: searchTextSchema.optional(),
    ward: gsoCodeParamSchema.optional(),
    limit: limitSchema,
    cursor: cursorSchema.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.q === undefined && query.ward === undefined) {
      ctx.addIssue({ code: 'custom', path: ['q'], message: 'is required unless ward is given: pass q (a street or ward name, e.g. tran hung dao) or ward (a GSO code, e.g. 12452), or both' });
    }
  });
export type StreetsQuery = z.infer<typeof streetsQuerySchema>;

export const streetWardRefSchema = z.object({ code: z.string(), name: z.string() });
export type StreetWardRef = z.infer<typeof streetWardRefSchema>;

/** A street in a list, and wherever another resource names its street (a plate). */
export const streetSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: streetKindSchema,
  oldNames: z.array(z.string()),
  /** Current wards (after the 2025 reform), home ward first. */
  wards: z.array(streetWardRefSchema),
  lengthM: z.number().int().nullable(),
  /** `demo` lists the made-up fields (e.g. wards, length) that pages must label as sample data. */
  provenance: provenanceOutSchema,
});
export type StreetSummary = z.infer<typeof streetSummarySchema>;

/**
 * Why a street is in the search results: its name, one of its old names, or a ward it runs through
 * (found by the ward's current or pre-2025 name; `ward` says which unit matched and whether it is current).
 */
export const streetMatchSchema = z.object({
  on: z.enum(['name', 'oldName', 'ward']),
  /** The text that matched the query: the street's name, the old name or the ward's name. */
  text: z.string(),
  ward: z.object({ code: z.string(), name: z.string(), current: z.boolean() }).nullable(),
});
export type StreetMatch = z.infer<typeof streetMatchSchema>;

export const streetSearchItemSchema = streetSummarySchema.extend({
  /** Null when listing a ward's streets without `q`. */
  match: streetMatchSchema.nullable(),
});
export type StreetSearchItem = z.infer<typeof streetSearchItemSchema>;

/** The unit a `ward` filter named, and the current wards it stands for. */
export const streetWardFilterSchema = z.object({
  code: z.string(),
  name: z.string(),
  current: z.boolean(),
  /** The current wards searched: the ward itself, or what an old unit became. */
  wards: z.array(streetWardRefSchema),
});
export type StreetWardFilter = z.infer<typeof streetWardFilterSchema>;

/**
 * Best matches first (exact name, then names that start with the query, contain it, or are close to
 * it despite a typo, then streets of a ward whose name matched); without `q`, alphabetical by slug.
 * `nextCursor` (null on the last page) is passed back unchanged as `cursor` with the same `q` and `ward`.
 */
export const streetSearchResultSchema = pageOf(streetSearchItemSchema).extend({ ward: streetWardFilterSchema.nullable() });
export type StreetSearchResult = z.infer<typeof streetSearchResultSchema>;

export const streetEndOutSchema = z.object({ description: z.string(), point: latLngSchema.nullable() });

/** A current ward the street runs through, and what it was before 1 July 2025. */
export const streetWardDetailSchema = adminUnitSummarySchema.extend({
  /** The street's home ward (listed first). */
  home: z.boolean(),
  /** The pre-reform units merged into this ward, with the merge type and legal basis. */
  before: z.array(adminUnitLinkSchema),
});
export type StreetWardDetail = z.infer<typeof streetWardDetailSchema>;

/** A plate on the street: the same shape as the plate lookup returns. */
export const streetPlateSchema = plateSchema;
export type StreetPlate = z.infer<typeof streetPlateSchema>;

export const streetDetailSchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: streetKindSchema,
  oldNames: z.array(z.string()),
  start: streetEndOutSchema.nullable(),
  end: streetEndOutSchema.nullable(),
  lengthM: z.number().int().nullable(),
  /** GeoJSON LineString or MultiLineString, WGS84 [lng, lat]. */
  geometry: streetGeometrySchema.nullable(),
  /**
   * The point half-way along the street (along the geometry, or between the ends when there is no
   * geometry); null when neither is known. The default origin for the nearest service points.
   */
  midpoint: latLngSchema.nullable(),
  /** Current wards, home ward first, each with what it was before 1 July 2025. */
  wards: z.array(streetWardDetailSchema),
  /** Who the street is named after, with the source URL, licence and attribution to show with the text. */
  namesake: namesakeSchema.nullable(),
  namingAct: z.string().nullable(),
  plates: z.array(streetPlateSchema),
  /** Where the street's facts come from; `demo` lists the made-up fields pages must label as sample data. */
  provenance: provenanceOutSchema,
});
export type StreetDetail = z.infer<typeof streetDetailSchema>;
