import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@pho-so/server/config';
import type { BatchEntity } from '@pho-so/server/db';
import { InjectConfig } from '@pho-so/server/nest';
import { BatchScopeError, batchReport, buildBundle, createBatch, enqueueBatch, type AssetStorage } from '@pho-so/server/qr-assets';
import type { JobQueue, PhoSoJobs } from '@pho-so/server/queue';
import type { CreateQrBatch, QrBatch } from '@pho-so/shared/contracts';
import { ProblemException } from '../../common/problem-details.filter';
import { problemType } from '../../common/problem-details';
import { InjectAssetStorage, InjectJobQueue } from '../../jobs/jobs.module';

/** QR batches: plan the items, record the batch, enqueue one job per item; report progress. */
@Injectable()
export class QrBatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue() private readonly queue: JobQueue<PhoSoJobs>,
    @InjectConfig() private readonly config: AppConfig,
    @InjectAssetStorage() private readonly storage: AssetStorage,
  ) {}

  async create(input: CreateQrBatch, requestedBy: string): Promise<QrBatch> {
    let created;
    try {
      created = await createBatch(this.dataSource, { ...input, requestedBy, publicBaseUrl: this.config.PUBLIC_BASE_URL });
    } catch (error) {
      if (!(error instanceof BatchScopeError)) throw error;
      throw new ProblemException({
        type: problemType('invalid-request'),
        title: 'Invalid request',
        status: HttpStatus.BAD_REQUEST,
        detail: `body field "scope": ${error.message}`,
        errors: [{ field: 'scope', message: error.message }],
      });
    }
    await enqueueBatch(this.queue, input.designVersion, created.items);
    return this.get(created.batch.id);
  }

  async get(id: string): Promise<QrBatch> {
    const report = await batchReport(this.dataSource, id);
    if (!report) throw notFound(id);
    return toQrBatch(report.batch, report.failures);
  }

  /** The ZIP of a finished batch (built on request from the stored files; deterministic). */
  async bundle(id: string): Promise<Buffer> {
    const batch = await this.get(id);
    if (batch.status !== 'done' && batch.status !== 'failed') {
      throw new ProblemException({
        type: problemType('qr-batch-not-finished'),
        title: 'Conflict',
        status: HttpStatus.CONFLICT,
        detail: `QR batch ${id} is ${batch.status} (${batch.done + batch.failed} of ${batch.total}); its bundle is ready when it has finished.`,
      });
    }
    return buildBundle(this.dataSource, this.storage, id);
  }
}

function notFound(id: string): ProblemException {
  return new ProblemException({
    type: problemType('qr-batch-not-found'),
    title: 'Not found',
    status: HttpStatus.NOT_FOUND,
    detail: `There is no QR batch ${id}.`,
  });
}

export const isFinished = (batch: Pick<BatchEntity, 'status'>): boolean => batch.status === 'done' || batch.status === 'failed';

function toQrBatch(batch: BatchEntity, failures: { code: string; format: string; reason: string }[]): QrBatch {
  return {
    id: batch.id,
    scope: batch.scope,
    designVersion: batch.designVersion,
    formats: batch.formats as QrBatch['formats'],
    status: batch.status,
    total: batch.total,
    done: batch.done,
    failed: batch.failed,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    failures: failures as QrBatch['failures'],
    bundleUrl: isFinished(batch) ? `/api/v1/admin/qr-batches/${batch.id}/bundle.zip` : null,
  };
}
