import type { QrAsset, QrAssetFormat } from './asset';
import { qrMatrix, type ErrorCorrection } from './matrix';
import { qrPayload } from './payload';
import { renderDecalPdf, type DecalOptions } from './pdf';
import { renderPng, type PngOptions } from './png';
import { renderSvg } from './svg';

export interface PlateAssetInput {
  publicBaseUrl: string;
  /** The plate code, any case (canonicalised). */
  code: string;
  streetName: string;
}

export interface PlateAssetOptions extends PngOptions, DecalOptions {
  errorCorrection?: ErrorCorrection;
}

/**
 * One file of one plate, from the plate's data alone: the entry point for a job processor
 * (`qr-<plate>-<version>-<format>`). Pure apart from reading the font files; same input, same bytes.
 */
export async function renderPlateAsset(
  plate: PlateAssetInput,
  format: QrAssetFormat,
  options: PlateAssetOptions = {},
): Promise<QrAsset> {
  const payload = qrPayload(plate.publicBaseUrl, plate.code);
  const matrix = qrMatrix(payload, { errorCorrection: options.errorCorrection });
  switch (format) {
    case 'svg':
      return renderSvg(matrix, options);
    case 'png':
      return renderPng(matrix, options);
    case 'pdf': {
      const code = payload.slice(payload.lastIndexOf('/') + 1);
      return renderDecalPdf({ matrix, code, streetName: plate.streetName }, options);
    }
  }
}
