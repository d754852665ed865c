import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type Redis from 'ioredis';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig, InjectRedis } from '@pho-so/server/nest';
import { responseCacheOf } from '../../common/response-cache';
import type { EditResult } from './service-point-edit.service';

/**
 * Drops the API's in-process response cache (`common/response-cache.ts`) after an edit, so the public
 * GETs show it at once instead of within RESPONSE_CACHE_SECONDS. With Redis the clear is broadcast on
 * the channel `<REDIS_KEY_PREFIX>response-cache:clear`, which every API replica subscribes to; without,
 * there is one process and clearing it is enough.
 */
@Injectable()
export class WorkspaceResponseCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('WorkspaceResponseCache');
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectRedis() private readonly redis: Redis | null,
    @InjectConfig() config: AppConfig,
  ) {
    this.channel = `${config.REDIS_KEY_PREFIX}response-cache:clear`;
  }

  onModuleInit(): void {
    if (!this.redis) return;
    const subscriber = this.redis.duplicate();
    subscriber.on('error', () => undefined); // readiness reports Redis; a lost subscriber reconnects
    subscriber.on('message', (channel) => {
      if (channel === this.channel) this.clearHere();
    });
    // Not awaited: Redis being down must not hold up the API's start.
    subscriber.subscribe(this.channel).catch((error: unknown) => this.logger.warn(`cannot subscribe to ${this.channel}: ${String(error)}`));
    this.subscriber = subscriber;
  }

  async onApplicationShutdown(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = null;
    if (subscriber && subscriber.status !== 'end') await subscriber.quit().catch(() => subscriber.disconnect());
  }

  /** After an edit: clear this process's cache at once and tell the other replicas (a no-op for an edit that changed nothing). */
  async afterEdit(result: EditResult<unknown>): Promise<void> {
    if (!result.changed) return;
    this.clearHere();
    if (this.redis) {
      await this.redis.publish(this.channel, 'clear').catch((error: unknown) => this.logger.warn(`cannot broadcast the response cache clear: ${String(error)}`));
    }
  }

  private clearHere(): void {
    const instance = this.adapterHost.httpAdapter?.getInstance?.() as object | undefined;
    if (instance) responseCacheOf(instance)?.clear();
  }
}
