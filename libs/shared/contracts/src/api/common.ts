import { z } from 'zod';
import { provenanceSchema } from '../dataset/provenance';

/**
 * Free-text search as typed by a person: trimmed, 1–100 characters, no control characters (a NUL
 * byte cannot even be stored in a Postgres text value) and no unpaired UTF-16 surrogates.
 */
export const searchTextSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'must not contain control characters')
  .refine((text) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text), 'must be valid Unicode text');

/** Page size: 1–50, default 20. */
export const limitSchema = z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1).max(50).default(20);

/** Opaque pagination cursor returned as `nextCursor`; clients pass it back unchanged. */
export const cursorSchema = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a cursor returned by a previous page');

export const gsoCodeParamSchema = z.string().regex(/^\d{2,5}$/, 'must be a GSO code of 2 to 5 digits, e.g. 12452');

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Every record the API returns says where its facts come from and which values are demo. */
export const provenanceOutSchema = provenanceSchema;

export const pageOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Problem details (RFC 9457) as the API returns them for every error. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
