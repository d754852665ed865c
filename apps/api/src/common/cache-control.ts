/**
 * Cache policies, one place. ETags come from the etag plugin, so "revalidate" costs a 304.
 * - REFERENCE: streets, procedures, administrative units change rarely; an hour fresh, a day stale.
 * - LIVE: service points carry "open now", which changes by the minute.
 * - NEVER: scan beacons and health checks.
 */
export const CACHE_REFERENCE = 'public, max-age=3600, stale-while-revalidate=86400';
export const CACHE_LIVE = 'public, max-age=30, stale-while-revalidate=30';
export const CACHE_NEVER = 'no-store';
