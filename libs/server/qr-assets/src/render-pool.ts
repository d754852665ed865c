import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RenderError, renderVerified, type Renderer, type VerifiedRender } from './render';
import type { RenderReply as Reply, RenderRequest } from './render-thread-protocol';

interface Task {
  id: number;
  message: RenderRequest;
  resolve: (result: VerifiedRender) => void;
  reject: (error: Error) => void;
}

/**
 * Rendering off the event loop: `size` worker threads (about one per core), each rendering and
 * verifying one file at a time, so the process keeps answering Redis, the database and HTTP while a
 * batch runs. A thread that dies fails its task (the job is retried) and is replaced.
 */
export class RenderPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly waiting: Task[] = [];
  private sequence = 0;
  private closed = false;

  constructor(
    private readonly script: string,
    private readonly size: number,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  readonly render: Renderer = (input, format, options) =>
    new Promise<VerifiedRender>((resolve, reject) => {
      if (this.closed) return reject(new Error('render pool is closed'));
      const id = ++this.sequence;
      this.waiting.push({ id, message: { id, input, format, options }, resolve, reject });
      this.dispatch();
    });

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      if (!this.closed) this.idle.push(worker);
      if (task) {
        if (reply.ok) task.resolve({ ...reply.result, bytes: Buffer.from(reply.result.bytes) });
        else task.reject(new RenderError(reply.name, reply.message));
      }
      this.dispatch();
    });
    worker.on('error', (error) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      const idle = this.idle.indexOf(worker);
      if (idle >= 0) this.idle.splice(idle, 1);
      task?.reject(error);
      if (!this.closed) this.idle.push(this.spawn());
      this.dispatch();
    });
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.waiting.shift()!;
      this.busy.set(worker, task);
      worker.postMessage(task.message);
    }
  }
}

/** The compiled thread script beside this file (dist/node); absent when running from TypeScript sources. */
export const RENDER_THREAD_SCRIPT = join(__dirname, 'render-thread.js');

/**
 * A pool when the compiled thread script exists, else inline rendering (Jest runs the TypeScript
 * sources, where a thread could not load them).
 */
export function createRenderer(size: number, script = RENDER_THREAD_SCRIPT): { render: Renderer; close(): Promise<void>; threads: number } {
  if (size < 1 || !existsSync(script)) return { render: renderVerified, close: async () => undefined, threads: 0 };
  const pool = new RenderPool(script, size);
  return { render: pool.render, close: () => pool.close(), threads: size };
}
