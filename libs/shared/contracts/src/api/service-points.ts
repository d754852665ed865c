// Contracts of the service-points endpoints.
import { z } from 'zod';
import { closureSchema, latLngSchema, servicePointKindSchema } from '../dataset/records';
import { isoDateSchema, provenanceOutSchema } from './common';
import { streetSlugParamSchema } from './streets';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/** Reads an ISO 8601 instant with an offset (or Z), minutes or seconds; null when malformed or not a real time. */
function parseInstant(text: string): Date | null {
  const m = INSTANT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) => Number(part ?? 0)) as number[];
  const millis = Number(`0.${m[7] ?? '0'}`) * 1000;
  const offsetMinutes = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (offsetMinutes > 14 * 60 || offsetMinutes < -12 * 60 || Number(m[11]) > 59) return null;
  const wall = new Date(Date.UTC(year!, month! - 1, day, hour, minute, second));
  // Month 13, 31 February, 24:00 or 12:60 roll over into another field: refuse them.
  if (wall.getUTCFullYear() !== year || wall.getUTCMonth() !== month! - 1 || wall.getUTCDate() !== day || wall.getUTCHours() !== hour || wall.getUTCMinutes() !== minute || wall.getUTCSeconds() !== second) {
    return null;
  }
  return new Date(wall.getTime() + millis - offsetMinutes * 60_000);
}

/**
 * `at`: an instant as ISO 8601 with its offset, e.g. `2025-03-04T09:00:00+07:00`. An unencoded `+` in a
 * query string arrives as a space; a space before the offset is read as `+`.
 */
export const atInstantSchema = z
  .string({ message: 'must be an ISO 8601 date-time with an offset, e.g. 2025-03-04T09:00:00+07:00' })
  .trim()
  .max(40, 'must be an ISO 8601 date-time with an offset, e.g. 2025-03-04T09:00:00+07:00')
  .transform((text, ctx) => {
    const instant = parseInstant(text.replace(/ (\d{2}:?\d{2})$/, '+$1'));
    if (!instant) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date-time with an offset, e.g. 2025-03-04T09:00:00+07:00 (write + as %2B)' });
      return z.NEVER;
    }
    return instant;
  })
  .describe('The moment to evaluate opening hours at, ISO 8601 with an offset; default: now (Asia/Ho_Chi_Minh)');

const LAT_LNG = /^(-?\d{1,3}(?:\.\d{1,12})?),\s*(-?\d{1,3}(?:\.\d{1,12})?)$/;
const PLATE_LIKE = /^[A-Za-z0-9][A-Za-z0-9 -]{3,22}$/;

/** Where distances are measured from. */
export type ServicePointsOrigin = { kind: 'point'; lat: number; lng: number } | { kind: 'plate'; code: string };

/**
 * `from`: a plate code as printed (any case, spaces and hyphens; the check character is verified by the
 * API) or a point `lat,lng` in WGS84. Absent: the street's midpoint.
 */
export const fromOriginSchema = z
  .string({ message: 'must be a plate code such as TB-233AC or a point lat,lng such as 20.45,106.34' })
  .trim()
  .max(40, 'must be a plate code such as TB-233AC or a point lat,lng such as 20.45,106.34')
  .transform((text, ctx): ServicePointsOrigin => {
    const point = LAT_LNG.exec(text);
    if (point) {
      const lat = Number(point[1]);
      const lng = Number(point[2]);
      if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180) return { kind: 'point', lat, lng };
      ctx.addIssue({ code: 'custom', message: 'must be a point with latitude -90..90 and longitude -180..180, e.g. 20.45,106.34' });
      return z.NEVER;
    }
    if (PLATE_LIKE.test(text)) return { kind: 'plate', code: text };
    ctx.addIssue({ code: 'custom', message: 'must be a plate code such as TB-233AC or a point lat,lng such as 20.45,106.34' });
    return z.NEVER;
  })
  .describe('A plate code (e.g. TB-233AC) or a point "lat,lng"; default: the midpoint of the street');

/** The street's slug in `/streets/{slug}/service-points`: the same rule as the streets endpoints. */
export const streetServicePointsParamSchema = streetSlugParamSchema;

export const streetServicePointsQuerySchema = z.object({
  from: fromOriginSchema.optional(),
  at: atInstantSchema.optional(),
  limit: z.coerce
    .number({ message: 'must be a whole number from 1 to 20' })
    .int('must be a whole number from 1 to 20')
    .min(1, 'must be a whole number from 1 to 20')
    .max(20, 'must be a whole number from 1 to 20')
    .default(5)
    .describe("At most this many service points (default 5); the street's own wards' centres are always listed"),
});
export type StreetServicePointsQuery = z.infer<typeof streetServicePointsQuerySchema>;

export const servicePointIdParamSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a service point id (a UUID)');

export const servicePointQuerySchema = z.object({ at: atInstantSchema.optional() });
export type ServicePointQuery = z.infer<typeof servicePointQuerySchema>;

export const localizedTextSchema = z.object({ vi: z.string(), en: z.string() });

export const timeIntervalSchema = z.object({
  from: z.string().describe('Local time HH:MM (Asia/Ho_Chi_Minh)'),
  to: z.string().describe('Local time HH:MM; 24:00 for midnight'),
});

/** "Open now?" for one service point at the request's `at`. */
export const openingStateSchema = z.object({
  /** Null when the hours on record cannot be read (the page then says "hours unknown" and shows `openingHours`). */
  openNow: z.boolean().nullable(),
  closedReason: z.enum(['holiday', 'closure', 'outside_hours']).nullable(),
  /** The public holiday (or compensatory day, or announced day off) of today, if any. */
  holiday: z.object({ name: z.string(), nameEn: z.string() }).nullable(),
  /** Today is a make-up working Saturday (làm bù), worked with the hours of the weekday it replaces. */
  makeUpWorkingDay: z.boolean(),
  nextChange: z
    .object({
      at: z.string().describe('ISO 8601 with the +07:00 offset'),
      kind: z.enum(['opens', 'closes']),
      text: localizedTextSchema.describe('e.g. vi "Đóng cửa lúc 11:30" / en "closes 11:30"; vi "Mở cửa Thứ Hai 07:30" / en "opens Mon 07:30"'),
    })
    .nullable(),
  /** Today's hours after holidays and closures; empty on a day off. */
  todayHours: z.array(timeIntervalSchema),
  /** Closures an official entered that cover today. */
  closuresInForce: z.array(closureSchema),
});
export type OpeningState = z.infer<typeof openingStateSchema>;

export const servicePointWardSchema = z.object({ code: z.string(), name: z.string() });

export const directionsSchema = z.object({
  geoUri: z.string().describe('geo: URI (RFC 5870) of the service point, opened by phone map apps'),
  openStreetMap: z.string().url().describe('Walking directions on openstreetmap.org from the origin'),
});

export const walkingModelSchema = z
  .object({ speedKmh: z.number(), detourFactor: z.number(), description: localizedTextSchema })
  .describe('walkingMinutes = ceil(distanceM × detourFactor / (speedKmh × 1000 / 60)): 4.5 km/h over 1.3 × the great-circle distance');

export const nearbyServicePointSchema = openingStateSchema.extend({
  id: z.string().uuid(),
  kind: servicePointKindSchema,
  name: z.string(),
  ward: servicePointWardSchema.nullable(),
  /** home_ward: in the street's home ward; street_ward: in another ward the street runs through; nearby: elsewhere. */
  relation: z.enum(['home_ward', 'street_ward', 'nearby']),
  address: z.string(),
  location: latLngSchema,
  phone: z.string().nullable(),
  openingHours: z.string().describe('OpenStreetMap opening_hours as entered, e.g. Mo-Fr 07:30-11:30,13:30-17:00'),
  distanceM: z.number().int().describe('Great-circle distance from the origin, metres'),
  walkingMinutes: z.number().int(),
  directions: directionsSchema,
  provenance: provenanceOutSchema.describe('`demo` lists made-up fields (name, address, point, hours...) the page labels as sample data'),
  /** When an official last confirmed the record ("still correct"), ISO 8601 UTC; null when never. Optional for older answers. */
  lastConfirmedAt: z.string().nullable().optional().describe('When an official last confirmed this record (ISO 8601), or null'),
});
export type NearbyServicePoint = z.infer<typeof nearbyServicePointSchema>;

export const streetServicePointsSchema = z.object({
  street: z.object({ slug: z.string(), name: z.string() }),
  origin: z.object({
    /** plate: the plate's point; point: `from=lat,lng`; street_midpoint: half-way along the street. */
    kind: z.enum(['plate', 'point', 'street_midpoint']),
    /** The plate named in `from`, canonical (set even when the plate has no point and the midpoint is used). */
    plateCode: z.string().nullable(),
    lat: z.number(),
    lng: z.number(),
  }),
  at: z.string().describe('The instant evaluated, ISO 8601 with +07:00'),
  walkingModel: walkingModelSchema,
  /** The centres of the street's own wards first (home ward first), then the nearest others. */
  items: z.array(nearbyServicePointSchema),
});
export type StreetServicePoints = z.infer<typeof streetServicePointsSchema>;

export const dayOffSchema = z.discriminatedUnion('kind', [
  z.object({ date: isoDateSchema, kind: z.enum(['holiday', 'compensatory', 'announced_day_off']), name: z.string(), nameEn: z.string(), source: z.string() }),
  z.object({ date: isoDateSchema, kind: z.literal('closure'), reason: z.string() }),
]);
export type DayOff = z.infer<typeof dayOffSchema>;

export const servicePointDetailSchema = openingStateSchema.extend({
  id: z.string().uuid(),
  kind: servicePointKindSchema,
  name: z.string(),
  ward: servicePointWardSchema.nullable(),
  address: z.string(),
  location: latLngSchema,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  accessibilityNotes: z.string(),
  openingHours: z.string(),
  /** Regular hours Monday to Sunday (holidays and closures not applied); null when the hours cannot be read. */
  weeklyHours: z
    .object({
      Mo: z.array(timeIntervalSchema),
      Tu: z.array(timeIntervalSchema),
      We: z.array(timeIntervalSchema),
      Th: z.array(timeIntervalSchema),
      Fr: z.array(timeIntervalSchema),
      Sa: z.array(timeIntervalSchema),
      Su: z.array(timeIntervalSchema),
    })
    .nullable(),
  at: z.string(),
  /** Public holidays and this point's closures in the 30 days from `at` (today included), in date order. */
  daysOff: z.array(dayOffSchema),
  /** Closures that have not ended yet, in date order. */
  closures: z.array(closureSchema),
  /** Procedures this point does not take despite Nghị định 118/2025's default; name null for a code not in the catalogue. */
  proceduresNotAccepted: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  lastConfirmed: z.object({
    at: z.string().nullable(),
    /** The confirming official's display name only. */
    by: z.string().nullable(),
  }),
  directions: z.object({ geoUri: z.string() }),
  provenance: provenanceOutSchema,
});
export type ServicePointDetail = z.infer<typeof servicePointDetailSchema>;
