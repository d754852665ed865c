import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig } from '@pho-so/server/nest';
import { WorkerReadinessService, type WorkerReadinessReport } from './worker-readiness.service';

export interface WatchdogOptions {
  /** One readiness check; a rejection counts as not ready. */
  check: () => Promise<{ ready: boolean; reason: string }>;
  /** How long readiness may fail without a break before `expired` is called. */
  limitMs: number;
  /** Pause between the end of one check and the start of the next. */
  intervalMs: number;
  /** Called once, with what was down at the last check and for how long readiness had been failing. */
  expired: (reason: string, failingForMs: number) => void;
  failing?: (reason: string) => void;
  recovered?: (failedForMs: number) => void;
  now?: () => number;
}

/**
 * Checks readiness over and over; once it has failed continuously for `limitMs` (measured from the
 * start of the first failing check, so a check's own timeout counts), calls `expired`. A single
 * successful check starts the count again. Framework-free so it can be tested with a fake clock.
 */
export class ReadinessWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failingSince: number | null = null;
  private fired = false;

  constructor(private readonly options: WatchdogOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One check (public for tests); returns whether it was ready. */
  async tick(): Promise<boolean> {
    const now = this.options.now ?? Date.now;
    const started = now();
    let result: { ready: boolean; reason: string };
    try {
      result = await this.options.check();
    } catch (error) {
      result = { ready: false, reason: error instanceof Error ? error.message : String(error) };
    }
    if (result.ready) {
      if (this.failingSince !== null) this.options.recovered?.(now() - this.failingSince);
      this.failingSince = null;
      return true;
    }
    if (this.failingSince === null) {
      this.failingSince = started;
      this.options.failing?.(result.reason);
    }
    const failingFor = now() - this.failingSince;
    if (failingFor >= this.options.limitMs && !this.fired && !this.stopped) {
      this.fired = true;
      this.options.expired(result.reason, failingFor);
    }
    return false;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref();
  }
}

/** How the watchdog ends the process; a token so a test could replace it. */
export const WORKER_EXIT = Symbol('WORKER_EXIT');

const describeDown = (report: WorkerReadinessReport): string => {
  const down = Object.entries(report.checks)
    .filter(([, status]) => status === 'down')
    .map(([name]) => name);
  return down.length > 0 ? `${down.join(' and ')} down` : 'not ready';
};

/**
 * Plain Docker restarts a container when its process exits, not when its healthcheck fails. So a
 * worker that has lost Redis (or the database) for WORKER_REDIS_LOST_EXIT_SECONDS without a break
 * logs why and exits with code 1, and `restart: unless-stopped` starts a fresh one. A Redis restart
 * of a few seconds does not trigger it: the connections come back (reconnecting every 2 s at most)
 * and the first good check resets the count.
 */
@Injectable()
export class RedisLossWatchdog implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('worker');
  private watchdog: ReadinessWatchdog | null = null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly readiness: WorkerReadinessService,
    @Optional() @Inject(WORKER_EXIT) private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  onApplicationBootstrap(): void {
    const limitMs = this.config.WORKER_REDIS_LOST_EXIT_SECONDS * 1000;
    this.watchdog = new ReadinessWatchdog({
      limitMs,
      intervalMs: 1000,
      check: async () => {
        const report = await this.readiness.check();
        return { ready: report.ready, reason: describeDown(report) };
      },
      failing: (reason) => this.logger.warn(`not ready (${reason}); exiting if this lasts ${limitMs / 1000} s`),
      recovered: (ms) => this.logger.log(`ready again after ${(ms / 1000).toFixed(1)} s`),
      expired: (reason, ms) => {
        this.logger.error(`not ready for ${(ms / 1000).toFixed(1)} s (${reason}): exiting with code 1 so that the container is restarted`);
        this.exit(1);
      },
    });
    this.watchdog.start();
  }

  beforeApplicationShutdown(): void {
    this.watchdog?.stop();
  }
}
