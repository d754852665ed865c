// Contracts of the plates endpoints.
import { z } from 'zod';
import { latLngSchema, plateStatusSchema, streetKindSchema } from '../dataset/records';
import { isoDateSchema, problemSchema, provenanceOutSchema } from './common';

/**
 * Problem types of `GET /plates/{code}`. The web page branches on them: both mean "this is not an
 * official Phố Số plate" to the citizen, but a malformed code (including a wrong check character,
 * usually a typo) asks them to re-read the code printed on the plate.
 */
export const PLATE_PROBLEM_TYPES = {
  malformed: '/api/problems/plate-code-malformed',
  notFound: '/api/problems/plate-not-found',
} as const;

/** Why a code is malformed: not shaped like a plate code at all, or a wrong check character. */
export const plateCodeMalformedReasonSchema = z.enum(['malformed', 'bad_check_character']);
export type PlateCodeMalformedReason = z.infer<typeof plateCodeMalformedReasonSchema>;

export const plateSchema = z.object({
  /** Canonical form, e.g. `TB-233AC`, whatever case, spaces or hyphens the request used. */
  code: z.string(),
  status: plateStatusSchema,
  positionDescription: z.string(),
  point: latLngSchema.nullable(),
  installedAt: isoDateSchema.nullable(),
  provenance: provenanceOutSchema,
});
export type Plate = z.infer<typeof plateSchema>;

export const plateWardSchema = z.object({ code: z.string(), name: z.string() });
export type PlateWard = z.infer<typeof plateWardSchema>;

/** Enough of the street for the page to echo it next to the plate code (a mismatch shows a fake sticker). */
export const plateStreetSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: streetKindSchema,
  /** Current wards (after the 2025 reform), home ward first. */
  wards: z.array(plateWardSchema),
  lengthM: z.number().int().nullable(),
  provenance: provenanceOutSchema,
});
export type PlateStreetSummary = z.infer<typeof plateStreetSummarySchema>;

export const plateLookupSchema = z.object({ plate: plateSchema, street: plateStreetSummarySchema });
export type PlateLookup = z.infer<typeof plateLookupSchema>;

/**
 * The 404 of `GET /plates/{code}`: a problem (type in PLATE_PROBLEM_TYPES) with the code as read
 * (normalised: upper case, spaces and hyphens removed, at most 32 characters) and, for a malformed
 * code, why.
 */
export const plateProblemSchema = problemSchema.extend({
  code: z.string(),
  reason: plateCodeMalformedReasonSchema.optional(),
});
export type PlateProblem = z.infer<typeof plateProblemSchema>;
