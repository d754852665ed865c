import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig } from '@pho-so/server/nest';
import { ProblemException } from '../../common/problem-details.filter';
import { parseChangePasswordBody, parseLoginBody } from './auth-body';
import { forbidden } from './auth-problems';
import { AuthService, clientInfo, type StartedSession } from './auth.service';
import { CurrentOfficial, OfficialSessionGuard, originAllowed } from './official-session.guard';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';
import type { SessionOfficial } from './auth.types';

/** A throttled attempt's 429 carries Retry-After (seconds). */
async function withRetryAfter<T>(reply: FastifyReply, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ProblemException && error.problem.status === 429) void reply.header('retry-after', String(error.problem['retryAfterSeconds']));
    throw error;
  }
}

export interface SessionBody {
  official: SessionOfficial;
  csrfToken: string;
}

/** Officials' login, logout, current session and password change; every answer is `no-store` (AuthModule's hook). */
@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with {email, password}: 200 with the official and the CSRF token, and the session cookie' })
  async login(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionBody> {
    if (!originAllowed(request, this.config)) throw forbidden('origin-not-allowed');
    const started = await withRetryAfter(reply, this.auth.login(parseLoginBody(body), clientInfo(request, readSessionCookie(request))));
    return this.answer(started, request, reply);
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(OfficialSessionGuard)
  @ApiOperation({ summary: 'End this session (needs the CSRF token); 204 and the cookie cleared' })
  async logout(@CurrentOfficial() official: SessionOfficial, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(official, request.officialSession!.id, clientInfo(request));
    clearSessionCookie(request, reply, this.config);
  }

  @Get('me')
  @UseGuards(OfficialSessionGuard)
  @ApiOperation({ summary: 'The official of this session and its CSRF token (401 without a valid session)' })
  me(@CurrentOfficial() official: SessionOfficial, @Req() request: FastifyRequest): SessionBody {
    return { official, csrfToken: request.officialSession!.csrfToken };
  }

  @Post('password')
  @HttpCode(200)
  @UseGuards(OfficialSessionGuard)
  @ApiOperation({ summary: 'Change the password with {currentPassword, newPassword}: every other session ends, a fresh one starts' })
  async changePassword(
    @CurrentOfficial() official: SessionOfficial,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionBody> {
    const started = await withRetryAfter(reply, this.auth.changePassword(official, parseChangePasswordBody(body), clientInfo(request)));
    return this.answer(started, request, reply);
  }

  private answer(started: StartedSession, request: FastifyRequest, reply: FastifyReply): SessionBody {
    setSessionCookie(request, reply, this.config, started.token);
    return { official: started.official, csrfToken: started.csrfToken };
  }
}
