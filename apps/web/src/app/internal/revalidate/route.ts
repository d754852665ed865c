// On-demand revalidation: whatever changed data (the officials' workspace, an import) names the cache
// tags it touched and every page that read them is regenerated on its next visit, without waiting for
// the 60-second interval. Guarded by a shared secret (REVALIDATE_SECRET); disabled without one.
import { revalidateRequestSchema } from '@pho-so/shared/contracts';
import { revalidateTag } from 'next/cache';
import { webConfig } from '../../../config';
import { secretMatches } from '../../../lib/secret';

export const dynamic = 'force-dynamic';

const problem = (status: number, title: string, detail: string, errors?: Array<{ field: string; message: string }>): Response =>
  Response.json({ type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) }, { status, headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  const { revalidateSecret } = webConfig();
  if (!revalidateSecret) return problem(404, 'Not Found', 'On-demand revalidation is off: set REVALIDATE_SECRET (at least 16 characters) to enable it.');
  const authorization = request.headers.get('authorization') ?? '';
  const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : '';
  if (!secretMatches(token, revalidateSecret)) return problem(401, 'Unauthorized', 'Send the shared secret as "Authorization: Bearer <REVALIDATE_SECRET>".');

  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return problem(400, 'Bad Request', 'The body must be JSON like {"tags":["street:ly-bon"]}.');
  }
  const parsed = revalidateRequestSchema.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
    return problem(400, 'Bad Request', 'The body must be {"tags": [...]} with one to 200 cache tags.', errors);
  }
  // expire: 0 — the next visit waits for fresh data instead of getting the stale page once more.
  for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: parsed.data.tags }, { headers: { 'cache-control': 'no-store' } });
}
