// Worker-thread entry for benchmark (c), render only: the RenderPool protocol of
// libs/server/qr-assets (whose own thread also verifies), but rendering only, so that the queue path
// does exactly the work of the plain loop (b) it is compared with. See qr-queue.ts.
import { renderPlateAsset } from '@pho-so/server/qr';
import { serveRenderRequests } from '@pho-so/server/qr-assets';

serveRenderRequests(async (input, format, options) => {
  const { bytes, meta } = await renderPlateAsset(input, format, options);
  return { bytes, meta, verification: { ok: true, decoded: meta.payload } };
});
