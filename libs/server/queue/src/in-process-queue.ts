import { DEFAULT_JOB_OPTIONS, EnqueueOptions, JobHandlers, JobMap, JobQueue, JobRequest, QUEUE_NAME, type QueueJobCounts } from './jobs';

interface PendingJob {
  id: string;
  name: string;
  payload: unknown;
  attempt: number;
}

/**
 * The single-machine runner: the same handlers BullMQ would call, run in this process, up to
 * `concurrency` jobs at a time (handlers that await I/O or worker threads overlap), with
 * deterministic-id deduplication (an id already queued is not queued again; one enqueued while it
 * runs runs once more afterwards, since the running job may have read its inputs too early) and the
 * same retry policy. Jobs live in memory: a job still queued when the process stops is lost; the QR
 * sweeper (QueueSweeper) finds the batch items that still wait for one and enqueues them again at start.
 */
export class InProcessJobQueue<J extends JobMap> implements JobQueue<J> {
  private readonly queue: PendingJob[] = [];
  private readonly known = new Set<string>();
  /** Ids running now, and those enqueued again meanwhile (to run once more when they finish). */
  private readonly active = new Set<string>();
  private readonly rerun = new Map<string, PendingJob>();
  private readonly running = new Set<Promise<void>>();
  /** Retries waiting out their backoff: drain() waits for them too. */
  private retrying = 0;
  /** Jobs enqueued with a delay, not yet due. */
  private delayed = 0;
  private idle: (() => void)[] = [];
  private closed = false;
  private kicked = false;
  private sequence = 0;
  readonly failures: { id: string; name: string; error: string }[] = [];

  constructor(
    private readonly handlers: JobHandlers<J>,
    private readonly retryDelayMs = DEFAULT_JOB_OPTIONS.backoff.delay,
    private readonly attempts = DEFAULT_JOB_OPTIONS.attempts,
    private readonly concurrency = 1,
  ) {}

  async enqueue<N extends keyof J & string>(name: N, payload: J[N], options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('queue is closed');
    if (!this.handlers[name]) throw new Error(`no handler for job "${name}"`);
    const id = options.jobId ?? `${name}-${++this.sequence}`;
    const job = { id, name, payload, attempt: 1 };
    if (this.known.has(id)) {
      if (this.active.has(id)) this.rerun.set(id, job);
      return;
    }
    this.known.add(id);
    if (options.delayMs) {
      this.delayed++;
      setTimeout(() => {
        this.delayed--;
        this.push(job);
      }, options.delayMs).unref();
    } else this.push(job);
  }

  async enqueueMany(jobs: ReadonlyArray<JobRequest<J>>): Promise<void> {
    for (const job of jobs) await this.enqueue(job.name, job.payload, job.options);
  }

  /** Ids neither queued, waiting for a retry nor running: after a restart, every id of a lost job. */
  async missingJobs(ids: readonly string[]): Promise<string[]> {
    return ids.filter((id) => !this.known.has(id));
  }

  /**
   * Jobs per state in this process's memory: waiting to start (reruns included), running, finally
   * failed since start, and delayed (a delay asked for, or a retry's backoff).
   */
  async jobCounts(): Promise<QueueJobCounts> {
    return {
      queue: QUEUE_NAME,
      counts: { waiting: this.queue.length + this.rerun.size, active: this.running.size, failed: this.failures.length, delayed: this.delayed + this.retrying },
    };
  }

  /** Resolves when everything queued so far has run (or finally failed). */
  async drain(): Promise<void> {
    if (this.isIdle()) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** Stops accepting jobs, finishes those queued; failing jobs are not retried any more. */
  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  private isIdle(): boolean {
    return !this.kicked && this.queue.length === 0 && this.running.size === 0 && this.retrying === 0;
  }

  private push(job: PendingJob): void {
    this.queue.push(job);
    this.kick();
  }

  /** Starts jobs on the next microtask, so an id enqueued twice in one synchronous burst runs once. */
  private kick(): void {
    if (this.kicked) return;
    this.kicked = true;
    queueMicrotask(() => {
      this.kicked = false;
      this.start();
    });
  }

  private start(): void {
    while (this.running.size < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      const run: Promise<void> = this.run(job).finally(() => {
        this.running.delete(run);
        this.kick();
      });
      this.running.add(run);
    }
    if (this.isIdle()) for (const resolve of this.idle.splice(0)) resolve();
  }

  private async run(job: PendingJob): Promise<void> {
    const handler = this.handlers[job.name as keyof J & string];
    this.active.add(job.id);
    try {
      await handler?.(job.payload as J[keyof J & string], { jobId: job.id, attempt: job.attempt });
      this.release(job.id);
    } catch (error) {
      if (job.attempt < this.attempts && !this.closed) {
        this.retrying++;
        setTimeout(() => {
          this.retrying--;
          this.push({ ...job, attempt: job.attempt + 1 });
        }, this.retryDelayMs * 2 ** (job.attempt - 1));
        this.active.delete(job.id);
      } else {
        this.release(job.id);
        this.failures.push({ id: job.id, name: job.name, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  private release(id: string): void {
    this.active.delete(id);
    const again = this.rerun.get(id);
    if (again) {
      this.rerun.delete(id);
      this.queue.push(again); // kicked by the caller's finally
    } else {
      this.known.delete(id);
    }
  }
}
