import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ChildProcessesOptions {
  /** The working directory of the servers started with `start`. */
  cwd: string;
  /** What the benchmark says after "SIGINT: " / "SIGTERM: " while it cleans up, e.g. "stopping child processes". */
  signalMessage: string;
  /**
   * Whether a signal sets process.exitCode (130) before the clean-up steps run: steps that keep the logs
   * of a failed run (they look at process.exitCode) then keep them for an interrupted one too.
   */
  signalCountsAsFailure: boolean;
}

/**
 * The child processes of a benchmark run and what to undo at its end. A benchmark starts servers and
 * load generators that must never outlive it: `cleanUp` stops them all and then runs the clean-up steps
 * (newest first); SIGINT / SIGTERM do the same and exit 130, and if the process dies another way its
 * children are killed on 'exit'. Create one per run: the constructor installs those process handlers.
 */
export class ChildProcesses {
  private readonly running = new Set<ChildProcess>();
  /** Children stopped on purpose, whose exit is not worth a warning. */
  private readonly stopping = new WeakSet<ChildProcess>();
  private readonly cleanups: (() => Promise<void>)[] = [];

  constructor(private readonly options: ChildProcessesOptions) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        console.error(`\n${signal}: ${options.signalMessage}`);
        if (options.signalCountsAsFailure) process.exitCode = 130;
        void this.cleanUp().finally(() => process.exit(130));
      });
    }
    // Last resort if the process dies another way: never leave a server running.
    process.on('exit', () => {
      for (const child of this.running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
  }

  /** Starts a server with its output appended to `logFile`, and says so on stderr if it exits before it is stopped. */
  start(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
    const log = openSync(logFile, 'a');
    const child = spawn(command, args, { cwd: this.options.cwd, env, stdio: ['ignore', log, log] });
    this.running.add(child);
    child.once('exit', (code, signal) => {
      if (!this.stopping.has(child)) console.error(`${label} exited early (code ${code}, signal ${signal}); log: ${logFile}`);
      this.running.delete(child);
    });
    return child;
  }

  /** Counts a child started elsewhere (wrk) among those that `cleanUp` and the handlers stop, until it exits. */
  track(child: ChildProcess): void {
    this.running.add(child);
    child.once('exit', () => this.running.delete(child));
  }

  /** SIGTERM, then SIGKILL if the child has not exited after `graceMs`. */
  async stop(child: ChildProcess, graceMs = 5000): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
      this.running.delete(child);
      return;
    }
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    this.stopping.add(child);
    child.kill('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
    if (timedOut) {
      child.kill('SIGKILL');
      await exited;
    }
    this.running.delete(child);
  }

  /** A step for `cleanUp`, after the children are stopped; the last one added runs first. */
  onCleanUp(step: () => Promise<void>): void {
    this.cleanups.push(step);
  }

  /** Stops every child, then runs the clean-up steps; a step that fails is reported and the others still run. */
  async cleanUp(): Promise<void> {
    await Promise.all([...this.running].map((child) => this.stop(child)));
    while (this.cleanups.length > 0) {
      const next = this.cleanups.pop() as () => Promise<void>;
      await next().catch((error: unknown) => console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
}

/** How long `waitUntilReady` waits for a server, and for each of its probe requests (default: no limit of its own). */
export interface ReadyWait {
  timeoutMs: number;
  requestTimeoutMs?: number;
}

/** Polls `url` every 200 ms until it answers 2xx; fails as soon as `child` exits, or after `wait.timeoutMs`. */
export async function waitUntilReady(url: string, child: ChildProcess, label: string, wait: ReadyWait): Promise<void> {
  const deadline = Date.now() + wait.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${label} exited before it was ready`);
    try {
      const response = await fetch(url, wait.requestTimeoutMs === undefined ? {} : { signal: AbortSignal.timeout(wait.requestTimeoutMs) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${label} not ready after ${wait.timeoutMs / 1000} s (${url})`);
}
