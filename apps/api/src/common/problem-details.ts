import type { FastifyReply } from 'fastify';
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

/** Writes a problem as the response; the one place that knows the media type and framing. */
export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  void reply.status(problem.status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(JSON.stringify(problem));
}
