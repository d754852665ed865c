import type { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, jobId, type JobHandlers, type JobQueue, type PhoSoJobs } from '@pho-so/server/queue';
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

/** Enqueues a batch's items with their deterministic ids. */
export async function enqueueBatch(
  queue: JobQueue<PhoSoJobs>,
  batchId: string,
  designVersion: number,
  items: readonly BatchItemPlan[],
): Promise<void> {
  for (const item of items) {
    await queue.enqueue(
      'qr.render',
      { batchId, plateId: item.plateId, designVersion, format: item.format },
      { jobId: qrRenderJobId(item.code, designVersion, item.format), removeOnComplete: true },
    );
  }
}
