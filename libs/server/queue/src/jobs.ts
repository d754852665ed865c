/**
 * The one place where job names and their payload types live. API (producer) and worker
 * (processors) both import from here, so a renamed job or a changed payload fails to compile on
 * both sides at once. Each feature adds its jobs to `PhoSoJobs` when it lands.
 */
export interface PhoSoJobs {
  /**
   * Render one file of one plate, store it, upsert its qr_asset row (id `qr-<plate>-<version>-<format>`)
   * and settle every queued batch item for that file. No batch id: one job serves every batch asking for it.
   */
  'qr.render': { plateId: string; designVersion: number; format: 'svg' | 'png' | 'pdf' };
  /**
   * Ask the web app to drop the cached pages carrying these cache tags (`webCacheTags`), after an
   * official's edit committed (handler: revalidate-web.ts). Retried while the web app is down.
   */
  'web.revalidate': { tags: string[] };
}

/** Every job of the platform goes through one BullMQ queue; names tell processors apart. */
export const QUEUE_NAME = 'pho-so';

/** Payload map of any job set: name → payload. */
export type JobMap = object;

export type JobHandler<P> = (payload: P, context: { jobId: string; attempt: number }) => Promise<void>;
export type JobHandlers<J extends JobMap> = { [N in keyof J & string]?: JobHandler<J[N]> };

export interface EnqueueOptions {
  /** Deterministic id: the same work enqueued twice is stored once. */
  jobId?: string;
  delayMs?: number;
  /**
   * BullMQ: drop the job as soon as it completes (instead of keeping it for a day), so its
   * deterministic id can be enqueued again by the next run of the same work.
   */
  removeOnComplete?: boolean;
}

/** One job of an `enqueueMany` call. */
export interface JobRequest<J extends JobMap, N extends keyof J & string = keyof J & string> {
  name: N;
  payload: J[N];
  options?: EnqueueOptions;
}

/** Producer side, identical for both runners. */
export interface JobQueue<J extends JobMap = PhoSoJobs> {
  enqueue<N extends keyof J & string>(name: N, payload: J[N], options?: EnqueueOptions): Promise<void>;
  /** Many jobs at once (BullMQ: one round trip per thousand instead of one per job). */
  enqueueMany(jobs: ReadonlyArray<JobRequest<J>>): Promise<void>;
  /**
   * Of these job ids, those with no pending job (queued, delayed or running): the sweeper enqueues
   * them again. A finished job kept for inspection counts as missing and is dropped so its id is free.
   */
  missingJobs(ids: readonly string[]): Promise<string[]>;
  /** How many jobs are in each state now (for the ops metrics); both runners implement it. */
  jobCounts?(): Promise<QueueJobCounts>;
  close(): Promise<void>;
}

/** The job states the ops metrics report (`pho_so_queue_jobs{queue,state}`). */
export const QUEUE_JOB_STATES = ['waiting', 'active', 'failed', 'delayed'] as const;
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

/** Jobs per state in one queue, as the runner sees them at that moment. */
export interface QueueJobCounts {
  queue: string;
  counts: Record<QueueJobState, number>;
}

/**
 * A deterministic job id from its parts, e.g. jobId('qr', plate, 3, 'svg') → "qr-TB-233AC-3-svg".
 * BullMQ uses ':' as its key separator, so ids must not contain one.
 */
export function jobId(...parts: (string | number)[]): string {
  const id = parts.map(String).join('-');
  if (id.includes(':')) throw new RangeError(`job id must not contain ':' (got "${id}")`);
  if (/^\d+$/.test(id)) throw new RangeError('job id must not be a plain integer (BullMQ reserves those)');
  return id;
}

/** Retention and retry defaults for every job (DESIGN: removeOnComplete/removeOnFail always set). */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};
