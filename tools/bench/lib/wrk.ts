import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../testing/web-stack';
import type { ChildProcesses } from './child-processes';

/** The Lua script that makes wrk print its figures as one `WRK_JSON {…}` line. */
const WRK_SCRIPT = join(REPO_ROOT, 'tools/bench/wrk-report.lua');
const REPORT_PREFIX = 'WRK_JSON ';

/** One wrk run, as tools/bench/wrk-report.lua reports it. */
export interface WrkResult {
  requests: number;
  rps: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  mean_ms: number;
  /** Socket errors by kind. */
  connect: number;
  read: number;
  write: number;
  timeout: number;
  /** Responses with a status ≥ 400. */
  status: number;
}

/** Connect, read, write and timeout errors of a run (responses ≥ 400 are counted apart, in `status`). */
export const socketErrors = (r: WrkResult) => r.connect + r.read + r.write + r.timeout;

/** How hard and how long wrk loads the server. */
export interface WrkLoad {
  threads: number;
  connections: number;
  /** Seconds. */
  duration: number;
}

/** wrk's arguments (without the command itself), also printed in the reports as the command per measurement. */
export function wrkArgs(load: WrkLoad, url: string): string[] {
  return [`-t${load.threads}`, `-c${load.connections}`, `-d${load.duration}s`, '--timeout', '5s', '-s', WRK_SCRIPT, url];
}

/** Runs wrk against `url` (stopped with the other children if the run is interrupted) and parses its report. */
export async function runWrk(load: WrkLoad, url: string, processes: ChildProcesses): Promise<WrkResult> {
  const child = spawn('wrk', wrkArgs(load, url), { stdio: ['ignore', 'pipe', 'pipe'] });
  processes.track(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
  const line = output.split('\n').find((l) => l.startsWith(REPORT_PREFIX));
  if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}):\n${output}`);
  return JSON.parse(line.slice(REPORT_PREFIX.length)) as WrkResult;
}
