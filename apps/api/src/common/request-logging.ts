import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyInstance, type FastifyServerOptions, type FastifyReply, type FastifyRequest } from 'fastify';
import { bindsOwnContext, runWithLogContext } from '@pho-so/server/logging';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An id a proxy or client may choose: short and plain, so it cannot forge log lines or bloat them. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Fastify's `genReqId`: the caller's X-Request-Id when it is a sane token (nginx or another service
 * tracing one request through several), otherwise a new UUID. Becomes `request.id`, so it is also the
 * request id of audit rows.
 */
export function requestIdOf(raw: IncomingMessage): string {
  const incoming = raw.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Health probes every few seconds would drown the access log: they are logged at debug. */
const PROBE = /^\/api\/health\//;

/**
 * One access line per request, when it is answered: method, path (no query string), route, status and
 * time. Fastify's default is two lines with the full URL and no route.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {
    // the completed line says everything
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      req: { method: request.method, url: request.url },
      route: request.routeOptions.url,
      res: { statusCode: reply.statusCode },
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (PROBE.test(request.url)) reply.log.debug(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}

/** Fastify's per-request logger: binds `reqId` itself, so the log context's mixin leaves it alone. */
export const requestChildLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (logger, bindings, options) =>
  bindsOwnContext(logger.child(bindings, options));

/**
 * Echoes the request id and makes it the log context of everything the request runs (guards,
 * controllers, services, the problem filter). Entered in onRequest and entered again in
 * preValidation, because the body is read in stream callbacks that run outside the context; both are
 * callback hooks so the rest of Fastify's lifecycle continues inside `run`. Register before other hooks.
 */
export function registerRequestContext(fastify: FastifyInstance): void {
  const enter = (request: FastifyRequest, _reply: FastifyReply, done: () => void): void => {
    runWithLogContext({ reqId: request.id }, done);
  };
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    enter(request, reply, done);
  });
  fastify.addHook('preValidation', enter);
}
