import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { engineOf } from '@pho-so/server/db';
import { InjectRedis } from './redis.module';

export type DependencyStatus = 'up' | 'down' | 'not_configured';

export interface ReadinessReport {
  ready: boolean;
  checks: { database: DependencyStatus; redis: DependencyStatus };
  engines: { database: 'postgres' | 'pglite'; queue: 'bullmq' | 'in-process' };
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

/** Can this process serve traffic: is the database answering, and Redis if one is configured? */
@Injectable()
export class ReadinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis | null,
  ) {}

  async check(): Promise<ReadinessReport> {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const url = (this.dataSource.options as { url?: string }).url;
    return {
      ready: database === 'up' && redis !== 'down',
      checks: { database, redis },
      engines: { database: engineOf({ url, dataDir: '' }), queue: this.redis ? 'bullmq' : 'in-process' },
    };
  }

  private async checkDatabase(): Promise<DependencyStatus> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS);
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async checkRedis(): Promise<DependencyStatus> {
    if (!this.redis) return 'not_configured';
    try {
      return (await withTimeout(this.redis.ping(), CHECK_TIMEOUT_MS)) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }
}
