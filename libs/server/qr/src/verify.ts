import { decode } from 'fast-png';
import jsQR from 'jsqr';

export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Largest side handed to the QR decoder; bigger images are box-averaged down first (see decodeQr). */
export const DECODE_MAX_SIDE = 400;

/**
 * Decodes a PNG to RGBA with `fast-png`, a decoder independent of the writer in png.ts (its own
 * inflate, all filter types). Grey or colour, bit depth 1, 8 or 16; alpha is ignored (opaque).
 */
export function decodePng(png: Uint8Array): RgbaImage {
  const image = decode(png);
  const { width, height, channels, depth } = image;
  const source = image.data;
  const data = new Uint8ClampedArray(width * height * 4);
  const colour = channels >= 3;
  if (depth === 1 && channels === 1) {
    const stride = Math.ceil(width / 8);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = ((source[y * stride + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 255 : 0;
        const i = (y * width + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = v;
        data[i + 3] = 255;
      }
    }
  } else if (depth === 8 || depth === 16) {
    const scale = depth === 16 ? 1 / 257 : 1;
    for (let p = 0; p < width * height; p++) {
      const s = p * channels;
      const i = p * 4;
      data[i] = (source[s] ?? 0) * scale;
      data[i + 1] = (source[s + (colour ? 1 : 0)] ?? 0) * scale;
      data[i + 2] = (source[s + (colour ? 2 : 0)] ?? 0) * scale;
      data[i + 3] = 255;
    }
  } else {
    throw new Error(`unsupported PNG: bit depth ${depth}, ${channels} channel(s)`);
  }
  return { data, width, height };
}

/** Averages `factor` × `factor` pixel boxes: the image as a phone camera would see it, smaller. */
export function downscale(image: RgbaImage, factor: number): RgbaImage {
  if (factor <= 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = ((y * factor + dy) * image.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, i += 4) {
          r += image.data[i] ?? 0;
          g += image.data[i + 1] ?? 0;
          b += image.data[i + 2] ?? 0;
        }
      }
      const o = (y * width + x) * 4;
      data[o] = r / area;
      data[o + 1] = g / area;
      data[o + 2] = b / area;
      data[o + 3] = 255;
    }
  }
  return { data, width, height };
}

/**
 * Reads the QR code in an image with `jsqr` (independent of `qrcode`); null when none decodes.
 * jsqr's time grows with the pixel count (0.4 s for a 1147-px, 600-dpi plate PNG), so an image larger
 * than DECODE_MAX_SIDE is box-averaged down by a whole factor first, which a phone's camera does anyway.
 */
export function decodeQr(image: RgbaImage): string | null {
  const scaled = downscale(image, Math.ceil(Math.max(image.width, image.height) / DECODE_MAX_SIDE));
  return jsQR(scaled.data, scaled.width, scaled.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

export type PngVerification = { ok: true; decoded: string } | { ok: false; decoded: string | null; reason: string };

/**
 * Whether a rendered PNG scans to exactly the expected payload: decoded back to pixels and read by
 * an independent QR decoder. An asset is marked verified only when this says ok.
 */
export function verifyPng(png: Uint8Array, expectedPayload: string): PngVerification {
  let decoded: string | null;
  try {
    decoded = decodeQr(decodePng(png));
  } catch (error) {
    return { ok: false, decoded: null, reason: `not a readable PNG: ${(error as Error).message}` };
  }
  if (decoded === null) return { ok: false, decoded, reason: 'no QR code could be decoded' };
  if (decoded !== expectedPayload) return { ok: false, decoded, reason: `decoded "${decoded}", expected "${expectedPayload}"` };
  return { ok: true, decoded };
}
