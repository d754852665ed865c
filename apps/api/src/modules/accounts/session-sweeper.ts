import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@pho-so/server/config';
import { InjectConfig } from '@pho-so/server/nest';
import { AuthClock } from '../auth';

/** How often the API deletes ended sessions (each replica; the DELETE is idempotent). */
export const SESSION_SWEEP_INTERVAL_MS = 10 * 60_000;

/**
 * The periodic sweep of ended sessions: every session past its absolute expiry or idle for longer than
 * SESSION_IDLE_MINUTES is deleted, at start-up and then every ten minutes. (They are refused when met
 * anyway; the sweep keeps the table from holding sessions nobody comes back to.) Time from AuthClock.
 */
@Injectable()
export class SessionSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SessionSweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: AuthClock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => void this.sweep().catch((error: unknown) => this.logger.warn(`session sweep failed: ${error instanceof Error ? error.message : String(error)}`));
    run();
    this.timer = setInterval(run, SESSION_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Deletes every ended session; the number deleted. */
  sweep(): Promise<number> {
    const now = this.clock.now();
    const idleSince = new Date(now.getTime() - this.config.SESSION_IDLE_MINUTES * 60_000);
    const work = (async () => {
      const rows = (await this.dataSource.query(`DELETE FROM official_session WHERE expires_at <= $1 OR last_seen_at <= $2 RETURNING id`, [now, idleSince])) as unknown[];
      return Array.isArray(rows) ? rows.length : 0;
    })();
    this.running = work;
    return work;
  }
}
