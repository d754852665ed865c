import type { JobHandlers, PhoSoJobs } from '@pho-so/server/queue';

/**
 * Processor per job name. Features register theirs here as they land (QR rendering, batches,
 * page revalidation); until then the worker consumes the queue and fails any job it cannot handle.
 */
export const JOB_HANDLERS: JobHandlers<PhoSoJobs> = {};
