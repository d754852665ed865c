// Worker-thread entry of the render pool: renders and verifies one file per message.
import { parentPort } from 'node:worker_threads';
import { renderVerified } from './render';

parentPort?.on('message', (message: { id: number; input: Parameters<typeof renderVerified>[0]; format: Parameters<typeof renderVerified>[1]; options: Parameters<typeof renderVerified>[2] }) => {
  renderVerified(message.input, message.format, message.options).then(
    (result) => parentPort?.postMessage({ id: message.id, ok: true, result }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        ok: false,
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
