import { currentLogContext, runWithLogContext } from '@pho-so/server/logging';
import type { JobHandlers, JobMap } from './jobs';

/**
 * The same handlers, each running in a log context naming its job (`jobId`, `job`), so every line a
 * processor writes (its own, a library's, a Nest `Logger`'s) can be traced to the job that wrote it.
 * A job the API runs in process also keeps the `reqId` of the request that enqueued it.
 */
export function withJobLogContext<J extends JobMap>(handlers: JobHandlers<J>): JobHandlers<J> {
  const wrapped: JobHandlers<J> = {};
  for (const name of Object.keys(handlers) as (keyof J & string)[]) {
    const handler = handlers[name];
    if (!handler) continue;
    wrapped[name] = (payload, context) => runWithLogContext({ ...currentLogContext(), jobId: context.jobId, job: name }, () => handler(payload, context));
  }
  return wrapped;
}
