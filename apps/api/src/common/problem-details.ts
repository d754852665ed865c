/**
 * RFC 9457 problem details: every error the API returns has this shape and the
 * `application/problem+json` media type, with a `detail` a person can act on.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Field-level problems for invalid input: which field, and what to fix. */
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
/** Problem types are documented URIs relative to the API; stable, so clients can branch on them. */
export const problemType = (slug: string) => `/api/problems/${slug}`;
