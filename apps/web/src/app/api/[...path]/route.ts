// Same-origin access to the API when the web server runs without the edge (npm start, tests): the
// street page's scan counter is an image at /api/v1/plates/{code}/scan.gif. In the Docker stack the
// nginx edge sends /api/ straight to the API and this handler never runs.
import { webConfig } from '../../../config';

export const dynamic = 'force-dynamic';

/** Request headers worth passing on; hop-by-hop and host headers are not. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'if-none-match', 'user-agent'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'cache-control', 'etag', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

/**
 * The API's queue dashboard (Bull Board, admins only) is a browser application of its own: its pages,
 * JSON calls and actions need the session cookie, the Origin the API checks on writes, and the login
 * redirect. Only under this prefix are they passed on; every other path stays read-only and cookie-free.
 */
const QUEUE_DASHBOARD = /^\/api\/v1\/admin\/queues(?:\/|$)/;
const DASHBOARD_REQUEST_HEADERS = ['cookie', 'authorization', 'origin', 'sec-fetch-site', 'content-type'];
const DASHBOARD_RESPONSE_HEADERS = ['location'];

async function forward(request: Request): Promise<Response> {
  const { pathname, search } = new URL(request.url);
  const dashboard = QUEUE_DASHBOARD.test(pathname);
  const safe = request.method === 'GET' || request.method === 'HEAD';
  if (!safe && !dashboard) {
    return Response.json(
      { type: 'about:blank', title: 'Method not allowed', status: 405, detail: 'Only GET and HEAD are forwarded to the API here.' },
      { status: 405, headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', allow: 'GET, HEAD' } },
    );
  }
  const headers = new Headers();
  for (const name of dashboard ? [...FORWARDED_REQUEST_HEADERS, ...DASHBOARD_REQUEST_HEADERS] : FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${webConfig().apiInternalUrl}${pathname}${search}`, {
      method: request.method,
      headers,
      ...(safe ? {} : { body: await request.arrayBuffer() }),
      cache: 'no-store',
      redirect: 'manual',
    });
  } catch {
    return Response.json(
      { type: 'about:blank', title: 'API unavailable', status: 502, detail: 'The web server could not reach the API; try again shortly.' },
      { status: 502, headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' } },
    );
  }
  const responseHeaders = new Headers();
  for (const name of dashboard ? [...FORWARDED_RESPONSE_HEADERS, ...DASHBOARD_RESPONSE_HEADERS] : FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) responseHeaders.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}

export const GET = forward;
export const HEAD = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
