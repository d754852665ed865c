import { readFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  label: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Functions by self time. */
  topFrames: ProfileLine[];
  /** Self time by where the code lives: a package in node_modules, Node's internals, our code, V8. */
  selfByOrigin: ProfileLine[];
  /** Time with at least one frame of that origin on the stack (callees included; shares overlap). */
  inclusiveByOrigin: ProfileLine[];
}

/** Where a frame's code lives: "fastify", "@nestjs/core", "node:internal", "ours: apps/api", "(garbage collector)"… */
export function originOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : 'V8 builtins / native';
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const [first, second] = url.slice(inModules + '/node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? url);
  }
  if (url.startsWith('node:')) return 'node: internals';
  const ours = url.match(/\/dist\/node\/((?:apps|libs|tools)\/[^/]+(?:\/[^/]+)?)/);
  if (ours) return `ours: ${ours[1]}`;
  return url;
}

const shortUrl = (url: string) => {
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) return url.slice(inModules + '/node_modules/'.length);
  const dist = url.indexOf('/dist/node/');
  return dist >= 0 ? url.slice(dist + '/dist/node/'.length) : url.replace(/^file:\/\//, '');
};

/**
 * `ignore`: samples with a frame whose URL matches are left out entirely (the profiler's own
 * start/stop work, which would otherwise be charged to the app).
 */
export function summarizeCpuProfile(path: string, { top = 25, ignore }: { top?: number; ignore?: RegExp } = {}): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<string, number>();
  const selfOrigin = new Map<string, number>();
  const inclusiveOrigin = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    const stack: { functionName: string; url: string }[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame && frame.functionName !== '(root)') stack.push(frame);
    }
    if (ignore && stack.some((frame) => ignore.test(frame.url))) return;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    add(self, `${functionName || '(anonymous)'}${url ? ` ${shortUrl(url)}:${lineNumber + 1}` : ''}`, us);
    add(selfOrigin, originOf(url, functionName), us);
    for (const origin of new Set(stack.map((frame) => originOf(frame.url, frame.functionName)))) add(inclusiveOrigin, origin, us);
  });
  const lines = (map: Map<string, number>, limit: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([label, us]) => ({ label, ms: us / 1000, share: total > 0 ? us / total : 0 }));
  return { totalMs: total / 1000, topFrames: lines(self, top), selfByOrigin: lines(selfOrigin, 15), inclusiveByOrigin: lines(inclusiveOrigin, 15) };
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const table = (title: string, rows: ProfileLine[]) =>
    [`${title}`, ...rows.map((r) => `  ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(7)} ms  ${r.label}`)].join('\n');
  return [
    `profiled ${summary.totalMs.toFixed(0)} ms of samples`,
    table('top frames by self time:', summary.topFrames),
    table('self time by origin:', summary.selfByOrigin),
    table('inclusive time by origin (a sample counts for every origin on its stack):', summary.inclusiveByOrigin),
  ].join('\n');
}
