import { webConfig } from '../config';

export type ApiStatus = 'ready' | 'not-ready';

/** How long the home page waits for the API's readiness check before calling it "not ready". */
const READY_TIMEOUT_MS = 1500;

/**
 * Asks the API whether it is ready (`GET /api/health/ready`). Never throws: a refused connection,
 * a timeout or a non-2xx answer all mean "not ready", so the page renders even when the API is down.
 */
export async function fetchApiStatus(): Promise<ApiStatus> {
  const url = `${webConfig().apiInternalUrl}/api/health/ready`;
  try {
    const res = await fetch(url, {
      cache: 'no-store',
      signal: AbortSignal.timeout(READY_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    // Drain the body so the connection can be reused; its content does not matter here.
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? 'ready' : 'not-ready';
  } catch {
    return 'not-ready';
  }
}
