import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig } from '@pho-so/server/nest';
import { tokensEqual } from '@pho-so/server/auth';
import { AuthService, type Authenticated } from './auth.service';
import { forbidden, unauthenticated, type ForbiddenReason } from './auth-problems';
import { readSessionCookie } from './session-cookie';
import type { SessionOfficial } from './auth.types';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The Origin a state-changing request may come from: PUBLIC_BASE_URL's; absent Origin is allowed (same-origin GET forms, non-browser clients). */
export function originAllowed(request: FastifyRequest, config: AppConfig): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === new URL(config.PUBLIC_BASE_URL).origin;
}

/** The CSRF token a request sent: header x-csrf-token, or the `_csrf` field of a form or JSON body. */
export function sentCsrfToken(request: FastifyRequest): string | null {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string' && header !== '') return header;
  const body = request.body;
  if (typeof body === 'object' && body !== null && typeof (body as Record<string, unknown>)['_csrf'] === 'string') {
    return (body as Record<string, string>)['_csrf'] || null;
  }
  return null;
}

const routeOf = (request: FastifyRequest) => `${request.method} ${request.routeOptions?.url ?? request.url.split('?')[0]}`.slice(0, 300);

/**
 * Workspace routes: a valid session (cookie, idle and absolute timeouts) or 401; on methods other
 * than GET/HEAD/OPTIONS also a matching CSRF token and an allowed Origin, or 403. Sets
 * `request.official` (read it with `@CurrentOfficial()`), marks the answer `no-store`, and records
 * 403s and 401s of a presented session in the audit trail.
 */
@Injectable()
export class OfficialSessionGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    void context.switchToHttp().getResponse<FastifyReply>().header('cache-control', 'no-store');
    if (request.official && request.officialSession) return true; // already checked (guard applied twice)
    const result = await authenticateSession(this.auth, request);
    if (!SAFE_METHODS.has(request.method)) {
      const sent = sentCsrfToken(request);
      const reason: ForbiddenReason | null = !originAllowed(request, this.config)
        ? 'origin-not-allowed'
        : sent === null
          ? 'csrf-token-missing'
          : !tokensEqual(sent, result.csrfToken)
            ? 'csrf-token-invalid'
            : null;
      if (reason) {
        await denyForbidden(this.auth, request, result.official, reason);
      }
    }
    await this.auth.touch(result.sessionId);
    request.official = result.official;
    request.officialSession = { id: result.sessionId, csrfToken: result.csrfToken };
    return true;
  }
}

/**
 * The request's session, or a 401 problem thrown. A presented but ended or unknown session is recorded
 * in the audit trail; no cookie at all is not (every anonymous visitor would be).
 */
export async function authenticateSession(auth: AuthService, request: FastifyRequest): Promise<Extract<Authenticated, { ok: true }>> {
  const result = await auth.authenticate(readSessionCookie(request));
  if (result.ok) return result;
  if (request.headers.cookie !== undefined && result.problem !== 'no-session') {
    await auth.recordDenied({
      actorId: result.officialId ?? null,
      actorLabel: result.email ?? 'anonymous',
      action: 'unauthorized',
      entityType: 'route',
      entityId: routeOf(request),
      newValue: { reason: result.problem },
      requestId: String(request.id),
    });
  }
  throw unauthenticated(result.problem);
}

/** Records a 403 in the audit trail and throws it. */
export async function denyForbidden(auth: AuthService, request: FastifyRequest, official: SessionOfficial | undefined, reason: ForbiddenReason): Promise<never> {
  await auth.recordDenied({
    actorId: official?.id ?? null,
    actorLabel: official?.email ?? 'anonymous',
    action: 'forbidden',
    entityType: 'route',
    entityId: routeOf(request),
    newValue: { reason },
    requestId: String(request.id),
  });
  throw forbidden(reason);
}

/** The official of the request's session (routes behind OfficialSessionGuard). */
export const CurrentOfficial = createParamDecorator((_data: unknown, context: ExecutionContext): SessionOfficial => {
  const official = context.switchToHttp().getRequest<FastifyRequest>().official;
  if (!official) throw unauthenticated('no-session'); // a route that forgot the guard
  return official;
});
