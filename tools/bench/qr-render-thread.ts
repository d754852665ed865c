// Worker-thread entry for benchmark (c), render only: the same RenderPool protocol as
// libs/server/qr-assets/src/render-thread.ts (which also verifies), but it only renders, so that the
// queue path does exactly the work of the plain loop (b) it is compared with. See qr-queue.ts.
import { parentPort } from 'node:worker_threads';
import { renderPlateAsset, type PlateAssetInput, type PlateAssetOptions, type QrAssetFormat } from '@pho-so/server/qr';

parentPort?.on('message', (message: { id: number; input: PlateAssetInput; format: QrAssetFormat; options: PlateAssetOptions }) => {
  renderPlateAsset(message.input, message.format, message.options).then(
    ({ bytes, meta }) => parentPort?.postMessage({ id: message.id, ok: true, result: { bytes, meta, verification: { ok: true, decoded: meta.payload } } }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        ok: false,
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
