import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, EnqueueOptions, JobHandlers, JobMap, JobQueue, JobRequest, QUEUE_JOB_STATES, QUEUE_NAME, type QueueJobCounts } from './jobs';

export interface BullMqSettings {
  connection: ConnectionOptions;
  /** Redis key prefix; tests use one per run. */
  prefix?: string;
  queueName?: string;
}

/** Jobs per addBulk call: one Redis round trip (a MULTI) each, small enough not to block Redis long. */
const ENQUEUE_CHUNK = 1000;

const jobOptions = (options: EnqueueOptions) => ({
  jobId: options.jobId,
  delay: options.delayMs,
  ...(options.removeOnComplete === undefined ? {} : { removeOnComplete: options.removeOnComplete }),
});

/** Producer on Redis: what the API uses when REDIS_URL is set. */
export class BullMqJobQueue<J extends JobMap> implements JobQueue<J> {
  readonly queue: Queue;

  constructor(settings: BullMqSettings) {
    this.queue = new Queue(settings.queueName ?? QUEUE_NAME, {
      connection: settings.connection,
      prefix: settings.prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
  }

  async enqueue<N extends keyof J & string>(name: N, payload: J[N], options: EnqueueOptions = {}): Promise<void> {
    await this.queue.add(name, payload, jobOptions(options));
  }

  async enqueueMany(jobs: ReadonlyArray<JobRequest<J>>): Promise<void> {
    for (let i = 0; i < jobs.length; i += ENQUEUE_CHUNK) {
      await this.queue.addBulk(jobs.slice(i, i + ENQUEUE_CHUNK).map((job) => ({ name: job.name, data: job.payload, opts: jobOptions(job.options ?? {}) })));
    }
  }

  /**
   * Of these job ids, those with no pending job in Redis: absent (completed and removed, or lost with
   * Redis' memory) or finished and kept (a failed job). Finished ones are removed so that the id can be
   * enqueued again.
   */
  async missingJobs(ids: readonly string[]): Promise<string[]> {
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      const states = await Promise.all(chunk.map((id) => this.queue.getJobState(id)));
      for (let j = 0; j < chunk.length; j++) {
        if (states[j] === 'unknown') missing.push(chunk[j]!);
        else if (states[j] === 'completed' || states[j] === 'failed') {
          await this.queue.remove(chunk[j]!);
          missing.push(chunk[j]!);
        }
      }
    }
    return missing;
  }

  /** Waiting, active, failed (kept, see removeOnFail) and delayed jobs, from Redis (one round trip). */
  async jobCounts(): Promise<QueueJobCounts> {
    const counts = await this.queue.getJobCounts(...QUEUE_JOB_STATES);
    return {
      queue: this.queue.name,
      counts: { waiting: counts['waiting'] ?? 0, active: counts['active'] ?? 0, failed: counts['failed'] ?? 0, delayed: counts['delayed'] ?? 0 },
    };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/**
 * Consumer on Redis: dispatches each job to its handler by name. An unknown name fails the job
 * (visibly, in the failed set) instead of silently completing it.
 */
export function createBullMqWorker<J extends JobMap>(settings: BullMqSettings, handlers: JobHandlers<J>, concurrency = 1): Worker {
  return new Worker(
    settings.queueName ?? QUEUE_NAME,
    async (job) => {
      const handler = handlers[job.name as keyof J & string];
      if (!handler) throw new Error(`no handler for job "${job.name}"`);
      await handler(job.data as J[keyof J & string], { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
    },
    { connection: settings.connection, prefix: settings.prefix, concurrency, autorun: true },
  );
}

/** BullMQ's key prefix from the platform's Redis key prefix (`pho-so:` → `pho-so`); API and worker must agree. */
export const bullMqPrefix = (redisKeyPrefix: string): string => redisKeyPrefix.replace(/:+$/, '') || 'bull';
