import type { DataSource } from 'typeorm';
import { PlateEntity, QrAssetEntity, type QrAssetFormat } from '@pho-so/server/db';
import { displayUrl, type PlateAssetOptions, type QrAssetMeta } from '@pho-so/server/qr';
import { RenderError, renderVerified, type Renderer } from './render';
import { contentKey, type AssetStorage } from './storage';

export const QR_FORMATS = ['svg', 'png', 'pdf'] as const satisfies readonly QrAssetFormat[];

/**
 * A failure that retrying cannot fix (the plate's data cannot be rendered, or the rendered symbol
 * does not read back): the job records it at once instead of retrying.
 */
export class PermanentRenderError extends Error {
  override readonly name = 'PermanentRenderError';
}

export interface QrAssetSettings {
  PUBLIC_BASE_URL: string;
}

/**
 * Rendering options of a design version. Version 1 is the design of libs/server/qr (level Q, 50 mm,
 * 600 dpi); later designs add their options here, and the version is recorded on every asset.
 */
export function designOptions(designVersion: number): PlateAssetOptions {
  if (!Number.isInteger(designVersion) || designVersion < 1) throw new PermanentRenderError(`unknown design version ${designVersion}`);
  return {};
}

/** The text printed beside the symbol; a change means the plate needs reprinting. */
export function printedLabel(streetName: string, code: string, payload: string): string {
  return `${streetName.normalize('NFC')} · ${code} · ${displayUrl(payload)}`;
}

export interface StoredAsset {
  asset: QrAssetEntity;
  meta: QrAssetMeta;
  /** false when the row already held exactly this file (a re-run). */
  changed: boolean;
}

/** Renders one file of one plate, verifies it, stores it and records it; safe to run any number of times. */
export class QrAssetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: AssetStorage,
    private readonly settings: QrAssetSettings,
    private readonly render: Renderer = renderVerified,
  ) {}

  async renderAndStore(plateId: string, designVersion: number, format: QrAssetFormat): Promise<StoredAsset> {
    const plate = await this.dataSource.getRepository(PlateEntity).findOne({ where: { id: plateId }, relations: { street: true } });
    if (!plate?.street) throw new PermanentRenderError(`plate ${plateId} not found`);
    const options = designOptions(designVersion);
    const input = { publicBaseUrl: this.settings.PUBLIC_BASE_URL, code: plate.code, streetName: plate.street.name };
    let rendered;
    try {
      rendered = await this.render(input, format, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const name = error instanceof RenderError ? error.originalName : error instanceof Error ? error.name : '';
      if (name === 'QrPayloadError' || name === 'RangeError' || error instanceof RangeError || /overflows/.test(message)) {
        throw new PermanentRenderError(`${plate.code}: cannot render ${format}: ${message}`);
      }
      throw error;
    }
    const { meta, verification } = rendered;
    if (!verification.ok) throw new PermanentRenderError(`${plate.code}: ${format} not verified: ${verification.reason}`);

    const storageKey = contentKey(meta.sha256, format);
    if (!(await this.storage.exists(storageKey))) await this.storage.put(storageKey, rendered.bytes);

    const label = printedLabel(plate.street.name, plate.code, meta.payload);
    // Upsert by (plate, design version, format); an identical re-run matches the WHERE and writes nothing.
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO qr_asset (plate_id, design_version, format, payload, printed_label, sha256, storage_key, byte_size,
                             qr_version, error_correction, module_size_mm, verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
       ON CONFLICT (plate_id, design_version, format) DO UPDATE SET
         payload = EXCLUDED.payload, printed_label = EXCLUDED.printed_label, sha256 = EXCLUDED.sha256,
         storage_key = EXCLUDED.storage_key, byte_size = EXCLUDED.byte_size, qr_version = EXCLUDED.qr_version,
         error_correction = EXCLUDED.error_correction, module_size_mm = EXCLUDED.module_size_mm, verified_at = EXCLUDED.verified_at
       WHERE qr_asset.sha256 <> EXCLUDED.sha256 OR qr_asset.printed_label <> EXCLUDED.printed_label
          OR qr_asset.payload <> EXCLUDED.payload OR qr_asset.verified_at IS NULL
       RETURNING id`,
      [
        plate.id,
        designVersion,
        format,
        meta.payload,
        label,
        meta.sha256,
        storageKey,
        meta.byteLength,
        meta.qrVersion,
        meta.errorCorrection,
        meta.moduleSizeMm,
      ],
    );
    const asset = await this.dataSource
      .getRepository(QrAssetEntity)
      .findOneOrFail({ where: { plateId: plate.id, designVersion, format } });
    return { asset, meta, changed: rows.length > 0 };
  }
}
