// Benchmark (not a test): rendering plate QR assets in a plain loop, against `qrcode`'s own renderers.
//
//   npm run bench:qr -- [--plates 10000] [--reference-png-plates N] [--base-url https://phoso.hungyen.gov.vn]
//
// Synthetic plates `plateCodeFromSerial('TB', n)`, n = 0 … plates-1, payload `{BASE}/Q/{CODE}` at level Q.
// (a) reference: `qrcode`'s `toString({ type: 'svg' })` and `toBuffer` (PNG) of the same alphanumeric
//     segment, same level and quiet zone, PNG at the same pixel width as ours (default 1147 px);
// (b) ours (libs/server/qr): matrix + SVG, matrix + 1-bit PNG (600 dpi, 50 mm), matrix + PDF decal;
//     and, for orientation, the matrix alone and verifyPng (fast-png + jsqr) on our PNG.
// One process, one core, sequential plain loops after a warm-up; every run prints plates/s and b/a.
// (c) through BullMQ and (d) the demo city: tools/bench/qr-queue.ts (npm run bench:qr-queue). See docs/benchmarks.md §5.
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { toBuffer, toString, type QRCodeSegment } from 'qrcode';
import { plateCodeFromSerial } from '@pho-so/shared/domain';
import { qrMatrix, qrPayload, renderDecalPdf, renderPng, renderSvg, verifyPng } from '@pho-so/server/qr';
import { describeCheckout } from './lib/checkout';
import { machineDescription } from './lib/machine';

interface Options {
  plates: number;
  referencePngPlates: number;
  verifyPlates: number;
  baseUrl: string;
  warmup: number;
}

const USAGE = `usage: node dist/node/tools/bench/qr-render.js [--plates 10000] [--reference-png-plates N]
       [--verify-plates 1000] [--base-url https://phoso.hungyen.gov.vn] [--warmup 200]`;

function parseOptions(argv: string[]): Options {
  const options: Options = {
    plates: 10_000,
    referencePngPlates: 10_000,
    verifyPlates: 1_000,
    baseUrl: 'https://phoso.hungyen.gov.vn',
    warmup: 200,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (value === undefined) throw new Error(USAGE);
    switch (argv[i]) {
      case '--plates': options.plates = Number(value); break;
      case '--reference-png-plates': options.referencePngPlates = Number(value); break;
      case '--verify-plates': options.verifyPlates = Number(value); break;
      case '--base-url': options.baseUrl = value; break;
      case '--warmup': options.warmup = Number(value); break;
      default: throw new Error(USAGE);
    }
  }
  options.referencePngPlates = Math.min(options.referencePngPlates, options.plates);
  options.verifyPlates = Math.min(options.verifyPlates, options.plates);
  return options;
}

interface Result {
  name: string;
  plates: number;
  seconds: number;
  bytes: number;
}

async function timeLoop(name: string, payloads: readonly string[], warmup: number, render: (payload: string, n: number) => Promise<number> | number): Promise<Result> {
  for (let n = 0; n < Math.min(warmup, payloads.length); n++) await render(payloads[n] ?? '', n);
  let bytes = 0;
  const started = performance.now();
  for (let n = 0; n < payloads.length; n++) bytes += await render(payloads[n] ?? '', n);
  const seconds = (performance.now() - started) / 1000;
  const result = { name, plates: payloads.length, seconds, bytes };
  console.log(`${name.padEnd(34)} ${String(result.plates).padStart(6)} plates  ${seconds.toFixed(2).padStart(8)} s  ${rate(result).toFixed(0).padStart(7)} plates/s  ${((1000 * seconds) / result.plates).toFixed(3).padStart(8)} ms/plate  ${(bytes / result.plates).toFixed(0).padStart(7)} B/file`);
  return result;
}

const rate = (r: Result): number => r.plates / r.seconds;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = resolve(__dirname, '../../../..');
  console.log(`qr-render: ${machineDescription()}`);
  console.log(`code: ${describeCheckout(root)}`);
  const codes = Array.from({ length: options.plates }, (_, n) => plateCodeFromSerial('TB', n));
  const payloads = codes.map((code) => qrPayload(options.baseUrl, code));
  const versions = new Map<number, number>();
  for (const payload of payloads) {
    const { version } = qrMatrix(payload);
    versions.set(version, (versions.get(version) ?? 0) + 1);
  }
  const sample = renderPng(qrMatrix(payloads[0] ?? ''));
  const widthPx = sample.meta.widthPx ?? 0;
  console.log(`payload e.g. ${payloads[0]}, level Q, QR versions ${[...versions].map(([v, n]) => `v${v}: ${n}`).join(', ')}`);
  console.log(`PNG: ${widthPx} px (${sample.meta.moduleSizePx} px/module, 600 dpi, ${sample.meta.printSizeMm} mm); warm-up ${options.warmup} per loop\n`);

  const segments = (payload: string): QRCodeSegment[] => [{ data: payload, mode: 'alphanumeric' }];
  const refSvg = await timeLoop('(a) qrcode toString svg', payloads, options.warmup, async (p) =>
    (await toString(segments(p), { type: 'svg', errorCorrectionLevel: 'Q', margin: 4 })).length);
  const refPng = await timeLoop('(a) qrcode toBuffer png', payloads.slice(0, options.referencePngPlates), Math.min(options.warmup, 20), async (p) =>
    (await toBuffer(segments(p), { type: 'png', errorCorrectionLevel: 'Q', margin: 4, width: widthPx })).length);
  await timeLoop('(b) matrix only', payloads, options.warmup, (p) => qrMatrix(p).size);
  const svg = await timeLoop('(b) ours svg', payloads, options.warmup, (p) => renderSvg(qrMatrix(p)).bytes.length);
  const png = await timeLoop('(b) ours png', payloads, options.warmup, (p) => renderPng(qrMatrix(p)).bytes.length);
  const pdf = await timeLoop('(b) ours pdf decal', payloads, options.warmup, async (p, n) =>
    (await renderDecalPdf({ matrix: qrMatrix(p), code: codes[n] ?? '', streetName: `Phố thử nghiệm số ${n}` })).bytes.length);
  let failures = 0;
  await timeLoop('(b) verifyPng (fast-png + jsqr)', payloads.slice(0, options.verifyPlates), Math.min(options.warmup, 20), (p) => {
    if (!verifyPng(renderPng(qrMatrix(p)).bytes, p).ok) failures++;
    return 0;
  });

  console.log(`\nverify failures: ${failures}`);
  console.log(`ratio b/a  PNG ${(rate(png) / rate(refPng)).toFixed(1)}× (goal ≥ 20×)  SVG ${(rate(svg) / rate(refSvg)).toFixed(2)}×`);
  console.log(`all three formats: ${(1 / (1 / rate(svg) + 1 / rate(png) + 1 / rate(pdf))).toFixed(0)} plates/s on one core`);
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
