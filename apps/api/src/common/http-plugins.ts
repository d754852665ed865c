import fastifyEtag from '@fastify/etag';
import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type Redis from 'ioredis';
import type { AppConfig } from '@pho-so/server/config';
import { MetricsService } from '@pho-so/server/nest';
import { problemType, type ProblemDetails } from './problem-details';
import { registerRequestMetrics } from './request-metrics';
import { registerResponseCache } from './response-cache';

/** Paths that are never rate limited: health checks are for the orchestrator, not for clients. */
const UNLIMITED = /^\/api\/health\//;

/**
 * Fastify plugins for every response: strong ETags with 304 on If-None-Match (cheap revalidation for
 * phones on 3G and for a CDN), and a per-client rate limit that answers 429 problem+json with
 * Retry-After. With Redis the limit is shared by every API replica; without, it is per process.
 * Last, the in-memory response cache for repeated GETs of cacheable data. Every answer, a 429 or a
 * cached one included, is timed for /metrics on the ops listener.
 */
export async function registerHttpPlugins(app: NestFastifyApplication, config: AppConfig, redis: Redis | null): Promise<void> {
  registerRequestMetrics(app.getHttpAdapter().getInstance(), app.get(MetricsService));
  await app.register(fastifyEtag);
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    allowList: (request) => UNLIMITED.test(request.url),
    ...(redis ? { redis, nameSpace: `${config.REDIS_KEY_PREFIX}rate-limit:` } : {}),
    addHeaders: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true, 'retry-after': true },
    errorResponseBuilder: (request, context): ProblemDetails => ({
      type: problemType('rate-limited'),
      title: 'Too many requests',
      status: 429,
      statusCode: 429,
      detail: `Too many requests from this client: at most ${context.max} per minute. Try again in ${context.after}.`,
      instance: request.url,
    }),
  });
  registerResponseCache(app, config.RESPONSE_CACHE_SECONDS);
}
