import type { DataSource } from 'typeorm';
import type { QrAssetFormat } from '@pho-so/server/db';
import { DEFAULT_JOB_OPTIONS, jobId, type JobHandlers, type JobQueue, type JobRequest, type PhoSoJobs } from '@pho-so/server/queue';
import { recordItemResult, type BatchItemPlan } from './batches';
import { PermanentRenderError, QrAssetService } from './qr-asset.service';
import type { Renderer } from './render';
import type { AssetStorage } from './storage';

export const qrRenderJobId = (code: string, designVersion: number, format: string): string => jobId('qr', code, designVersion, format);

export interface QrJobDeps {
  dataSource: DataSource;
  storage: AssetStorage;
  settings: { PUBLIC_BASE_URL: string };
  /** Attempts before a transient failure counts as final (the queue's retry policy). */
  attempts?: number;
  /** Where rendering runs (a worker-thread pool in the worker); inline by default. */
  renderer?: Renderer;
}

/**
 * The QR processors, the same for the worker (BullMQ) and the API's in-process runner. A failure that
 * retrying cannot fix is recorded at once; a transient one (database, disk) is retried by the queue
 * and recorded on the last attempt. Neither is rethrown then, so the job id is free for the next batch.
 */
export function qrJobHandlers(deps: QrJobDeps): JobHandlers<PhoSoJobs> {
  const service = new QrAssetService(deps.dataSource, deps.storage, deps.settings, deps.renderer);
  const attempts = deps.attempts ?? DEFAULT_JOB_OPTIONS.attempts;
  return {
    'qr.render': async ({ plateId, designVersion, format }, { attempt }) => {
      try {
        await service.renderAndStore(plateId, designVersion, format);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (!(error instanceof PermanentRenderError) && attempt < attempts) throw error;
        await recordItemResult(deps.dataSource, { plateId, designVersion, format }, { ok: false, reason });
        return;
      }
      await recordItemResult(deps.dataSource, { plateId, designVersion, format }, { ok: true });
    },
  };
}

/**
 * Enqueues a batch's items with their deterministic ids. The payload names the file, not the batch:
 * the job settles every batch waiting for that file, so a second batch over the same plates shares
 * the jobs of the first (BullMQ stores one job per id).
 */
export async function enqueueBatch(queue: JobQueue<PhoSoJobs>, designVersion: number, items: readonly BatchItemPlan[]): Promise<void> {
  await queue.enqueueMany(items.map((item) => renderJob(item.plateId, item.code, designVersion, item.format)));
}

function renderJob(plateId: string, code: string, designVersion: number, format: QrAssetFormat): JobRequest<PhoSoJobs, 'qr.render'> {
  return { name: 'qr.render', payload: { plateId, designVersion, format }, options: { jobId: qrRenderJobId(code, designVersion, format), removeOnComplete: true } };
}

/**
 * The sweeper: enqueues again every file that an unfinished batch still waits for (`queued` items of
 * batches older than `graceMs`) but that has no pending job in Redis. That happens when Redis lost its
 * jobs (a restart without persistence, a flush), or when a batch's enqueue was deduplicated onto a job
 * that had already recorded its result before the batch's items existed and then completed. Enqueueing
 * is idempotent (deterministic ids; a re-render writes the same bytes and changes no row), so a
 * superfluous job costs a render and nothing else. Returns how many jobs it enqueued.
 */
export async function requeueLostItems(dataSource: DataSource, queue: JobQueue<PhoSoJobs>, graceMs: number): Promise<number> {
  const rows: { plate_id: string; code: string; design_version: number; format: QrAssetFormat }[] = await dataSource.query(
    `SELECT DISTINCT i.plate_id, p.code, b.design_version, i.format
       FROM batch_item i JOIN batch b ON b.id = i.batch_id JOIN plate p ON p.id = i.plate_id
      WHERE i.status = 'queued' AND b.status IN ('queued', 'running')
        AND b.created_at < now() - make_interval(secs => $1::double precision)`,
    [graceMs / 1000],
  );
  const byJobId = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    try {
      byJobId.set(qrRenderJobId(row.code, row.design_version, row.format), row);
    } catch {
      // A code that cannot be part of a job id cannot have been enqueued either; the render of it fails anyway.
    }
  }
  const missing = await queue.missingJobs([...byJobId.keys()]);
  await queue.enqueueMany(
    missing.map((id) => {
      const row = byJobId.get(id)!;
      return renderJob(row.plate_id, row.code, row.design_version, row.format);
    }),
  );
  return missing.length;
}

/**
 * Runs requeueLostItems once at start and then every `intervalMs`, one sweep at a time. The worker
 * runs it against Redis; the API runs it for its in-process queue, whose jobs a restart loses.
 */
export class QueueSweeper {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue<PhoSoJobs>,
    private readonly intervalMs: number,
    private readonly log: { warn(message: string): void },
  ) {}

  start(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  /** Resolves when the sweep in progress (if any) is over; no new one starts. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping;
  }

  /** One sweep now, or the one already in progress. */
  sweep(): Promise<void> {
    this.sweeping ??= this.run().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async run(): Promise<void> {
    try {
      const requeued = await requeueLostItems(this.dataSource, this.queue, this.intervalMs);
      if (requeued > 0) this.log.warn(`re-enqueued ${requeued} QR job(s) that unfinished batches wait for and the queue did not hold`);
    } catch (error) {
      this.log.warn(`QR sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
