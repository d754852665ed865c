// The proxy's part for the officials' workspace (/quan-tri, /en/quan-tri):
//   - hands the one-shot flash cookies of a POST-redirect-GET to the page render as a request header and
//     deletes them, so the message shows once;
//   - answers 404 with a rendered page for a record outside the official's wards (or missing): Next 16
//     renders a page's notFound() as an empty document drawn by JavaScript (see record-paths.ts), so the
//     proxy asks the API first, with the official's session, and rewrites to the workspace's 404 page;
//   - marks every answer noindex.
import { NextResponse, type NextRequest } from 'next/server';
import { webConfig } from '../config';
import { FLASH_COOKIE_NAMES, FLASH_HEADER } from '../lib/flash';

const SESSION_COOKIE = 'pho_so_session';
const WORKSPACE = /^(\/en)?\/quan-tri(\/.*)?$/;
const RECORD_PAGE = /^\/diem-phuc-vu\/([^/]+)(\/lich-su)?\/?$/;
const NOT_FOUND_PAGE = '/khong-tim-thay';

async function servicePointMissing(id: string, session: string): Promise<boolean> {
  try {
    const response = await fetch(`${webConfig().apiInternalUrl}/api/v1/workspace/service-points/${encodeURIComponent(id)}`, {
      method: 'GET',
      headers: { accept: 'application/json', cookie: `${SESSION_COOKIE}=${session}` },
      cache: 'no-store',
      signal: AbortSignal.timeout(5000),
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.status === 404;
  } catch {
    // An API that cannot answer lets the page render (it shows the error).
    return false;
  }
}

export async function workspaceProxy(request: NextRequest): Promise<NextResponse | null> {
  const match = WORKSPACE.exec(request.nextUrl.pathname);
  if (!match) return null;
  const prefix = `${match[1] ?? ''}/quan-tri`;
  const rest = match[2] ?? '';

  const headers = new Headers(request.headers);
  headers.delete(FLASH_HEADER);
  const chunks = FLASH_COOKIE_NAMES.map((name) => request.cookies.get(name)?.value ?? '');
  const hadFlash = chunks.some(Boolean);
  if (hadFlash && request.method === 'GET') headers.set(FLASH_HEADER, chunks.join(''));

  let missing = rest === NOT_FOUND_PAGE;
  const record = RECORD_PAGE.exec(rest);
  const session = request.cookies.get(SESSION_COOKIE)?.value;
  if (record && session && request.method === 'GET') missing = await servicePointMissing(decodeURIComponent(record[1]!), session);

  let response: NextResponse;
  if (missing) {
    const target = request.nextUrl.clone();
    target.pathname = `${prefix}${NOT_FOUND_PAGE}`;
    target.search = '';
    response = NextResponse.rewrite(target, { status: 404, request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  if (hadFlash && request.method === 'GET') for (const name of FLASH_COOKIE_NAMES) response.cookies.set(name, '', { path: '/', maxAge: 0 });
  response.headers.set('x-robots-tag', 'noindex, nofollow');
  return response;
}
