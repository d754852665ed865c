import { DEFAULT_JOB_OPTIONS, EnqueueOptions, JobHandlers, JobMap, JobQueue } from './jobs';

interface PendingJob {
  id: string;
  name: string;
  payload: unknown;
  attempt: number;
}

/**
 * The single-machine runner: the same handlers BullMQ would call, run in this process one job at a
 * time, with deterministic-id deduplication (an id already queued or running is not queued again)
 * and the same retry policy. Jobs live in memory: a job
 * still queued when the process stops is lost, which is why production uses Redis.
 */
export class InProcessJobQueue<J extends JobMap> implements JobQueue<J> {
  private readonly queue: PendingJob[] = [];
  private readonly known = new Set<string>();
  private running: Promise<void> | null = null;
  private closed = false;
  private sequence = 0;
  readonly failures: { id: string; name: string; error: string }[] = [];

  constructor(
    private readonly handlers: JobHandlers<J>,
    private readonly retryDelayMs = DEFAULT_JOB_OPTIONS.backoff.delay,
    private readonly attempts = DEFAULT_JOB_OPTIONS.attempts,
  ) {}

  async enqueue<N extends keyof J & string>(name: N, payload: J[N], options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('queue is closed');
    if (!this.handlers[name]) throw new Error(`no handler for job "${name}"`);
    const id = options.jobId ?? `${name}-${++this.sequence}`;
    if (this.known.has(id)) return;
    this.known.add(id);
    const job = { id, name, payload, attempt: 1 };
    if (options.delayMs) setTimeout(() => this.push(job), options.delayMs).unref();
    else this.push(job);
  }

  /** Resolves when everything queued so far has run (or finally failed). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops accepting jobs, finishes those queued; failing jobs are not retried any more. */
  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  private push(job: PendingJob): void {
    this.queue.push(job);
    this.kick();
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.runAll().finally(() => {
      this.running = null;
      // A job pushed after the loop saw an empty queue but before this ran would be stranded.
      if (this.queue.length > 0) this.kick();
    });
  }

  private async runAll(): Promise<void> {
    for (let job = this.queue.shift(); job; job = this.queue.shift()) {
      const handler = this.handlers[job.name as keyof J & string];
      try {
        await handler?.(job.payload as J[keyof J & string], { jobId: job.id, attempt: job.attempt });
        this.known.delete(job.id);
      } catch (error) {
        if (job.attempt < this.attempts && !this.closed) {
          const retry = { ...job, attempt: job.attempt + 1 };
          await new Promise((r) => setTimeout(r, this.retryDelayMs * 2 ** (job!.attempt - 1)));
          this.queue.push(retry);
        } else {
          this.known.delete(job.id);
          this.failures.push({ id: job.id, name: job.name, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
}
