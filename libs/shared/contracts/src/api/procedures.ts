// Contracts of the procedures endpoints.
import { z } from 'zod';
import { channelKindSchema, procedureLevelSchema, processingTimeSchema } from '../dataset/records';
import { cursorSchema, gsoCodeParamSchema, limitSchema, pageOf, provenanceOutSchema, searchTextSchema } from './common';

const PROCEDURE_CODE = /^\d\.\d{6}$/;

export const procedureCodeParamSchema = z
  .string()
  .regex(PROCEDURE_CODE, 'must be a national procedure code: a digit, a dot and six digits, e.g. 1.001193');

const booleanTextSchema = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .transform((value) => value === 'true');

export const proceduresQuerySchema = z.object({
  ward: gsoCodeParamSchema
    .optional()
    .describe("GSO code of a current ward or commune: only procedures that ward's centre accepts at its counter"),
  q: searchTextSchema.optional().describe('Words of the name, with or without accents, any case'),
  field: searchTextSchema
    .optional()
    .describe('Field (lĩnh vực) as the portal names it, e.g. "Hộ tịch"; accents and case are ignored'),
  level: z.enum(['commune', 'province'], { message: 'must be commune or province' }).optional(),
  online: booleanTextSchema.optional().describe('true: only procedures with an online channel; false: only those without'),
  cursor: cursorSchema.optional(),
  limit: limitSchema,
});
export type ProceduresQuery = z.infer<typeof proceduresQuerySchema>;

const portalUrlSchema = z.string().url().describe('The procedure on the national public-service portal (dichvucong.gov.vn)');

/**
 * Where a procedure can be filed, following Nghị định 118/2025/NĐ-CP (filing regardless of administrative
 * boundaries within the province) and the procedure's levels and channels.
 */
export const filingPlaceSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('any_commune_centre') }).describe(
      'vi: Nộp trực tiếp tại bất kỳ Trung tâm Phục vụ hành chính công cấp xã nào trong tỉnh, không phụ thuộc nơi cư trú. ' +
        "en: In person at any commune-level Public Administrative Service Centre in the province, whatever the citizen's ward. " +
        'Given to commune-level procedures with an in-person channel.',
    ),
    z.object({ kind: z.literal('provincial_centre') }).describe(
      'vi: Nộp trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh. en: In person at the provincial Public Administrative Service Centre. ' +
        'Given to province-level procedures with an in-person channel.',
    ),
    z.object({ kind: z.literal('online'), portalUrl: portalUrlSchema }).describe(
      'vi: Nộp trực tuyến trên Cổng Dịch vụ công quốc gia. en: Online on the National Public Service Portal. Given when the procedure has an online channel.',
    ),
    z.object({ kind: z.literal('postal') }).describe(
      'vi: Gửi hồ sơ qua dịch vụ bưu chính công ích. en: By post through the public postal service. Given when the procedure has a postal channel.',
    ),
  ])
  .describe(
    'Where the procedure can be filed (Nghị định 118/2025/NĐ-CP). Ministry-level procedures get no local place. ' +
      "A centre's own exceptions are listed on the service point (proceduresNotAccepted).",
  );
export type FilingPlaceOut = z.infer<typeof filingPlaceSchema>;

export const procedureChannelOutSchema = z.object({
  channel: channelKindSchema,
  time: processingTimeSchema.describe(
    'Processing time as the portal states it: raw text, value and unit; a null unit means the portal gives no unit (never guessed)',
  ),
  fee: z.string(),
  note: z.string(),
});
export type ProcedureChannelOut = z.infer<typeof procedureChannelOutSchema>;

export const procedureSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  levels: z.array(procedureLevelSchema),
  /** toàn trình (full) or một phần (partial); null when the source does not say. */
  onlineLevel: z.enum(['full', 'partial']).nullable(),
  filingPlaces: z.array(filingPlaceSchema),
  channels: z.array(procedureChannelOutSchema),
  portalUrl: portalUrlSchema,
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export const procedurePageSchema = pageOf(procedureSummarySchema);
export type ProcedurePage = z.infer<typeof procedurePageSchema>;

export const procedureDetailSchema = procedureSummarySchema.extend({
  implementingAgency: z.string(),
  documents: z.string().describe('Required documents, per case, one per line as the portal lists them'),
  steps: z.string(),
  conditions: z.string(),
  legalBasis: z.string(),
  results: z.array(z.string()),
  sourceUrl: z.string().url().describe('The page the record was crawled or synced from'),
  syncedAt: z.string().datetime({ offset: true }).nullable().describe('When the record was last synced from the portal; null when the source states no date'),
  provenance: provenanceOutSchema,
});
export type ProcedureDetail = z.infer<typeof procedureDetailSchema>;
