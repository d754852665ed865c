import { createHash } from 'node:crypto';
import { foldVietnamese } from '@pho-so/shared/domain';
import type { StreetKeyset } from './streets.repository';

/**
 * The `GET /streets` cursor: base64url of `1.<rank>.<fingerprint>.<slug>`, the keyset of the last
 * street of a page (rank DESC, slug ASC; slugs are unique, so the order is total and a page never
 * repeats or skips a street) and a fingerprint of the search it belongs to, so a cursor passed with
 * another `q` or `ward` is refused instead of silently paging through the wrong list. Its length stays
 * within the 200 characters of `cursorSchema` for the longest slug (120).
 */
const VERSION = '1';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function searchFingerprint(text: string | null, ward: string | null): string {
  const key = `${text === null ? '' : foldVietnamese(text).replace(/\s+/g, ' ').trim()}\u0000${ward ?? ''}`;
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

export function encodeStreetCursor(keyset: StreetKeyset, fingerprint: string): string {
  return Buffer.from(`${VERSION}.${keyset.rank}.${fingerprint}.${keyset.slug}`, 'utf8').toString('base64url');
}

export type DecodedCursor = { ok: true; keyset: StreetKeyset } | { ok: false; message: string };

export function decodeStreetCursor(cursor: string, fingerprint: string): DecodedCursor {
  const invalid: DecodedCursor = { ok: false, message: 'must be a cursor returned by a previous page (nextCursor), passed back unchanged' };
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [version, rank, print, ...rest] = text.split('.');
  const slug = rest.join('.');
  if (version !== VERSION || rank === undefined || !/^\d{1,9}$/.test(rank) || print === undefined || !SLUG.test(slug)) return invalid;
  if (print !== fingerprint) return { ok: false, message: 'belongs to a different search: pass the same q and ward as the page it came from, or leave cursor out to start again' };
  return { ok: true, keyset: { rank: Number(rank), slug } };
}
