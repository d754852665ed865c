import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemDetails, problemType, sendProblem } from './problem-details';
import { REQUEST_ID_HEADER } from './request-logging';

/** A thrown problem: services throw these, the filter renders them. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/**
 * Turns every error into problem+json. Nest's own HttpExceptions (404 for unknown routes, 400 for
 * malformed JSON bodies, 413...) keep their status; anything else is a 500 that is logged but whose
 * details are never sent to the client.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    // The Error itself, not its stack as text: the logger serialises it (type, message, stack) as `err`.
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    sendProblem(reply, problem);
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const instance = request.url;
    if (exception instanceof ProblemException) return { ...exception.problem, instance: exception.problem.instance ?? instance };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: string | string[] }).message;
      const routeMissing = status === 404 && typeof message === 'string' && message.startsWith('Cannot ');
      return {
        type: problemType(status === 404 ? 'not-found' : `http-${status}`),
        title: TITLES[status] ?? 'Error',
        status,
        detail: routeMissing
          ? `There is no endpoint ${request.method} ${request.url.split('?')[0]}. The API is described at /api/docs.`
          : Array.isArray(message) ? message.join('; ') : (message ?? exception.message),
        instance,
      };
    }
    // Fastify's own errors (malformed JSON body, unsupported media type, body too large) carry a
    // statusCode but are not HttpExceptions.
    const status = (exception as { statusCode?: unknown; status?: unknown })?.statusCode ?? (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Plugins that build their own problem (the rate limiter) keep it.
      const own = exception as Partial<ProblemDetails>;
      if (typeof own.type === 'string' && typeof own.title === 'string' && typeof own.detail === 'string') {
        return { type: own.type, title: own.title, status, detail: own.detail, instance };
      }
      return {
        type: problemType(`http-${status}`),
        title: TITLES[status] ?? 'Bad request',
        status,
        detail: status === 400 ? 'The request body is not valid JSON.' : ((exception as Error).message ?? 'Bad request'),
        instance,
      };
    }
    return {
      type: problemType('internal'),
      title: 'Internal server error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'Something went wrong on our side. The error has been logged; please try again later.',
      instance,
    };
  }
}

/**
 * Errors Fastify raises while routing, before Nest sees the request (a malformed percent-encoding,
 * a path parameter longer than the router accepts): answered as problem+json like everything else.
 */
export function answerRoutingErrorAsProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  // Fastify answers these before any hook runs: the request id is echoed, and the access line written, here.
  void reply.header(REQUEST_ID_HEADER, request.id);
  request.log.info({ req: request, res: { statusCode: status } }, 'request completed');
  sendProblem(reply, {
    type: problemType(status === 414 ? 'uri-too-long' : 'malformed-url'),
    title: TITLES[status] ?? 'Bad request',
    status,
    detail:
      status === 414
        ? 'A value in the URL is too long. Check the address, or type the plate code again.'
        : 'The URL is malformed (for example a stray "%"). Check the address, or type the plate code again.',
    instance: request.url,
  });
}

/** The 404 every resource lookup throws: a stable type per resource, and a detail saying where to look. */
export function notFound(typeSlug: string, detail: string): ProblemException {
  return new ProblemException({ type: problemType(typeSlug), title: TITLES[404] ?? 'Not found', status: 404, detail });
}
