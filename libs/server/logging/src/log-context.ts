import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line written on behalf of one unit of work carries: the HTTP request's id in the
 * API, the job's id and name in the worker. Kept in an AsyncLocalStorage so code deep in a service
 * (a Nest `Logger`, a TypeORM callback) logs with it without the id being passed around.
 */
export interface LogContext {
  readonly reqId?: string;
  readonly jobId?: string;
  readonly job?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` (and everything it starts asynchronously) with `context` on every log line. */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The context of the unit of work running now, if any. */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
