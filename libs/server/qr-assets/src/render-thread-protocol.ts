// The message protocol between RenderPool and its worker threads, in one place: the pool's side
// (render-pool.ts) and the thread's side (`serveRenderRequests`, used by render-thread.ts and by the
// render-only thread of the queue benchmark).
import { parentPort } from 'node:worker_threads';
import type { PlateAssetInput, PlateAssetOptions, QrAssetFormat } from '@pho-so/server/qr';
import type { VerifiedRender } from './render';

export interface RenderRequest {
  id: number;
  input: PlateAssetInput;
  format: QrAssetFormat;
  options: PlateAssetOptions;
}

/** An error crosses the thread boundary as its name and message (so RenderError keeps its name). */
export type RenderReply = { id: number; ok: true; result: VerifiedRender } | { id: number; ok: false; name: string; message: string };

/** In a worker thread: answers each request with `work`'s result or its error. */
export function serveRenderRequests(work: (input: PlateAssetInput, format: QrAssetFormat, options: PlateAssetOptions) => Promise<VerifiedRender>): void {
  parentPort?.on('message', (request: RenderRequest) => {
    work(request.input, request.format, request.options).then(
      (result) => parentPort?.postMessage({ id: request.id, ok: true, result } satisfies RenderReply),
      (error: unknown) =>
        parentPort?.postMessage({
          id: request.id,
          ok: false,
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        } satisfies RenderReply),
    );
  });
}
