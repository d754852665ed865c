// The contract between whatever changes data (the API, the import CLI, the officials' workspace) and the
// web app's page cache: which cache tag stands for which record, and how to ask the web to drop them.
import { z } from 'zod';

/**
 * Cache tags the web app puts on its API reads. A page is regenerated when any tag it read is revalidated,
 * so a change names the records it touched and every page that shows them follows.
 */
export const webCacheTags = {
  street: (slug: string) => `street:${slug}`,
  plate: (canonicalCode: string) => `plate:${canonicalCode}`,
  servicePoint: (id: string) => `service-point:${id.toLowerCase()}`,
  procedure: (code: string) => `procedure:${code}`,
  /** Lists and nearest-point answers that any service point's change can alter. */
  allServicePoints: 'service-points',
  /** Procedure lists (a street page's "procedures you can file", search results). */
  allProcedures: 'procedures',
  /** Street lists and searches. */
  allStreets: 'streets',
} as const;

/** Path of the web app's revalidation endpoint (POST, `Authorization: Bearer <REVALIDATE_SECRET>`). */
export const WEB_REVALIDATE_PATH = '/internal/revalidate';

const TAG = /^[a-z-]+(:[A-Za-z0-9.-]{1,64})?$/;

export const revalidateRequestSchema = z.object({
  tags: z
    .array(z.string().regex(TAG, 'must be a cache tag such as street:ly-bon or service-points'))
    .min(1, 'must name at least one tag')
    .max(200, 'must name at most 200 tags'),
});
export type RevalidateRequest = z.infer<typeof revalidateRequestSchema>;
