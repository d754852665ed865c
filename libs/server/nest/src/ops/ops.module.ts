import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@pho-so/server/config';
import type { QueueJobCounts } from '@pho-so/server/queue';
import { InjectConfig } from '../config.module';
import { ReadinessService } from '../readiness.service';
import { PhoSoMetrics, type QrBatchProgress } from './metrics';
import { liveAnswer, readyAnswer, type OpsReadinessReport } from './ops-answers';
import { startOpsHttpServer, type OpsHttpServer } from './ops-http-server';

/** Anything whose `check()` says whether the process can do its work (the database, Redis…). */
export interface ReadinessCheck {
  check(): Promise<OpsReadinessReport>;
}

/** Anything that can count the platform queue's jobs per state (both job runners, the worker's consumer). */
export interface JobCountsSource {
  jobCounts?(): Promise<QueueJobCounts>;
}

type Token<T> = Type<T> | symbol | string;

export interface OpsModuleOptions {
  /** Provider behind GET /health/ready; default ReadinessService (the database, and Redis when configured). */
  readiness?: Token<ReadinessCheck>;
  /** Provider of the queue gauges; without one they are left out. */
  jobCounts?: Token<JobCountsSource>;
}

const OPS_OPTIONS = Symbol('OPS_OPTIONS');

/**
 * The process's metrics (one registry per app). Node's default process metrics are collected only
 * when the ops listener is on (OPS_PORT set): nobody could read them otherwise.
 */
@Injectable()
export class MetricsService extends PhoSoMetrics {
  constructor(@InjectConfig() config: AppConfig) {
    super({ defaultMetrics: config.OPS_PORT !== undefined });
  }
}

/** The progress of unfinished QR batches in one query (the `batch` table's status index). */
@Injectable()
export class QrBatchProgressReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(): Promise<QrBatchProgress> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS batches, COALESCE(sum(total), 0)::int AS total, COALESCE(sum(done), 0)::int AS done, COALESCE(sum(failed), 0)::int AS failed
         FROM batch WHERE status IN ('queued', 'running')`,
    )) as Array<{ batches: number; total: number; done: number; failed: number }>;
    const { batches = 0, total = 0, done = 0, failed = 0 } = row ?? {};
    return { unfinishedBatches: batches, queued: Math.max(0, total - done - failed), done, failed };
  }
}

/**
 * The internal ops listener (OPS_HOST:OPS_PORT, node:http): GET /metrics, /health/live (never asks
 * anything) and /health/ready (the readiness check; 503 once shutdown began). Off when OPS_PORT is unset.
 */
@Injectable()
export class OpsServer implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('ops');
  private server: OpsHttpServer | null = null;
  private shuttingDown = false;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @Inject(OPS_OPTIONS) private readonly options: OpsModuleOptions,
    private readonly metrics: MetricsService,
    private readonly batches: QrBatchProgressReader,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const jobs = this.options.jobCounts ? this.moduleRef.get<JobCountsSource>(this.options.jobCounts, { strict: false }) : null;
    this.metrics.useSources({
      ...(jobs?.jobCounts ? { queueJobs: () => jobs.jobCounts!() } : {}),
      qrBatches: () => this.batches.read(),
    });
    if (this.config.OPS_PORT === undefined) return;
    const readiness = this.moduleRef.get<ReadinessCheck>(this.options.readiness ?? ReadinessService, { strict: false });
    this.server = await startOpsHttpServer(this.config.OPS_HOST, this.config.OPS_PORT, {
      metrics: async () => ({ status: 200, ...(await this.metrics.exposition()) }),
      live: liveAnswer,
      ready: async () => readyAnswer(await readiness.check(), this.shuttingDown),
    });
    this.logger.log(`ops listener on ${this.server.url} (GET /metrics, /health/live, /health/ready)`);
  }

  /** The bound address, or null when the listener is off (tests read the ephemeral port here). */
  get url(): string | null {
    return this.server?.url ?? null;
  }

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.close();
  }
}

@Global()
@Module({})
export class OpsModule {
  static forRoot(options: OpsModuleOptions = {}): DynamicModule {
    return {
      module: OpsModule,
      providers: [{ provide: OPS_OPTIONS, useValue: options }, MetricsService, QrBatchProgressReader, ReadinessService, OpsServer],
      exports: [MetricsService, OpsServer],
    };
  }
}
