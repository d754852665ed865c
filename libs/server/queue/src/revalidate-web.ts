// The `web.revalidate` job: asks the web app to drop the cached pages of what an edit changed. Framework
// free, so the worker and the API's in-process runner run the same handler.
import { revalidateRequestSchema, WEB_REVALIDATE_PATH } from '@pho-so/shared/contracts';
import type { JobHandler, JobHandlers, PhoSoJobs } from './jobs';

export interface RevalidateWebSettings {
  /** Internal origin of the web app, e.g. http://web:3000; unset: the job is skipped with a warning. */
  WEB_INTERNAL_URL?: string | undefined;
  /** The web app's shared secret of POST /internal/revalidate; unset: skipped with a warning. */
  REVALIDATE_SECRET?: string | undefined;
}

export interface RevalidateWebOptions {
  /** Where warnings go (the worker's and the API's loggers fit); default console. */
  logger?: { warn(message: string): void };
  fetch?: typeof fetch;
  /** Longest wait for the web app's answer before the attempt counts as failed. */
  timeoutMs?: number;
}

/** The endpoint takes at most this many tags per request (revalidateRequestSchema). */
const TAGS_PER_REQUEST = 200;

/**
 * POSTs `{ tags }` to `{WEB_INTERNAL_URL}/internal/revalidate` with the bearer secret. A connection error,
 * a timeout or a non-2xx answer throws, so the queue retries with its backoff (the web app may be
 * restarting); a missing URL or secret is a deployment without on-demand revalidation: the pages then
 * refresh on their own within their ISR interval, and the job says so once per run instead of failing.
 */
export function createRevalidateWebHandler(
  settings: RevalidateWebSettings,
  { logger = console, fetch: fetchImpl = fetch, timeoutMs = 10_000 }: RevalidateWebOptions = {},
): JobHandler<PhoSoJobs['web.revalidate']> {
  return async ({ tags }) => {
    const base = settings.WEB_INTERNAL_URL?.replace(/\/+$/, '');
    const secret = settings.REVALIDATE_SECRET;
    if (!base || !secret) {
      logger.warn(
        `web.revalidate skipped (${!base ? 'WEB_INTERNAL_URL' : 'REVALIDATE_SECRET'} not set): pages refresh within their ISR interval; tags ${tags.join(', ')}`,
      );
      return;
    }
    const unique = [...new Set(tags)];
    for (let i = 0; i < unique.length; i += TAGS_PER_REQUEST) {
      const body = revalidateRequestSchema.parse({ tags: unique.slice(i, i + TAGS_PER_REQUEST) });
      const response = await fetchImpl(`${base}${WEB_REVALIDATE_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Read the body either way so the connection can be reused.
      const text = await response.text().catch(() => '');
      if (!response.ok) throw new Error(`web revalidation answered ${response.status}: ${text.slice(0, 200)}`);
    }
  };
}

/** The job handlers of this file, to spread into a runner's handler map. */
export function revalidateWebHandlers(settings: RevalidateWebSettings, options?: RevalidateWebOptions): JobHandlers<PhoSoJobs> {
  return { 'web.revalidate': createRevalidateWebHandler(settings, options) };
}
