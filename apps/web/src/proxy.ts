// Answers 404 with a server-rendered page for addresses of records that do not exist (see
// routing/record-paths.ts for why this is not left to notFound() in the pages).
import { NextResponse, type NextRequest } from 'next/server';
import { PAGE_REVALIDATE_SECONDS } from './data/cache-policy';
import { webConfig } from './config';
import { classifyPath, notFoundPageFor } from './routing/record-paths';
import { RecordExistence } from './routing/record-existence';
import { workspaceProxy } from './routing/workspace-proxy';

const existence = new RecordExistence({ apiBaseUrl: () => webConfig().apiInternalUrl, rememberMs: PAGE_REVALIDATE_SECONDS * 1000 });

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const workspace = await workspaceProxy(request);
  if (workspace) return workspace;
  const requested = classifyPath(request.nextUrl.pathname);
  if (!requested) return NextResponse.next();
  if (requested.kind === 'not-found-page') return NextResponse.rewrite(request.nextUrl, { status: 404 });
  const missing = requested.apiPath === null || (await existence.check(requested.apiPath)) === 'missing';
  if (!missing) return NextResponse.next();
  // A clone of nextUrl keeps the origin Next considers its own (a URL built from request.url may not,
  // and would be fetched over HTTP as an external rewrite).
  const target = request.nextUrl.clone();
  target.pathname = notFoundPageFor(requested.locale, requested.record);
  target.search = '';
  return NextResponse.rewrite(target, { status: 404 });
}

// Next reads the matcher statically, so it is spelled out here: the record pages of routing/record-paths.ts
// (`/Q/` is the upper-case QR payload, rewritten to /q/ after the proxy) and the not-found pages.
export const config = {
  matcher: ['/:segment(q|Q|duong|thu-tuc|diem-phuc-vu)/:key', '/en/:segment(q|Q|duong|thu-tuc|diem-phuc-vu)/:key', '/khong-tim-thay/:rest*', '/en/khong-tim-thay/:rest*', '/quan-tri', '/quan-tri/:rest*', '/en/quan-tri', '/en/quan-tri/:rest*'],
};
