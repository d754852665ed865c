import type { INestApplicationContext, LoggerService } from '@nestjs/common';

export interface ShutdownOnSignalsOptions {
  /**
   * Longest a graceful shutdown may take before the process gives up and exits with code 1; keep it
   * under the orchestrator's grace period (compose `stop_grace_period`), after which it sends SIGKILL.
   */
  timeoutMs: number;
  logger: Pick<LoggerService, 'log' | 'error'>;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * SIGTERM or SIGINT run the app's shutdown hooks (the worker lets its jobs in flight finish; the API
 * stops listening and writes its scan counts), then the process exits with code 0, or 1 if a hook
 * failed. Nest 12's `enableShutdownHooks` would otherwise re-raise the signal after closing (exit
 * status 143 for SIGTERM), which looks like a crash to `docker compose stop` and to supervisors.
 *
 * A second SIGTERM/SIGINT while the shutdown runs changes nothing: Nest ignores signals once one is
 * being handled, so the job in flight is never cut short by an impatient second signal; only SIGKILL
 * or `timeoutMs` end the process early (the latter with code 1 and a log line saying why).
 */
export function exitOnShutdownSignals(app: INestApplicationContext, { timeoutMs, logger }: ShutdownOnSignalsOptions): void {
  // No signal list: Nest's default set, as before; useProcessExit ends with process.exit(0).
  app.enableShutdownHooks([], { useProcessExit: true });
  let armed = false;
  const arm = (signal: NodeJS.Signals): void => {
    if (armed) return;
    armed = true;
    logger.log(`${signal}: shutting down (at most ${Math.round(timeoutMs / 1000)} s)`);
    setTimeout(() => {
      logger.error(`shutdown did not finish within ${Math.round(timeoutMs / 1000)} s after ${signal}; exiting with code 1`);
      process.exit(1);
    }, timeoutMs).unref();
  };
  for (const signal of SIGNALS) process.once(signal, arm);
}
