import { ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig } from '@pho-so/server/nest';
import { AdminTokenGuard } from '../../common/admin-token.guard';
import { ProblemException } from '../../common/problem-details.filter';
import { sendProblem } from '../../common/problem-details';
import { AuthService } from '../auth/auth.service';
import { authenticateSession, denyForbidden, originAllowed } from '../auth/official-session.guard';
import { actionDisabled, needsRedis, tokenReadOnly } from './queue-dashboard-problems';

/** Where Bull Board is mounted (the API's global prefix included: it is a Fastify plugin, not a Nest route). */
export const QUEUE_DASHBOARD_PATH = '/api/v1/admin/queues';

const SAFE_METHODS = new Set(['GET', 'HEAD']);
/** Bull Board's own JSON API and its static files: never answered with a redirect. */
const NON_PAGE = [`${QUEUE_DASHBOARD_PATH}/api/`, `${QUEUE_DASHBOARD_PATH}/static/`];
/**
 * Bull Board routes that are switched off: they would put payloads into the queue that no API endpoint
 * validated (a new job, or a job's data rewritten). Retry, clean, promote, pause/resume stay.
 */
const DISABLED_ROUTES = new Set([
  `POST ${QUEUE_DASHBOARD_PATH}/api/queues/:queueName/add`,
  `PATCH ${QUEUE_DASHBOARD_PATH}/api/queues/:queueName/:jobId/update-data`,
]);

const under = (path: string | undefined): path is string => path !== undefined && (path === QUEUE_DASHBOARD_PATH || path.startsWith(`${QUEUE_DASHBOARD_PATH}/`));
const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? request.url;

/** A browser asking for one of Bull Board's pages (not its JSON API, not an asset, not automation). */
const isPageRequest = (request: FastifyRequest) =>
  SAFE_METHODS.has(request.method) &&
  request.headers.authorization === undefined &&
  !NON_PAGE.some((prefix) => pathOf(request).startsWith(prefix)) &&
  /\btext\/html\b/.test(request.headers.accept ?? '');

/**
 * A write (Bull Board's retry/clean/pause… are PUT/POST/PATCH/DELETE) must come from the platform's own
 * pages: Bull Board's UI cannot send the workspace's CSRF token, so the Origin check carries the
 * protection alone (with SameSite=Lax as the second layer). An `Origin` must be PUBLIC_BASE_URL's; a
 * browser that sends no Origin must say `Sec-Fetch-Site: same-origin`; a request with neither is refused.
 */
export function sameOriginWrite(request: FastifyRequest, config: AppConfig): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  if (request.headers.origin !== undefined) return originAllowed(request, config);
  return site === 'same-origin';
}

/** The workspace's login page in the language the browser prefers first, coming back here after login. */
export function loginRedirect(request: FastifyRequest): string {
  const english = /^\s*en\b/i.test(request.headers['accept-language'] ?? '');
  return `${english ? '/en' : ''}/quan-tri/dang-nhap?next=${encodeURIComponent(request.url)}`;
}

/**
 * Who may see Bull Board: an official's session with role `admin` (the auth module's session check,
 * timeouts and disabled accounts included), writes only same-origin; or `Authorization: Bearer
 * ADMIN_TOKEN` for reads (monitoring scripts; a shared token is not a person, so it may not act on jobs).
 * Runs as a Fastify onRequest hook for every request under the mount, Bull Board's API and assets included.
 */
@Injectable()
export class QueueDashboardAccess {
  private readonly token: AdminTokenGuard;

  constructor(
    private readonly auth: AuthService,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.token = new AdminTokenGuard(config);
  }

  /** Whether a request is the dashboard's: by the route it matched, or by its path (unknown paths under the mount). */
  inScope(request: FastifyRequest): boolean {
    return under(request.routeOptions?.url) || under(pathOf(request));
  }

  /** True when the request may go on to Bull Board; otherwise the answer (redirect or problem) has been sent. */
  async admit(request: FastifyRequest, reply: FastifyReply, redisConfigured: boolean): Promise<boolean> {
    void reply.header('cache-control', 'no-store');
    try {
      if (request.headers.authorization !== undefined) this.checkToken(request, reply);
      else await this.checkSession(request);
      if (!redisConfigured) throw needsRedis();
      if (DISABLED_ROUTES.has(`${request.method} ${request.routeOptions?.url ?? ''}`)) throw actionDisabled();
      return true;
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      if (error.problem.status === 401 && isPageRequest(request)) {
        void reply.code(303).header('location', loginRedirect(request)).send();
      } else {
        sendProblem(reply, { ...error.problem, instance: error.problem.instance ?? request.url });
      }
      return false;
    }
  }

  private checkToken(request: FastifyRequest, reply: FastifyReply): void {
    // The admin endpoints' own token check (401 problems that say how to send it), given this request.
    const http = { getRequest: () => request, getResponse: () => reply };
    this.token.canActivate({ switchToHttp: () => http } as unknown as ExecutionContext);
    if (!SAFE_METHODS.has(request.method)) throw tokenReadOnly();
  }

  private async checkSession(request: FastifyRequest): Promise<void> {
    const result = await authenticateSession(this.auth, request);
    if (result.official.role !== 'admin') await denyForbidden(this.auth, request, result.official, 'admin-only');
    const write = !SAFE_METHODS.has(request.method);
    if (write && !sameOriginWrite(request, this.config)) await denyForbidden(this.auth, request, result.official, 'origin-not-allowed');
    // Only a page load or an action counts as activity: the board's polling must not keep an
    // unattended session alive past its idle timeout.
    if (write || isPageRequest(request)) await this.auth.touch(result.sessionId);
    request.official = result.official;
  }
}
