// Liveness for container health checks: answers 200 as long as the Next server is up. It does not call
// the API; the home page shows the API's readiness separately.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
