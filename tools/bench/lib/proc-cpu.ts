import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * CPU time of processes from /proc (Linux), to tell where the CPU of a benchmark run went: the
 * API process, the Postgres backends serving it, or somebody else on this shared machine.
 * CPU time per request is much less sensitive to a noisy neighbour than requests per second.
 */
export const procAvailable = existsSync('/proc/self/stat');

let ticks: number | undefined;
function clockTicksPerSecond(): number {
  if (ticks === undefined) {
    const out = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim());
    ticks = Number.isFinite(out) && out > 0 ? out : 100;
  }
  return ticks;
}

/** User + system CPU milliseconds a live process has used so far, or undefined if it is gone. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (!procAvailable || pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", field 0 is the state; utime and stime are fields 14 and 15 of the full line.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond();
  } catch {
    return undefined;
  }
}

/** Busy and total CPU milliseconds of the whole machine (all CPUs) so far, from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } | undefined {
  if (!procAvailable) return undefined;
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = values;
  const busy = user + nice + system + irq + softirq + steal;
  const toMs = (t: number) => (t * 1000) / clockTicksPerSecond();
  return { busy: toMs(busy), total: toMs(busy + idle + iowait) };
}

/** Sum of the CPU milliseconds of a set of processes between two snapshots (new processes count from 0). */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

export function snapshot(pids: Iterable<number>): Map<number, number> {
  const result = new Map<number, number>();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) result.set(pid, ms);
  }
  return result;
}
