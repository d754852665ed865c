// Contracts of the admin QR batch endpoints (issue 5).
import { z } from 'zod';

export const qrFormatSchema = z.enum(['svg', 'png', 'pdf']);
export type QrFormat = z.infer<typeof qrFormatSchema>;

export const qrBatchScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('ward'), wardCode: z.string().regex(/^\d{5}$/, 'a GSO ward code: five digits, e.g. 12452') }).strict(),
  z
    .object({
      kind: z.literal('streets'),
      slugs: z
        .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,159}$/, 'a street slug, e.g. le-loi'))
        .min(1)
        .max(1000)
        .refine((s) => new Set(s).size === s.length, 'each street once'),
    })
    .strict(),
  z.object({ kind: z.literal('changed') }).strict(),
]);
export type QrBatchScope = z.infer<typeof qrBatchScopeSchema>;

/** `POST /api/v1/admin/qr-batches` */
export const createQrBatchSchema = z
  .object({
    scope: qrBatchScopeSchema,
    designVersion: z.number().int().min(1).max(10_000),
    formats: z
      .array(qrFormatSchema)
      .min(1)
      .max(3)
      .refine((f) => new Set(f).size === f.length, 'each format once'),
  })
  .strict();
export type CreateQrBatch = z.infer<typeof createQrBatchSchema>;

export const qrBatchIdSchema = z.uuid();

export const qrBatchSchema = z.object({
  id: z.uuid(),
  scope: qrBatchScopeSchema,
  designVersion: z.number().int(),
  formats: z.array(qrFormatSchema),
  /** queued → running → done, or failed when any item failed (the others are still rendered). */
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Up to 1000 failed items, plate code and reason. */
  failures: z.array(z.object({ code: z.string(), format: qrFormatSchema, reason: z.string() })),
  /** Path of the ZIP bundle once the batch is finished, else null. */
  bundleUrl: z.string().nullable(),
});
export type QrBatch = z.infer<typeof qrBatchSchema>;
