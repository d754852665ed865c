// Reads from the public API for server-rendered pages. Every read is cached by Next with the page's
// revalidation interval and tagged (webCacheTags), so a change revalidated by tag shows on every page
// that read the record, and pages are not re-rendered per request.
import { webConfig } from '../config';

export interface ApiReadOptions {
  /** Cache tags of the records this read returns (see webCacheTags). */
  tags: string[];
  /** Seconds the answer may be reused; `false` or 0 reads fresh every time (per-request pages). */
  revalidate: number | false;
}

export type ApiRead<T> = { ok: true; data: T } | { ok: false; status: 404 | 400; problem: Record<string, unknown> };

/** How long a page render waits for the API before failing (and Next keeps serving the last good page). */
const API_TIMEOUT_MS = 8000;

export class ApiUnavailableError extends Error {
  constructor(path: string, detail: string) {
    super(`API ${path}: ${detail}`);
    this.name = 'ApiUnavailableError';
  }
}

/**
 * GET an API path (starting with /api/). A 404 or 400 comes back as a value (pages show "not found" or
 * explain the input); anything else, including a refused connection, throws, so a regeneration that
 * cannot reach the API keeps the previous page instead of caching an error.
 */
export async function apiRead<T>(path: string, { tags, revalidate }: ApiReadOptions): Promise<ApiRead<T>> {
  const url = `${webConfig().apiInternalUrl}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
      ...(revalidate === false || revalidate === 0 ? { cache: 'no-store' as const } : { next: { revalidate, tags } }),
    });
  } catch (error) {
    throw new ApiUnavailableError(path, error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return { ok: true, data: (await response.json()) as T };
  if (response.status === 404 || response.status === 400) {
    const problem = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { ok: false, status: response.status, problem };
  }
  await response.arrayBuffer().catch(() => undefined);
  throw new ApiUnavailableError(path, `HTTP ${response.status}`);
}
