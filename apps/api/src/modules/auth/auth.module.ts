import { Global, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type Redis from 'ioredis';
import type { AppConfig } from '@pho-so/server/config';
import { APP_CONFIG, REDIS_CLIENT } from '@pho-so/server/nest';
import { LoginThrottle, MemoryThrottleStore, RedisThrottleStore } from '@pho-so/server/auth';
import { AdminOnlyGuard } from './admin-only.guard';
import { AuthClock } from './auth-clock';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService, LOGIN_THROTTLE } from './auth.service';
import { OfficialSessionGuard } from './official-session.guard';

const AUTH_PATH = /^\/api\/v1\/auth\//;

/**
 * Officials' accounts and sessions. Global, so any feature module can put `OfficialSessionGuard`,
 * `@AdminOnly()` and `@CurrentOfficial()` on its routes without importing it.
 */
@Global()
@Module({
  controllers: [AuthController],
  providers: [
    AuthClock,
    AuthRepository,
    AuthService,
    OfficialSessionGuard,
    AdminOnlyGuard,
    {
      provide: LOGIN_THROTTLE,
      inject: [APP_CONFIG, REDIS_CLIENT, AuthClock],
      useFactory: (config: AppConfig, redis: Redis | null, clock: AuthClock) =>
        new LoginThrottle(redis ? new RedisThrottleStore(redis, config.REDIS_KEY_PREFIX) : new MemoryThrottleStore(() => clock.nowMs()), () => clock.nowMs()),
    },
  ],
  exports: [AuthClock, AuthService, OfficialSessionGuard, AdminOnlyGuard],
})
export class AuthModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    // Every answer of /api/v1/auth/... (problems included) must not be kept by any cache.
    fastify.addHook('onRequest', async (request, reply) => {
      if (AUTH_PATH.test(request.url)) void reply.header('cache-control', 'no-store');
    });
    // Workspace forms post application/x-www-form-urlencoded (with a hidden _csrf field).
    if (!fastify.hasContentTypeParser('application/x-www-form-urlencoded')) {
      fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1_048_576 }, (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
    }
  }
}
