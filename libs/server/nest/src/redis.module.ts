import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { AppConfig } from '@pho-so/server/config';
import { APP_CONFIG } from './config.module';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
/** Injects the shared Redis connection, or null when REDIS_URL is not set (single-machine mode). */
export const InjectRedis = () => Inject(REDIS_CLIENT);

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Redis | null => {
        if (!config.REDIS_URL) return null;
        // maxRetriesPerRequest: null is what BullMQ requires of connections it shares; readiness
        // checks use their own timeout instead of per-request retries.
        const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
        redis.on('error', () => undefined); // surfaced by readiness; avoid unhandled 'error' events
        return redis;
      },
    },
    RedisLifecycle,
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule {}
