// What the street page reads from the API: the street, where to get services from the plate (or the
// street's middle), and the procedures its home ward's centre accepts.
import {
  streetSlugParamSchema,
  webCacheTags,
  type PlateLookup,
  type ProcedurePage,
  type ProcedureSummary,
  type StreetDetail,
  type StreetServicePoints,
} from '@pho-so/shared/contracts';
import { apiRead } from '../lib/api-client';
import { cachedRead as cached } from './cache-policy';
import { checkPlate } from './lookups';

export interface StreetPageData {
  street: StreetDetail;
  servicePoints: StreetServicePoints;
  /** Procedures accepted at the home ward's centre (all pages of the list). */
  procedures: ProcedureSummary[];
  homeWard: { code: string; name: string } | null;
}

/** How many service points the street page lists (its own wards' centres are always included). */
const NEARBY_LIMIT = 4;
/** Safety stop for the procedure list's pages (50 per page). */
const MAX_PROCEDURE_PAGES = 10;


/** The plate and its street; null for a code of no official plate (malformed ones are not asked about). */
export async function loadPlate(code: string): Promise<PlateLookup | null> {
  const check = await checkPlate(code);
  return check.kind === 'official' ? check.lookup : null;
}

async function loadHomeWardProcedures(wardCode: string): Promise<ProcedureSummary[]> {
  const procedures: ProcedureSummary[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PROCEDURE_PAGES; page += 1) {
    const query: URLSearchParams = new URLSearchParams({ ward: wardCode, limit: '50', ...(cursor ? { cursor } : {}) });
    const read: Awaited<ReturnType<typeof apiRead<ProcedurePage>>> = await apiRead<ProcedurePage>(`/api/v1/procedures?${query}`, cached([webCacheTags.allProcedures, webCacheTags.allServicePoints]));
    if (!read.ok) break;
    procedures.push(...read.data.items);
    cursor = read.data.nextCursor;
    if (!cursor) break;
  }
  return procedures;
}

/** Null when there is no such street. `plateCode` (canonical) measures distances from that plate. */
export async function loadStreetPage(slug: string, plateCode: string | null): Promise<StreetPageData | null> {
  // Not a slug at all: no page, without asking the API (the same rule as the API's).
  if (!streetSlugParamSchema.safeParse(slug).success) return null;
  const streetRead = await apiRead<StreetDetail>(`/api/v1/streets/${slug}`, cached([webCacheTags.street(slug)]));
  if (!streetRead.ok) return null;
  const street = streetRead.data;

  const query = new URLSearchParams({ limit: String(NEARBY_LIMIT), ...(plateCode ? { from: plateCode } : {}) });
  const pointsRead = await apiRead<StreetServicePoints>(
    `/api/v1/streets/${slug}/service-points?${query}`,
    cached([webCacheTags.street(slug), webCacheTags.allServicePoints]),
  );
  if (!pointsRead.ok) return null;

  const home = street.wards.find((ward) => ward.home) ?? street.wards[0] ?? null;
  const procedures = home ? await loadHomeWardProcedures(home.code) : [];
  return { street, servicePoints: pointsRead.data, procedures, homeWard: home ? { code: home.code, name: home.name } : null };
}
