import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig, MetricsService } from '@pho-so/server/nest';
import { ScanCountRepository, type ScanCountSink } from './scan-count.repository';
import { SCAN_COUNT_STORE, type ScanCountStore } from './scan-count.store';
import { localDay, scannedCode } from './scan-key';

export const SCAN_CLOCK = Symbol('SCAN_CLOCK');
export type Clock = () => Date;

/**
 * How long a shutdown waits, in all, for the last flushes before giving up (Redis or the database
 * unreachable): well inside the usual 30 s between SIGTERM and SIGKILL.
 */
const SHUTDOWN_BUDGET_MS = 10_000;

export interface FlushResult {
  /** Batches written to the database. */
  written: number;
  /** Scans in those batches. */
  scans: number;
  /** Batches whose write failed; they stay in the store and are retried on the next flush. */
  failed: number;
}

/**
 * Counts plate scans per code per local day. A scan only touches the store (one Redis HINCRBY or a
 * map update); the counts reach `scan_count` in the database every SCAN_FLUSH_INTERVAL_MS and on a
 * graceful shutdown. Nothing about the scanner is kept, and nothing is logged per scan: a log line's
 * timestamp would be the time of day of a scan.
 */
@Injectable()
export class ScanCounterService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('ScanCounter');
  private readonly inFlight = new Set<Promise<void>>();
  private flushing: Promise<unknown> = Promise.resolve();
  private busy = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private lostSinceLastFlush = 0;
  private lastStoreError = '';
  private shutdownDeadline = 0;

  constructor(
    @Inject(SCAN_COUNT_STORE) private readonly store: ScanCountStore,
    @Inject(ScanCountRepository) private readonly sink: ScanCountSink,
    @InjectConfig() private readonly config: Pick<AppConfig, 'SCAN_FLUSH_INTERVAL_MS'>,
    @Optional() @Inject(SCAN_CLOCK) private readonly clock: Clock = () => new Date(),
    /** `pho_so_plate_scans_total` and `…_lost_total` on the ops listener's /metrics. */
    @Optional() @Inject(MetricsService) private readonly metrics?: Pick<MetricsService, 'plateScans' | 'plateScansLost'>,
  ) {}

  /** Counts one scan of `rawCode` as given in the URL. Never throws and never waits. */
  record(rawCode: string): void {
    if (this.closed) return;
    const code = scannedCode(rawCode);
    if (code === null) return;
    this.metrics?.plateScans.inc();
    try {
      const pending = this.store.increment(localDay(this.clock()), code);
      if (pending instanceof Promise) this.track(pending);
    } catch (error) {
      this.noteLost(error);
    }
  }

  /**
   * Writes every count collected so far to the database (after the increments already issued have
   * landed). Flushes run one at a time; a call during a flush waits for it and then flushes again.
   */
  flush(): Promise<FlushResult> {
    const run = this.flushing.then(() => this.flushOnce());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  onApplicationBootstrap(): void {
    this.store.start?.();
    this.timer = setInterval(() => void this.tick(), this.config.SCAN_FLUSH_INTERVAL_MS);
    this.timer.unref();
    void this.tick(); // at once: takes over batches that a crashed process left behind
  }

  /** First flush while the HTTP server still answers (most counts written early)… */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    this.shutdownDeadline = Date.now() + SHUTDOWN_BUDGET_MS;
    await this.flushForShutdown();
  }

  /**
   * …and the last one after it stopped, so scans that came in meanwhile are written too. Redis and
   * the database are global modules, whose shutdown hooks Nest runs after this one.
   */
  async onApplicationShutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.shutdownDeadline ||= Date.now() + SHUTDOWN_BUDGET_MS;
    await this.flushForShutdown();
    try {
      if (this.store.close) await this.beforeDeadline(this.store.close());
    } catch (error) {
      this.logger.warn(`could not close the scan counter store: ${message(error)}`);
    }
  }

  private async flushOnce(): Promise<FlushResult> {
    await Promise.allSettled([...this.inFlight]);
    if (this.lostSinceLastFlush > 0) {
      this.logger.error(`${this.lostSinceLastFlush} scan(s) could not be counted since the last flush: ${this.lastStoreError}`);
      this.lostSinceLastFlush = 0;
    }
    const result: FlushResult = { written: 0, scans: 0, failed: 0 };
    for (const batch of await this.store.take()) {
      try {
        await this.sink.add(batch.rows);
        await this.store.acknowledge(batch);
        result.written++;
        result.scans += batch.rows.reduce((sum, row) => sum + row.delta, 0);
      } catch (error) {
        // The batch stays unacknowledged and is retried next time; other batches still go through.
        result.failed++;
        this.logger.error(`scan counts not written yet, will retry: ${message(error)}`);
      }
    }
    return result;
  }

  private async tick(): Promise<void> {
    if (this.busy || this.closed) return;
    this.busy = true;
    try {
      await this.flush();
    } catch (error) {
      this.logger.error(`scan count flush failed, will retry: ${message(error)}`);
    } finally {
      this.busy = false;
    }
  }

  private async flushForShutdown(): Promise<void> {
    try {
      const result = await this.beforeDeadline(this.flush());
      if (result.failed > 0) this.logger.error(`${result.failed} batch(es) of scan counts not written at shutdown`);
    } catch (error) {
      // With Redis the counts stay there for another replica or the next start; in memory they are lost.
      this.logger.error(`scan counts not written at shutdown: ${message(error)}`);
    }
  }

  /** `work`, or an error once the shutdown budget is spent: a shutdown never hangs on Redis or the database. */
  private async beforeDeadline<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`gave up after ${SHUTDOWN_BUDGET_MS / 1000} s`)), Math.max(0, this.shutdownDeadline - Date.now()));
      timer.unref();
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private track(pending: Promise<void>): void {
    const tracked = pending.then(
      () => undefined,
      (error: unknown) => this.noteLost(error),
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  private noteLost(error: unknown): void {
    this.metrics?.plateScansLost.inc();
    this.lostSinceLastFlush++;
    this.lastStoreError = message(error);
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
