// API reads of the procedure, service point, search and plate-check pages.
import {
  PLATE_PROBLEM_TYPES,
  procedureCodeParamSchema,
  servicePointIdParamSchema,
  webCacheTags,
  type PlateLookup,
  type PlateProblem,
  type ProcedureDetail,
  type ProcedurePage,
  type ServicePointDetail,
  type StreetSearchResult,
} from '@pho-so/shared/contracts';
import { parsePlateCode } from '@pho-so/shared/domain';
import { apiRead } from '../lib/api-client';
import { cachedRead as cached } from './cache-policy';


export async function loadProcedure(code: string): Promise<ProcedureDetail | null> {
  if (!procedureCodeParamSchema.safeParse(code).success) return null;
  const read = await apiRead<ProcedureDetail>(`/api/v1/procedures/${code}`, cached([webCacheTags.procedure(code), webCacheTags.allProcedures]));
  return read.ok ? read.data : null;
}

export async function loadServicePoint(id: string): Promise<ServicePointDetail | null> {
  if (!servicePointIdParamSchema.safeParse(id).success) return null;
  const read = await apiRead<ServicePointDetail>(`/api/v1/service-points/${id.toLowerCase()}`, cached([webCacheTags.servicePoint(id), webCacheTags.allServicePoints]));
  return read.ok ? read.data : null;
}

/** A search's input as the page got it; the API validates it and says what is wrong. */
export interface SearchInput {
  q?: string;
  field?: string;
  ward?: string;
  streetsCursor?: string;
  proceduresCursor?: string;
}

export interface SearchOutcome {
  streets: StreetSearchResult | null;
  procedures: ProcedurePage | null;
  /** What the API refused, field by field (bad input is explained, not a crash). */
  errors: Array<{ field: string; message: string }>;
}

const problemErrors = (problem: Record<string, unknown>): Array<{ field: string; message: string }> => {
  const errors = problem.errors;
  if (Array.isArray(errors)) return errors.filter((e): e is { field: string; message: string } => typeof e?.field === 'string' && typeof e?.message === 'string');
  return [{ field: '', message: typeof problem.detail === 'string' ? problem.detail : 'invalid input' }];
};

const defined = (entries: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));

export async function search(input: SearchInput): Promise<SearchOutcome> {
  const outcome: SearchOutcome = { streets: null, procedures: null, errors: [] };
  // Streets are searched by words only; a field or ward filter narrows procedures, not streets.
  const wantsStreets = input.q !== undefined && input.field === undefined && input.ward === undefined;
  const wantsProcedures = input.q !== undefined || input.field !== undefined || input.ward !== undefined;
  const [streets, procedures] = await Promise.all([
    wantsStreets
      ? apiRead<StreetSearchResult>(`/api/v1/streets?${new URLSearchParams(defined({ q: input.q, cursor: input.streetsCursor, limit: '10' }))}`, cached([webCacheTags.allStreets]))
      : null,
    wantsProcedures
      ? apiRead<ProcedurePage>(
          `/api/v1/procedures?${new URLSearchParams(defined({ q: input.q, field: input.field, ward: input.ward, cursor: input.proceduresCursor, limit: '20' }))}`,
          cached([webCacheTags.allProcedures, webCacheTags.allServicePoints]),
        )
      : null,
  ]);
  if (streets) {
    if (streets.ok) outcome.streets = streets.data;
    else outcome.errors.push(...problemErrors(streets.problem));
  }
  if (procedures) {
    if (procedures.ok) outcome.procedures = procedures.data;
    else outcome.errors.push(...problemErrors(procedures.problem));
  }
  return outcome;
}

export type PlateCheck =
  | { kind: 'official'; lookup: PlateLookup }
  | { kind: 'malformed'; badCheckCharacter: boolean }
  | { kind: 'unknown'; code: string };

/** The plate-check page's answer for a typed code. */
export async function checkPlate(code: string): Promise<PlateCheck> {
  // The shape and check character are checked here first (the same rule the API applies), so a typo
  // is explained without a round trip.
  const parsed = code.length > 32 ? ({ ok: false, reason: 'malformed' } as const) : parsePlateCode(code);
  if (!parsed.ok) return { kind: 'malformed', badCheckCharacter: parsed.reason === 'bad_check_character' };
  const read = await apiRead<PlateLookup>(`/api/v1/plates/${parsed.code}`, cached([webCacheTags.plate(parsed.code)]));
  if (read.ok) return { kind: 'official', lookup: read.data };
  const problem = read.problem as Partial<PlateProblem>;
  if (problem.type === PLATE_PROBLEM_TYPES.notFound) return { kind: 'unknown', code: parsed.code };
  return { kind: 'malformed', badCheckCharacter: problem.reason === 'bad_check_character' };
}
