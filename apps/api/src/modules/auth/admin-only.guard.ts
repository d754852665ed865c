import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthService } from './auth.service';
import { unauthenticated } from './auth-problems';
import { denyForbidden, OfficialSessionGuard } from './official-session.guard';

/** 403 for a ward_editor; use after OfficialSessionGuard (or just `@AdminOnly()`, which applies both). */
@Injectable()
export class AdminOnlyGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const official = request.official;
    if (!official) throw unauthenticated('no-session');
    if (official.role !== 'admin') await denyForbidden(this.auth, request, official, 'admin-only');
    return true;
  }
}

/** A route (or controller) for administrators only: a valid session, CSRF on writes, and role admin. */
export const AdminOnly = () => applyDecorators(UseGuards(OfficialSessionGuard, AdminOnlyGuard));
