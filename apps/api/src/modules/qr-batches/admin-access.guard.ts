import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig } from '@pho-so/server/nest';
import { AdminTokenGuard } from '../../common/admin-token.guard';
import { AdminOnlyGuard, OfficialSessionGuard } from '../auth';

/**
 * The admin endpoints take either `Authorization: Bearer <ADMIN_TOKEN>` (automation) or an admin's
 * session (the workspace: CSRF and Origin on writes; a ward_editor's session gets 403). A request with
 * an Authorization header, or with no cookie at all, is judged by the token, so its 401 says how to
 * send it; a request with a cookie and no Authorization header, by the session.
 */
@Injectable()
export class AdminTokenOrSessionGuard implements CanActivate {
  private readonly token: AdminTokenGuard;

  constructor(
    @InjectConfig() config: AppConfig,
    private readonly session: OfficialSessionGuard,
    private readonly adminOnly: AdminOnlyGuard,
  ) {
    this.token = new AdminTokenGuard(config);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.headers.authorization !== undefined || request.headers.cookie === undefined) return this.token.canActivate(context);
    return (await this.session.canActivate(context)) && this.adminOnly.canActivate(context);
  }
}
