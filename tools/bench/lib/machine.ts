import { availableParallelism, cpus, totalmem } from 'node:os';

/** What the figures were measured on; printed by every benchmark so the docs can quote it. */
export function machineDescription(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${availableParallelism()} CPU(s) (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}
