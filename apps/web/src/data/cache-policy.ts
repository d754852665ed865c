/**
 * How long a server-rendered page and its API reads are reused before Next regenerates them in the
 * background. It bounds how stale an "open now" badge can be; data edits do not wait for it, they are
 * pushed by tag (POST /internal/revalidate). Pages repeat the number as `export const revalidate = 60`
 * because Next reads that export statically.
 */
export const PAGE_REVALIDATE_SECONDS = 60;

/** API read options of a cached page: its tags, reused for the page's revalidation interval. */
export const cachedRead = (tags: string[]) => ({ tags, revalidate: PAGE_REVALIDATE_SECONDS });
