import type { Node } from 'jsonc-parser';
import { z } from 'zod';
import { procedureRecordSchema, type ProcedureRecord, type Provenance } from '@pho-so/shared/contracts';
import { ImportRejected, lineAt, nodeAt, parseJsonDocument, validateJsonRecords, type Located } from '@pho-so/server/dataset';
import { oneLine, rejectDuplicates } from './common';
import { dossierText, legalBasisText, plainText } from './portal-text';
import { parseProcessingTime } from '@pho-so/shared/domain';

/**
 * Procedures from a crawl of the national public-service portal (dichvucong.gov.vn), in the shape of
 * ../shared/data/commune_procedures_core_detail.json (chatbot-tthc/chatbot_tthc's crawler):
 *
 *   { "source": "...github.com/<owner>/<repo>...", "commit": "<sha>", "crawled_at"?: "<ISO date-time>",
 *     "procedures": [ { procedure_code, name, field, levels: "Cấp bộ, Cấp tỉnh, Cấp xã",
 *       implementing_agency, submission_methods: [{ channel, time, fee, note }], steps, dossier,
 *       requirements, legal_basis, results: [{ name, code }], detail_url, parse_warning, ... } ] }
 *
 * Keys the record has no place for (competent_agency, publishing_decision, procedure_type,
 * target_subjects, the flat channels/time_* / fee summary...) are ignored; submission_methods is the
 * per-channel truth those summaries were made from.
 */

const LEVELS: Record<string, ProcedureRecord['levels'][number] | null> = {
  'Cấp bộ': 'ministry',
  'Cấp tỉnh': 'province',
  'Cấp xã': 'commune',
  // "other agency" (e.g. social insurance): a real value of the portal that the record does not model.
  'Cơ quan khác': null,
};

const CHANNELS: Record<string, ProcedureRecord['channels'][number]['channel']> = {
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'postal',
  'Trực tiếp': 'in_person',
};

const text = z.string({ error: 'expected text' });
const portalProcedureSchema = z.looseObject({
  procedure_code: text,
  name: text,
  field: text,
  levels: text,
  implementing_agency: text.default(''),
  submission_methods: z.array(
    z.looseObject({
      channel: text.refine((c) => oneLine(c) in CHANNELS, { error: `expected one of ${Object.keys(CHANNELS).join(', ')}` }),
      time: text.default(''),
      fee: text.default(''),
      note: text.default(''),
    }),
  ),
  steps: text.default(''),
  dossier: text.default(''),
  requirements: text.default(''),
  legal_basis: text.default(''),
  results: z.array(z.looseObject({ name: text, code: text.optional() })).default([]),
  detail_url: text,
  parse_warning: text.optional(),
});
type PortalProcedure = z.infer<typeof portalProcedureSchema>;

const crawlSchema = z.looseObject({
  source: text.optional(),
  commit: text.optional(),
  crawled_at: z.iso.datetime({ offset: true, error: 'expected an ISO date-time such as 2026-01-15T08:00:00+07:00' }).optional(),
  procedures: z.array(z.unknown(), { error: 'expected an array of procedures' }),
});

/** "github.com/chatbot-tthc/chatbot_tthc, scripts/..." → "chatbot-tthc/chatbot_tthc". */
function repositoryOf(source: string | undefined): string | undefined {
  return source?.match(/github\.com\/([\w.-]+\/[\w.-]+)/)?.[1];
}

export function portalProvenance(crawl: { source?: string; commit?: string }): Provenance {
  const via = repositoryOf(crawl.source) ?? crawl.source ?? 'an unnamed crawl';
  return {
    source: `dichvucong.gov.vn via ${via}${crawl.commit ? ` @ ${crawl.commit}` : ''}`,
    licence: 'public government information',
    demo: [],
  };
}

/** Record field → the portal key it comes from, to name the key in a rejection. */
const PORTAL_KEY: Record<string, string> = {
  code: 'procedure_code',
  name: 'name',
  field: 'field',
  levels: 'levels',
  implementingAgency: 'implementing_agency',
  channels: 'submission_methods',
  documents: 'dossier',
  steps: 'steps',
  conditions: 'requirements',
  legalBasis: 'legal_basis',
  results: 'results',
  sourceUrl: 'detail_url',
};

export function parsePortalProcedures(file: string, source: string): Located<ProcedureRecord>[] {
  const { root, value } = parseJsonDocument(file, source);
  const crawl = crawlSchema.safeParse(value);
  if (!crawl.success) {
    const issue = crawl.error.issues[0];
    const path = (issue?.path ?? []) as (string | number)[];
    throw new ImportRejected(file, lineAt(source, nodeAt(root, path).offset), path.join('.') || '(file)', issue?.message ?? 'not a portal crawl');
  }
  const provenance = portalProvenance(crawl.data);
  const syncedAt = crawl.data.crawled_at ?? null;
  const located = validateJsonRecords(file, source, root, ['procedures'], crawl.data.procedures, portalProcedureSchema);
  const items = located.map(({ record: raw, at }, index) => ({
    record: toRecord(file, source, root, index, raw, at.line, provenance, syncedAt),
    at,
  }));
  rejectDuplicates(items, (r) => r.code, 'procedure_code');
  return items;
}

function toRecord(
  file: string,
  source: string,
  root: Node,
  index: number,
  raw: PortalProcedure,
  line: number,
  provenance: Provenance,
  syncedAt: string | null,
): ProcedureRecord {
  const lineOf = (...path: (string | number)[]) => lineAt(source, nodeAt(root, ['procedures', index, ...path]).offset);
  const levels: ProcedureRecord['levels'] = [];
  for (const label of raw.levels.split(',').map(oneLine).filter((l) => l !== '')) {
    if (!(label in LEVELS)) throw new ImportRejected(file, lineOf('levels'), 'levels', `unknown level "${label}"; expected ${Object.keys(LEVELS).join(', ')}`);
    const level = LEVELS[label];
    if (level && !levels.includes(level)) levels.push(level);
  }
  const candidate = {
    code: oneLine(raw.procedure_code),
    name: oneLine(raw.name),
    field: oneLine(raw.field),
    levels,
    implementingAgency: oneLine(raw.implementing_agency),
    channels: raw.submission_methods.map((method) => ({
      channel: CHANNELS[oneLine(method.channel)],
      time: parseProcessingTime(method.time),
      fee: oneLine(method.fee),
      note: plainText(method.note),
    })),
    onlineLevel: null,
    documents: dossierText(raw.dossier),
    steps: plainText(raw.steps),
    conditions: plainText(raw.requirements),
    legalBasis: legalBasisText(raw.legal_basis),
    results: [...new Set(raw.results.map((r) => oneLine(r.name)).filter((n) => n !== ''))],
    sourceUrl: raw.detail_url.trim(),
    syncedAt,
    provenance: raw.parse_warning ? { ...provenance, note: oneLine(raw.parse_warning) } : provenance,
  };
  const parsed = procedureRecordSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [head, ...rest] = (issue?.path ?? []) as (string | number)[];
    const key = PORTAL_KEY[String(head)];
    const path = key === undefined ? [] : key === 'submission_methods' ? [key, ...rest.slice(0, 1)] : [key];
    throw new ImportRejected(file, key ? lineOf(...path) : line, path.join('.') || '(procedure)', issue?.message ?? 'invalid');
  }
  return parsed.data;
}
