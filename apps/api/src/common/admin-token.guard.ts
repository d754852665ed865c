import { timingSafeEqual, createHash } from 'node:crypto';
import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig } from '@pho-so/server/nest';
import { ProblemException } from './problem-details.filter';
import { problemType } from './problem-details';

const unauthorized = (detail: string) =>
  new ProblemException({ type: problemType('unauthorized'), title: 'Unauthorized', status: HttpStatus.UNAUTHORIZED, detail });

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The admin endpoints take `Authorization: Bearer <ADMIN_TOKEN>` (automation; officials' sessions
 * come with the workspace). Without a configured token nobody gets in, and the 401 says why.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.ADMIN_TOKEN;
    if (!expected) {
      throw unauthorized('Admin endpoints are disabled: no ADMIN_TOKEN is configured on the server (at least 32 characters).');
    }
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>".');
    // Compare digests, so the comparison takes the same time whatever the length of the guess.
    if (!timingSafeEqual(digest(match[1] ?? ''), digest(expected))) throw unauthorized('The bearer token is not the admin token.');
    return true;
  }
}
