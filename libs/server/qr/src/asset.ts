import { createHash } from 'node:crypto';
import { MIN_QUIET_ZONE, type ErrorCorrection, type QrMatrix } from './matrix';

export type QrAssetFormat = 'svg' | 'png' | 'pdf';

/** What every rendered file records about itself (the later QrAsset row and ZIP manifest take these). */
export interface QrAssetMeta {
  format: QrAssetFormat;
  contentType: string;
  payload: string;
  qrVersion: number;
  errorCorrection: ErrorCorrection;
  mode: 'alphanumeric';
  /** Modules per side of the symbol, without the quiet zone. */
  modules: number;
  /** Quiet zone on each side, in modules. */
  quietZone: number;
  /** Printed size of one module. */
  moduleSizeMm: number;
  /** PNG only: pixels per module (whole pixels) and the resolution they were computed for. */
  moduleSizePx?: number;
  dpi?: number;
  widthPx?: number;
  /** Printed side of the QR square, quiet zone included, as it actually results (PNG: whole pixels). */
  printSizeMm: number;
  /** PDF decal only: the page (decal) size. */
  pageSizeMm?: { width: number; height: number };
  byteLength: number;
  /** Hex sha256 of the bytes: the content address of the file. */
  sha256: string;
}

export interface QrAsset {
  bytes: Buffer;
  meta: QrAssetMeta;
}

export interface QrGeometryOptions {
  /** Side of the printed QR square, quiet zone included, in mm. Default 50. */
  printSizeMm?: number;
  /** Quiet zone in modules, at least 4. Default 4. */
  quietZone?: number;
}

export const DEFAULT_PRINT_SIZE_MM = 50;
export const MM_PER_INCH = 25.4;
export const PT_PER_MM = 72 / MM_PER_INCH;

export interface Geometry {
  quietZone: number;
  /** Modules per side including the quiet zone. */
  totalModules: number;
  printSizeMm: number;
  moduleSizeMm: number;
}

export function geometry(matrix: QrMatrix, options: QrGeometryOptions = {}): Geometry {
  const quietZone = options.quietZone ?? MIN_QUIET_ZONE;
  if (!Number.isInteger(quietZone) || quietZone < MIN_QUIET_ZONE) {
    throw new RangeError(`quiet zone must be a whole number of modules ≥ ${MIN_QUIET_ZONE}, got ${quietZone}`);
  }
  const printSizeMm = options.printSizeMm ?? DEFAULT_PRINT_SIZE_MM;
  if (!(printSizeMm > 0 && printSizeMm <= 2000)) throw new RangeError(`print size out of range: ${printSizeMm} mm`);
  const totalModules = matrix.size + 2 * quietZone;
  return { quietZone, totalModules, printSizeMm, moduleSizeMm: printSizeMm / totalModules };
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Rounds for metadata and file text: 4 decimals, no float noise, deterministic. */
export const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

export function assetMeta(
  matrix: QrMatrix,
  format: QrAssetFormat,
  contentType: string,
  bytes: Buffer,
  geo: Geometry,
  extra: Partial<QrAssetMeta> = {},
): QrAssetMeta {
  return {
    format,
    contentType,
    payload: matrix.payload,
    qrVersion: matrix.version,
    errorCorrection: matrix.errorCorrection,
    mode: matrix.mode,
    modules: matrix.size,
    quietZone: geo.quietZone,
    moduleSizeMm: round(geo.moduleSizeMm),
    printSizeMm: round(geo.printSizeMm),
    ...extra,
    byteLength: bytes.length,
    sha256: sha256(bytes),
  };
}
