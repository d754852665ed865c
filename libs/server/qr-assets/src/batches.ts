import type { DataSource, EntityManager } from 'typeorm';
import { BatchEntity, type BatchScope, type QrAssetFormat } from '@pho-so/server/db';
import { qrPayload } from '@pho-so/server/qr';
import { printedLabel } from './qr-asset.service';

/** A scope that names something that does not exist (an unknown ward or street). */
export class BatchScopeError extends Error {
  override readonly name = 'BatchScopeError';
}

export interface BatchItemPlan {
  plateId: string;
  code: string;
  format: QrAssetFormat;
  why: string;
}

interface PlateRow {
  id: string;
  code: string;
  street_name: string;
}

/** Plates a batch may cover: every plate that is not removed from the street. */
const PLATES_SQL = `SELECT p.id, p.code, s.name AS street_name FROM plate p JOIN street s ON s.id = p.street_id WHERE p.status <> 'removed'`;

/** Which plate × format items a scope covers, and why each is included. */
export async function planBatch(
  manager: EntityManager,
  scope: BatchScope,
  designVersion: number,
  formats: readonly QrAssetFormat[],
  publicBaseUrl: string,
): Promise<BatchItemPlan[]> {
  const items: BatchItemPlan[] = [];
  const each = (plates: PlateRow[], why: string) => {
    for (const plate of plates) for (const format of formats) items.push({ plateId: plate.id, code: plate.code, format, why });
  };
  switch (scope.kind) {
    case 'all':
      each(await manager.query(`${PLATES_SQL} ORDER BY p.code`), 'scope: all plates');
      break;
    case 'ward': {
      const wards: { id: number }[] = await manager.query(`SELECT id FROM administrative_unit WHERE code = $1 AND valid_to IS NULL`, [
        scope.wardCode,
      ]);
      if (wards.length === 0) throw new BatchScopeError(`there is no current ward with GSO code ${scope.wardCode}`);
      const plates: PlateRow[] = await manager.query(
        `${PLATES_SQL} AND EXISTS (SELECT 1 FROM street_ward sw WHERE sw.street_id = s.id AND sw.ward_id = ANY($1::int[])) ORDER BY p.code`,
        [wards.map((w) => w.id)],
      );
      each(plates, `scope: ward ${scope.wardCode}`);
      break;
    }
    case 'streets': {
      const found: { slug: string }[] = await manager.query(`SELECT slug FROM street WHERE slug = ANY($1::text[])`, [scope.slugs]);
      const unknown = scope.slugs.filter((slug) => !found.some((f) => f.slug === slug));
      if (unknown.length > 0) throw new BatchScopeError(`no street with slug ${unknown.map((s) => `"${s}"`).join(', ')}`);
      const plates: (PlateRow & { slug: string })[] = await manager.query(
        `${PLATES_SQL.replace('s.name AS street_name', 's.name AS street_name, s.slug')} AND s.slug = ANY($1::text[]) ORDER BY p.code`,
        [scope.slugs],
      );
      for (const plate of plates) each([plate], `scope: street ${plate.slug}`);
      break;
    }
    case 'changed': {
      const plates: PlateRow[] = await manager.query(`${PLATES_SQL} ORDER BY p.code`);
      // The last verified asset of each plate and format (highest design version).
      const last: { plate_id: string; format: string; design_version: number; payload: string; printed_label: string }[] =
        await manager.query(
          `SELECT DISTINCT ON (plate_id, format) plate_id, format, design_version, payload, printed_label
             FROM qr_asset WHERE verified_at IS NOT NULL ORDER BY plate_id, format, design_version DESC`,
        );
      const byKey = new Map(last.map((a) => [`${a.plate_id}/${a.format}`, a]));
      for (const plate of plates) {
        const payload = qrPayload(publicBaseUrl, plate.code);
        const label = printedLabel(plate.street_name, plate.code, payload);
        for (const format of formats) {
          const previous = byKey.get(`${plate.id}/${format}`);
          const why: string[] = [];
          if (!previous) why.push('no verified asset');
          else {
            if (previous.payload !== payload) why.push(`payload changed (was ${previous.payload})`);
            if (previous.design_version !== designVersion) why.push(`design ${previous.design_version} → ${designVersion}`);
            if (previous.printed_label !== label) why.push(`label changed (was "${previous.printed_label}")`);
          }
          if (why.length > 0) items.push({ plateId: plate.id, code: plate.code, format, why: `changed: ${why.join('; ')}` });
        }
      }
      break;
    }
  }
  return items;
}

/** Creates the batch and its items in one transaction; an empty batch is done at once. */
export async function createBatch(
  dataSource: DataSource,
  input: { scope: BatchScope; designVersion: number; formats: readonly QrAssetFormat[]; requestedBy: string; publicBaseUrl: string },
): Promise<{ batch: BatchEntity; items: BatchItemPlan[] }> {
  return dataSource.transaction(async (manager) => {
    const items = await planBatch(manager, input.scope, input.designVersion, input.formats, input.publicBaseUrl);
    const empty = items.length === 0;
    const batch = await manager.getRepository(BatchEntity).save(
      manager.getRepository(BatchEntity).create({
        scope: input.scope,
        designVersion: input.designVersion,
        formats: [...input.formats],
        requestedBy: input.requestedBy,
        total: items.length,
        status: empty ? 'done' : 'queued',
        finishedAt: empty ? new Date() : null,
      }),
    );
    for (let i = 0; i < items.length; i += 1000) {
      const chunk = items.slice(i, i + 1000);
      await manager.query(
        `INSERT INTO batch_item (batch_id, plate_id, format, why)
         SELECT $1, plate_id, format, why FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(plate_id, format, why)`,
        [batch.id, chunk.map((c) => c.plateId), chunk.map((c) => c.format), chunk.map((c) => c.why)],
      );
    }
    return { batch, items };
  });
}

/**
 * Records how one plate × format × design version ended, in every batch still waiting for it (jobs
 * have deterministic ids, so two batches asking for the same file share one job). Only the move out
 * of `queued` counts, and done/failed grow in the same transaction under the batch row lock, so a job run twice counts once and
 * concurrent jobs never lose an update. The batch's status follows: running, then done (or failed
 * when any item failed) once done + failed = total.
 */
export async function recordItemResult(
  dataSource: DataSource,
  item: { plateId: string; designVersion: number; format: QrAssetFormat },
  result: { ok: true } | { ok: false; reason: string },
): Promise<void> {
  const status = result.ok ? 'done' : 'failed';
  await dataSource.transaction(async (manager) => {
    const finished: { batch_id: string }[] = await manager.query(
      // A CTE so that both drivers return the rows (TypeORM's pg driver wraps a bare UPDATE's result).
      `WITH finished AS (
         UPDATE batch_item i SET status = $4, reason = $5, finished_at = now()
           FROM batch b
          WHERE b.id = i.batch_id AND b.design_version = $2 AND i.plate_id = $1 AND i.format = $3 AND i.status = 'queued'
         RETURNING i.batch_id)
       SELECT batch_id FROM finished`,
      [item.plateId, item.designVersion, item.format, status, result.ok ? null : result.reason.slice(0, 2000)],
    );
    if (finished.length === 0) return;
    const ids = [...new Set(finished.map((f) => f.batch_id))].sort();
    // Batch rows locked in one order by every job, so jobs finishing items of the same batches never deadlock.
    await manager.query(`SELECT id FROM batch WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    await manager.query(
      `UPDATE batch b SET
         done = b.done + CASE WHEN $2 = 'done' THEN 1 ELSE 0 END,
         failed = b.failed + CASE WHEN $2 = 'failed' THEN 1 ELSE 0 END,
         started_at = COALESCE(b.started_at, now()),
         status = CASE
           WHEN b.done + b.failed + 1 < b.total THEN 'running'
           WHEN b.failed + CASE WHEN $2 = 'failed' THEN 1 ELSE 0 END > 0 THEN 'failed'
           ELSE 'done' END,
         finished_at = CASE WHEN b.done + b.failed + 1 >= b.total THEN now() ELSE NULL END
       WHERE b.id = ANY($1::uuid[])`,
      [ids, status],
    );
  });
}

export interface BatchReport {
  batch: BatchEntity;
  failures: { code: string; format: string; reason: string }[];
}

export async function batchReport(dataSource: DataSource, id: string): Promise<BatchReport | null> {
  const batch = await dataSource.getRepository(BatchEntity).findOne({ where: { id } });
  if (!batch) return null;
  const failures: { code: string; format: string; reason: string }[] = await dataSource.query(
    `SELECT p.code, i.format, i.reason FROM batch_item i JOIN plate p ON p.id = i.plate_id
      WHERE i.batch_id = $1 AND i.status = 'failed' ORDER BY p.code, i.format LIMIT 1000`,
    [id],
  );
  return { batch, failures };
}
