import type { FastifyInstance } from 'fastify';
import type { PhoSoMetrics } from '@pho-so/server/nest';

/**
 * Observes every answered request in `http_request_duration_seconds` (method, route template such as
 * `/api/v1/plates/:code`, status code): the route Fastify matched, never the raw URL, so the series
 * stay bounded whatever clients send; a request no route matched is labelled `unmatched`. Measured
 * by Fastify from the request's arrival to the end of the response (`reply.elapsedTime`).
 */
export function registerRequestMetrics(fastify: FastifyInstance, metrics: Pick<PhoSoMetrics, 'observeHttpRequest'>): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    // A route registered through a 404 handler has no url in its route options.
    metrics.observeHttpRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
