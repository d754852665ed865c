import { create, type QRCodeErrorCorrectionLevel } from 'qrcode';
import { QR_ALPHANUMERIC, QrPayloadError } from './payload';

export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/**
 * Default error correction for street plates: **Q** (about 25% of the codewords recoverable).
 *
 * Plates hang outdoors for years: dirt, bird droppings, scratches and faded ink damage part of the
 * symbol, so L (7%) and M (15%) are too thin. H (30%) would survive a little more, but for our payloads
 * (`HTTPS://PHOSO.HUNGYEN.GOV.VN/Q/TB-233AC`, 39 alphanumeric characters) it needs version 4 (33×33)
 * where Q fits version 3 (29×29): at the same printed size Q's modules are 14% larger. A plate is
 * scanned from the pavement, a metre or two below and at an angle, by cheap phones in poor light,
 * where module size decides whether it reads at all; we take the larger modules over 5 more points
 * of recovery. Neither level protects against the real attack on plates, a fake sticker pasted over the
 * code (quishing): that decodes perfectly, which is why the plate prints its code and short URL as text.
 */
export const DEFAULT_ERROR_CORRECTION: ErrorCorrection = 'Q';

/** The light margin around the symbol, in modules; the standard asks for at least 4. */
export const MIN_QUIET_ZONE = 4;

export interface QrMatrix {
  payload: string;
  /** QR version, 1–40 (size = 17 + 4 × version). */
  version: number;
  errorCorrection: ErrorCorrection;
  /** Modules per side, without the quiet zone. */
  size: number;
  /** size × size, row-major, 1 = dark. */
  modules: Uint8Array;
  /** The encoding mode of the single segment: always alphanumeric (asserted). */
  mode: 'alphanumeric';
  maskPattern: number;
}

export interface QrMatrixOptions {
  errorCorrection?: ErrorCorrection;
}

const LEVELS: Record<number, ErrorCorrection> = { 1: 'L', 0: 'M', 3: 'Q', 2: 'H' };

/**
 * The module matrix of a payload, from the `qrcode` package. The payload is given as one explicit
 * alphanumeric segment, so `qrcode` cannot choose byte mode; version and mask are chosen by `qrcode`
 * (smallest version that fits, best mask by the standard's penalty rules), both deterministic.
 */
export function qrMatrix(payload: string, options: QrMatrixOptions = {}): QrMatrix {
  const errorCorrection = options.errorCorrection ?? DEFAULT_ERROR_CORRECTION;
  if (!QR_ALPHANUMERIC.test(payload)) {
    throw new QrPayloadError(`payload "${payload}" is not in the QR alphanumeric set`);
  }
  const qr = create([{ data: payload, mode: 'alphanumeric' }], {
    errorCorrectionLevel: errorCorrection as QRCodeErrorCorrectionLevel,
  });
  const modes = qr.segments.map((segment) => (segment as unknown as { mode: { id: string } }).mode.id);
  if (modes.length !== 1 || modes[0] !== 'Alphanumeric') {
    throw new Error(`expected one alphanumeric segment, qrcode used: ${modes.join(', ')}`);
  }
  const level = LEVELS[(qr.errorCorrectionLevel as unknown as { bit: number }).bit];
  if (level !== errorCorrection) throw new Error(`qrcode used error correction ${String(level)}, not ${errorCorrection}`);
  return {
    payload,
    version: qr.version,
    errorCorrection,
    size: qr.modules.size,
    modules: Uint8Array.from(qr.modules.data),
    mode: 'alphanumeric',
    maskPattern: Number(qr.maskPattern),
  };
}

/** Dark runs of a row: [start, length] pairs, for the SVG path and the PDF rectangles. */
export function darkRuns(matrix: QrMatrix, row: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const { size, modules } = matrix;
  let x = 0;
  while (x < size) {
    if (modules[row * size + x]) {
      const start = x;
      while (x < size && modules[row * size + x]) x++;
      runs.push([start, x - start]);
    } else x++;
  }
  return runs;
}
