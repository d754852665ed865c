// Edit commands of the officials' workspace. Every command carries `baseVersion`, the version of the
// record the official started from: the server refuses a stale one (409 with the current values)
// instead of overwriting someone else's edit. A field left out is not changed; null clears it.
// Messages are codes of the catalogue in ./messages (Vietnamese and English).
import { z } from 'zod';
import { VIETNAM_BOUNDS, type LocalizedMessage } from './messages';
import { nullablePlainText, plainText } from './plain-text';

export const WORKSPACE_LIMITS = {
  name: 200,
  address: 300,
  reason: 200,
  accessibilityNotes: 2000,
  endDescription: 300,
  namesakeText: 4000,
  namesakeSource: 500,
  positionDescription: 300,
  procedureNote: 2000,
  closures: 50,
  proceduresNotAccepted: 300,
} as const;

export const baseVersionSchema = z.number({ message: 'baseVersion.invalid' }).int('baseVersion.invalid').min(0, 'baseVersion.invalid').max(2 ** 31 - 1, 'baseVersion.invalid');

const coordinate = z.number({ message: 'location.invalid' }).refine(Number.isFinite, 'location.invalid');

/** A point in Vietnam (bounding box of the mainland and the islands), WGS84. */
export const vietnamPointSchema = z
  .object({ lat: coordinate, lng: coordinate }, { message: 'location.invalid' })
  .strict()
  .superRefine((point, ctx) => {
    const { minLat, maxLat, minLng, maxLng } = VIETNAM_BOUNDS;
    if (point.lat < minLat || point.lat > maxLat || point.lng < minLng || point.lng > maxLng) {
      ctx.addIssue({ code: 'custom', message: 'location.outsideVietnam' });
    }
  });

const PHONE_SEPARATORS = /[\s.\-()]/g;
/** 0 + 9 or 10 digits (mobile, landline with area code), +84 + 9 or 10, or an 1800/1900 hotline. */
const PHONE = /^(?:(?:\+84|0)\d{9,10}|1[89]00\d{4,6})$/;

/** A Vietnamese phone number as the official formats it (spaces, dots, hyphens kept); null clears it. */
export const phoneSchema = z
  .union([z.null(), z.string({ message: 'phone.invalid' })], { message: 'phone.invalid' })
  .transform((text) => (text === null ? null : text.normalize('NFC').trim().replace(/\s+/g, ' ')))
  .superRefine((text, ctx) => {
    if (text === null || text === '') return;
    if (text.length > 40 || !PHONE.test(text.replace(PHONE_SEPARATORS, ''))) ctx.addIssue({ code: 'custom', message: 'phone.invalid' });
  })
  .transform((text) => (text === '' ? null : text));

export const emailSchema = z
  .union([z.null(), z.string({ message: 'email.invalid' })], { message: 'email.invalid' })
  .transform((text) => (text === null ? null : text.trim()))
  .pipe(z.union([z.null(), z.literal(''), z.email('email.invalid').max(254, 'email.invalid')], { message: 'email.invalid' }))
  .transform((text) => (text === '' || text === null ? null : text.toLowerCase()));

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar date, YYYY-MM-DD (31 February is refused). */
export const civilDateSchema = z.string({ message: 'date.invalid' }).refine((text) => {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}, 'date.invalid');

export const closureInputSchema = z
  .object({ from: civilDateSchema, to: civilDateSchema, reason: plainText({ max: WORKSPACE_LIMITS.reason }) }, { message: 'field.invalid' })
  .strict()
  .superRefine((closure, ctx) => {
    if (closure.to < closure.from) ctx.addIssue({ code: 'custom', message: 'closure.endBeforeStart', path: ['to'] });
  });
export type ClosureInput = z.infer<typeof closureInputSchema>;

/** The whole list of closures (replaces the stored one), sorted, without overlaps. */
export const closuresSchema = z
  .array(closureInputSchema, { message: 'field.invalid' })
  .max(WORKSPACE_LIMITS.closures, 'closure.tooMany')
  .transform((closures) => [...closures].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)))
  .superRefine((closures, ctx) => {
    for (let i = 1; i < closures.length; i++) {
      if (closures[i]!.from <= closures[i - 1]!.to) ctx.addIssue({ code: 'custom', message: 'closure.overlap', path: [i] });
    }
  });

const PROCEDURE_CODE = /^\d\.\d{6}$/;
export const procedureCodeSchema = z.string({ message: 'procedureCode.invalid' }).trim().regex(PROCEDURE_CODE, 'procedureCode.invalid');

/** National codes of procedures; whether each exists in the catalogue is checked by the server. */
export const procedureCodesSchema = z
  .array(procedureCodeSchema, { message: 'field.invalid' })
  .max(WORKSPACE_LIMITS.proceduresNotAccepted, 'procedureCode.tooMany')
  .superRefine((codes, ctx) => {
    const seen = new Set<string>();
    codes.forEach((code, i) => {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', message: 'procedureCode.duplicate', path: [i], params: { code } });
      seen.add(code);
    });
  })
  .transform((codes) => [...codes].sort());

/**
 * How opening hours are checked: the OSM validator of shared/domain (`validateOpeningHours`) fits this
 * shape. It is passed in because shared/domain already depends on the contracts.
 */
export type OpeningHoursCheck = (
  text: string,
) => { ok: true; normalized: string } | { ok: false; message: LocalizedMessage };

export function openingHoursSchema(check: OpeningHoursCheck) {
  return z
    .string({ message: 'text.notText' })
    .refine((text) => text.length <= 1000, { message: 'text.tooLong', params: { max: 1000 }, abort: true })
    .transform((text, ctx) => {
      const result = check(text.normalize('NFC').trim());
      if (result.ok) return result.normalized;
      ctx.addIssue({ code: 'custom', message: 'openingHours.invalid', params: { detail: result.message } });
      return z.NEVER;
    });
}

/** Edit of a service point. */
export function createServicePointPatchSchema(checkOpeningHours: OpeningHoursCheck) {
  return z
    .object(
      {
        baseVersion: baseVersionSchema,
        name: plainText({ max: WORKSPACE_LIMITS.name }).optional(),
        address: plainText({ max: WORKSPACE_LIMITS.address }).optional(),
        location: vietnamPointSchema.optional(),
        phone: phoneSchema.optional(),
        email: emailSchema.optional(),
        openingHours: openingHoursSchema(checkOpeningHours).optional(),
        closures: closuresSchema.optional(),
        accessibilityNotes: plainText({ max: WORKSPACE_LIMITS.accessibilityNotes, multiline: true, allowEmpty: true }).optional(),
        proceduresNotAccepted: procedureCodesSchema.optional(),
      },
      { message: 'field.invalid' },
    )
    .strict();
}
export type ServicePointPatch = z.output<ReturnType<typeof createServicePointPatchSchema>>;
export type ServicePointPatchInput = z.input<ReturnType<typeof createServicePointPatchSchema>>;

/** Edit of a street: its ends as described in words, and who it is named after with the source. */
export const streetPatchSchema = z
  .object(
    {
      baseVersion: baseVersionSchema,
      startDescription: nullablePlainText({ max: WORKSPACE_LIMITS.endDescription }).optional(),
      endDescription: nullablePlainText({ max: WORKSPACE_LIMITS.endDescription }).optional(),
      namesake: z
        .object(
          {
            text: plainText({ max: WORKSPACE_LIMITS.namesakeText, multiline: true }),
            source: plainText({ max: WORKSPACE_LIMITS.namesakeSource }),
          },
          { message: 'namesake.incomplete' },
        )
        .strict()
        .optional(),
    },
    { message: 'field.invalid' },
  )
  .strict();
export type StreetPatch = z.output<typeof streetPatchSchema>;

export const PLATE_STATUS_VALUES = ['active', 'damaged', 'missing', 'removed'] as const;

/** Edit of a plate: its status and where it stands. */
export const platePatchSchema = z
  .object(
    {
      baseVersion: baseVersionSchema,
      status: z.enum(PLATE_STATUS_VALUES, { message: 'plateStatus.invalid' }).optional(),
      location: z.union([z.null(), vietnamPointSchema], { message: 'location.invalid' }).optional(),
      positionDescription: plainText({ max: WORKSPACE_LIMITS.positionDescription }).optional(),
    },
    { message: 'field.invalid' },
  )
  .strict();
export type PlatePatch = z.output<typeof platePatchSchema>;

/**
 * A ward's own note on a procedure (e.g. "bring the originals on Thursday mornings"). `baseVersion` 0
 * means "there is no note yet"; an empty note clears it.
 */
export const procedureNotePatchSchema = z
  .object(
    {
      baseVersion: baseVersionSchema,
      note: plainText({ max: WORKSPACE_LIMITS.procedureNote, multiline: true, allowEmpty: true }),
    },
    { message: 'field.invalid' },
  )
  .strict();
export type ProcedureNotePatch = z.output<typeof procedureNotePatchSchema>;
