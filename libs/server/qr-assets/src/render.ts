import { renderPlateAsset, verifyPng, type PlateAssetInput, type PlateAssetOptions, type PngVerification, type QrAssetFormat, type QrAssetMeta } from '@pho-so/server/qr';

export interface VerifiedRender {
  bytes: Buffer;
  meta: QrAssetMeta;
  /** The symbol's PNG read back by the independent decoder (every format draws the same matrix). */
  verification: PngVerification;
}

/** Renders one file and verifies its symbol; CPU-bound, so processors run it through a `Renderer`. */
export async function renderVerified(input: PlateAssetInput, format: QrAssetFormat, options: PlateAssetOptions): Promise<VerifiedRender> {
  const rendered = await renderPlateAsset(input, format, options);
  const png = format === 'png' ? rendered : await renderPlateAsset(input, 'png', options);
  return { bytes: rendered.bytes, meta: rendered.meta, verification: verifyPng(png.bytes, rendered.meta.payload) };
}

/** Where rendering runs: inline (tests, tools) or in a worker-thread pool (render-pool.ts). */
export type Renderer = (input: PlateAssetInput, format: QrAssetFormat, options: PlateAssetOptions) => Promise<VerifiedRender>;

/** An error from rendering, rebuilt on this side of a thread boundary with its original name. */
export class RenderError extends Error {
  constructor(
    readonly originalName: string,
    message: string,
  ) {
    super(message);
    this.name = 'RenderError';
  }
}
