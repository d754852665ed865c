// Which record a public URL names, and where its "not found" page lives. Pure functions: the proxy
// (src/proxy.ts) uses them to answer 404 for a missing record before Next renders the page.
//
// Why not notFound() in the page: Next 16 answers a notFound() thrown by a page with an empty
// `<html id="__next_error__">` document and draws the not-found view only in the browser from the RSC
// payload (seen with 16.4.6, also in a one-page app). A citizen on a phone without JavaScript, or a
// scanner app's preview, would get a blank page exactly when the plate is a fake. A rewrite with status
// 404 to a real page renders the whole page on the server.
import { procedureCodeParamSchema, servicePointIdParamSchema, streetSlugParamSchema } from '@pho-so/shared/contracts';
import { parsePlateCode } from '@pho-so/shared/domain';
import { localePath, type Locale } from '../i18n/locale';

export type RecordKind = 'plate' | 'street' | 'procedure' | 'service-point';

/** The page a missing record is answered with (both exist in both languages). */
export const NOT_FOUND_PAGE = '/khong-tim-thay';
export const NOT_OFFICIAL_PLATE_PAGE = '/khong-tim-thay/bien';

export type RequestedPath =
  /** A record page: `apiPath` null means the key cannot name any record (no API call needed). */
  | { kind: 'record'; locale: Locale; record: RecordKind; apiPath: string | null }
  /** One of the not-found pages asked for by its own address: it answers 404 too. */
  | { kind: 'not-found-page'; locale: Locale; page: string };

const RECORD_SEGMENTS: Record<string, RecordKind> = { q: 'plate', duong: 'street', 'thu-tuc': 'procedure', 'diem-phuc-vu': 'service-point' };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function apiPathOf(record: RecordKind, key: string): string | null {
  switch (record) {
    case 'plate': {
      const parsed = key.length > 32 ? null : parsePlateCode(key);
      return parsed?.ok ? `/api/v1/plates/${parsed.code}` : null;
    }
    case 'street':
      return streetSlugParamSchema.safeParse(key).success ? `/api/v1/streets/${key}` : null;
    case 'procedure':
      return procedureCodeParamSchema.safeParse(key).success ? `/api/v1/procedures/${key}` : null;
    case 'service-point':
      return servicePointIdParamSchema.safeParse(key).success ? `/api/v1/service-points/${key.toLowerCase()}` : null;
  }
}

export function classifyPath(pathname: string): RequestedPath | null {
  const parts = pathname.split('/').filter(Boolean);
  const locale: Locale = parts[0] === 'en' ? 'en' : 'vi';
  const rest = locale === 'en' ? parts.slice(1) : parts;
  if (`/${rest.join('/')}`.startsWith(NOT_FOUND_PAGE)) return { kind: 'not-found-page', locale, page: `/${rest.join('/')}` };
  if (rest.length !== 2) return null;
  const record = RECORD_SEGMENTS[rest[0] === 'Q' ? 'q' : (rest[0] ?? '')];
  const key = decode(rest[1] ?? '');
  if (!record) return null;
  return { kind: 'record', locale, record, apiPath: key === null ? null : apiPathOf(record, key) };
}

/** Where a missing record of this kind is answered, in the request's language. */
export function notFoundPageFor(locale: Locale, record: RecordKind): string {
  return localePath(locale, record === 'plate' ? NOT_OFFICIAL_PLATE_PAGE : NOT_FOUND_PAGE);
}
