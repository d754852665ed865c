import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { plateCodeFromSerial } from '@pho-so/shared/domain';
import {
  decodePng,
  decodeQr,
  DEFAULT_ERROR_CORRECTION,
  displayUrl,
  proofSheetPdf,
  qrMatrix,
  qrPayload,
  renderDecalPdf,
  renderPlateAsset,
  renderPng,
  renderSvg,
  verifyPng,
  type QrMatrix,
  type RgbaImage,
} from './index';

const HUNG_YEN = 'https://phoso.hungyen.gov.vn';
const LOCAL = 'http://localhost:3000';
const root = join(__dirname, '../../../..');

interface DemoPlate {
  code: string;
  streetName: string;
}

function demoPlates(): DemoPlate[] {
  const read = (file: string) => JSON.parse(readFileSync(join(root, 'data', file), 'utf8')).records;
  const streets = new Map<string, { name: string; kind: string }>(
    read('streets.json').map((s: { slug: string; name: string; kind: string }) => [s.slug, s]),
  );
  const prefix: Record<string, string> = { named_street: 'Phố', numbered_street: 'Đường số', route_number: 'Đường' };
  return read('plates.json').map((p: { code: string; streetSlug: string }) => {
    const street = streets.get(p.streetSlug);
    if (!street) throw new Error(`no street ${p.streetSlug}`);
    return { code: p.code, streetName: `${prefix[street.kind] ?? ''} ${street.name}`.trim() };
  });
}

/** Paints a solid square over the symbol, in module coordinates (without quiet zone), on a copy. */
function cover(image: RgbaImage, modulePx: number, quietZone: number, from: [number, number], side: number, value: number): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  const x0 = (from[0] + quietZone) * modulePx;
  const y0 = (from[1] + quietZone) * modulePx;
  for (let y = y0; y < y0 + side * modulePx; y++) {
    for (let x = x0; x < x0 + side * modulePx; x++) {
      const i = (y * image.width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = value;
    }
  }
  return { ...image, data };
}

describe('qrPayload', () => {
  it('is the base URL, /Q/ and the canonical code, all upper case', () => {
    expect(qrPayload(HUNG_YEN, 'TB-233AC')).toBe('HTTPS://PHOSO.HUNGYEN.GOV.VN/Q/TB-233AC');
    expect(qrPayload(`${LOCAL}/`, 'tb 233ac')).toBe('HTTP://LOCALHOST:3000/Q/TB-233AC');
    expect(displayUrl(qrPayload(HUNG_YEN, 'TB-233AC'))).toBe('phoso.hungyen.gov.vn/q/TB-233AC');
  });

  it('refuses a base URL that would leave the alphanumeric set, and codes that are not plate codes', () => {
    expect(() => qrPayload('https://example.vn/pho_so', 'TB-233AC')).toThrow(/alphanumeric set.*_/);
    expect(() => qrPayload('https://example.vn/?x=1', 'TB-233AC')).toThrow(/alphanumeric/);
    expect(() => qrPayload('ftp://example.vn', 'TB-233AC')).toThrow(/http/);
    expect(() => qrPayload('not a url', 'TB-233AC')).toThrow(/not a URL/);
    expect(() => qrPayload(HUNG_YEN, 'TB-233AJ')).toThrow(/bad_check_character/);
    expect(() => qrPayload(HUNG_YEN, 'hello')).toThrow(/malformed/);
  });
});

describe('qrMatrix', () => {
  it('encodes the payload as one alphanumeric segment and records version and level', () => {
    const hungYen = qrMatrix(qrPayload(HUNG_YEN, 'TB-233AC'));
    expect(DEFAULT_ERROR_CORRECTION).toBe('Q');
    expect(hungYen).toMatchObject({ mode: 'alphanumeric', errorCorrection: 'Q', version: 3, size: 29 });
    expect(hungYen.modules).toHaveLength(29 * 29);
    expect(qrMatrix(qrPayload(LOCAL, 'TB-233AC'))).toMatchObject({ version: 3, size: 29 });
    // What H would cost for the production payload: one version more, smaller modules at the same size.
    expect(qrMatrix(qrPayload(HUNG_YEN, 'TB-233AC'), { errorCorrection: 'H' })).toMatchObject({ version: 4, size: 33 });
    expect(() => qrMatrix('https://lower.case')).toThrow(/alphanumeric/);
  });

  it('gives every demo plate version 3 at Q for both base URLs', () => {
    for (const { code } of demoPlates()) {
      expect(qrMatrix(qrPayload(HUNG_YEN, code)).version).toBe(3);
      expect(qrMatrix(qrPayload(LOCAL, code)).version).toBe(3);
    }
  });
});

describe('PNG', () => {
  it('round-trips every demo plate through an independent decoder (fast-png + jsqr)', () => {
    const plates = demoPlates();
    expect(plates.length).toBeGreaterThanOrEqual(100);
    for (const { code } of plates) {
      const matrix = qrMatrix(qrPayload(HUNG_YEN, code));
      const png = renderPng(matrix);
      expect(verifyPng(png.bytes, matrix.payload)).toEqual({ ok: true, decoded: matrix.payload });
    }
  });

  it('says why when the text differs or nothing decodes', () => {
    const matrix = qrMatrix(qrPayload(HUNG_YEN, 'TB-233AC'));
    const png = renderPng(matrix, { dpi: 150 });
    expect(verifyPng(png.bytes, 'HTTPS://PHOSO.HUNGYEN.GOV.VN/Q/TB-234A2')).toMatchObject({ ok: false, reason: /expected/ });
    expect(verifyPng(Buffer.from('not a png'), matrix.payload)).toMatchObject({ ok: false, reason: /not a readable PNG/ });
  });

  it('computes whole-pixel modules at the DPI and records the printed size that results', () => {
    const matrix = qrMatrix(qrPayload(HUNG_YEN, 'TB-233AC'));
    // 30 mm over 29 + 2×4 = 37 modules: 0.8108 mm = 19.15 px at 600 dpi → 19 px, 703 px, 29.76 mm.
    const png = renderPng(matrix, { printSizeMm: 30 });
    expect(png.meta).toMatchObject({
      format: 'png',
      qrVersion: 3,
      modules: 29,
      quietZone: 4,
      dpi: 600,
      moduleSizePx: 19,
      widthPx: 703,
      moduleSizeMm: 0.8043,
      printSizeMm: 29.7603,
      byteLength: png.bytes.length,
    });
    expect(png.bytes.readUInt32BE(16)).toBe(703); // IHDR width
    expect([...png.bytes.subarray(24, 26)]).toEqual([1, 0]); // bit depth 1, greyscale
    const phys = png.bytes.indexOf('pHYs');
    expect(png.bytes.readUInt32BE(phys + 4)).toBe(23622); // 600 dpi in pixels per metre
    // Default: 50 mm at 600 dpi.
    expect(renderPng(matrix).meta).toMatchObject({ moduleSizePx: 31, widthPx: 1147, printSizeMm: 48.5563 });
    expect(renderPng(matrix, { dpi: 300, quietZone: 6 }).meta).toMatchObject({ moduleSizePx: 14, widthPx: 41 * 14 });
    expect(() => renderPng(matrix, { quietZone: 3 })).toThrow(/quiet zone/);
    expect(() => renderPng(matrix, { printSizeMm: 5, dpi: 72 })).toThrow(/less than one pixel/);
  });

  describe('after simulated damage (a solid block over the middle of the symbol, away from the finders)', () => {
    const matrix = qrMatrix(qrPayload(HUNG_YEN, 'TB-233AC'));
    const png = renderPng(matrix, { dpi: 300 });
    const image = decodePng(png.bytes);
    const px = png.meta.moduleSizePx ?? 0;
    const block = (fraction: number, value: number, at: 'centre' | 'right' = 'centre'): RgbaImage => {
      const side = Math.round(Math.sqrt(fraction) * matrix.size);
      const start = Math.round((matrix.size - side) / 2);
      // 'right': against the right edge, below the top-right finder (rows 9+), above the bottom edge.
      const from: [number, number] = at === 'centre' ? [start, start] : [matrix.size - side, 9];
      return cover(image, px, 4, from, side, value);
    };

    it.each([
      ['black', 0],
      ['white', 255],
    ])('still decodes with 10%% of the symbol covered in %s (level Q)', (_name, value) => {
      expect(decodeQr(block(0.1, value))).toBe(matrix.payload);
      expect(decodeQr(block(0.1, value, 'right'))).toBe(matrix.payload);
    });

    it('fails with 30% covered: the damage test can fail', () => {
      expect(decodeQr(image)).toBe(matrix.payload);
      expect(decodeQr(block(0.3, 0))).toBeNull();
      expect(decodeQr(block(0.3, 255))).toBeNull();
    });
  });
});

describe('SVG', () => {
  it('is one path of run-length segments, viewBox in modules, size in mm', () => {
    const matrix = qrMatrix(qrPayload(HUNG_YEN, 'TB-233AC'));
    const svg = renderSvg(matrix, { printSizeMm: 30 });
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('width="30mm" height="30mm" viewBox="0 0 37 37" shape-rendering="crispEdges"');
    expect(text.match(/<path /g)).toHaveLength(1);
    expect(svg.meta).toMatchObject({ format: 'svg', qrVersion: 3, modules: 29, quietZone: 4, moduleSizeMm: 0.8108, printSizeMm: 30 });
    // The path paints exactly the dark modules.
    const painted = new Uint8Array(37 * 37);
    for (const [, x, y, length] of text.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(length); i++) painted[Number(y) * 37 + Number(x) + i] = 1;
    }
    for (let y = 0; y < 37; y++) {
      for (let x = 0; x < 37; x++) {
        const inside = x >= 4 && x < 33 && y >= 4 && y < 33;
        expect(painted[y * 37 + x]).toBe(inside ? matrix.modules[(y - 4) * 29 + (x - 4)] : 0);
      }
    }
  });
});

/** Inflates a PDF's FlateDecode streams, to look inside them. */
function pdfStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) return out;
    const end = pdf.indexOf('\nendstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start + 7, end)).toString('latin1'));
    } catch {
      // not deflated (or not a stream keyword)
    }
    at = end + 10;
  }
}

describe('PDF', () => {
  const matrix = (code: string): QrMatrix => qrMatrix(qrPayload(HUNG_YEN, code));

  it('is a decal at actual size with the embedded Vietnamese font', async () => {
    const decal = await renderDecalPdf({ matrix: matrix('TB-233AC'), code: 'TB-233AC', streetName: 'Phố Lý Thường Kiệt' });
    const text = decal.bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(decal.meta).toMatchObject({ format: 'pdf', qrVersion: 3, printSizeMm: 50, pageSizeMm: { width: 60, height: 88 } });
    expect(text).toMatch(/\/MediaBox \[0 0 170\.07\d* 249\.44\d*\]/); // 60 × 88 mm in pt
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(text).toContain('/FontFile2');
    // The fonts' ToUnicode maps cover the Vietnamese letters used (ờ U+1EDD, ệ U+1EC7, ố U+1ED1) and
    // the English tagline line (&).
    const cmaps = pdfStreams(decal.bytes).filter((s) => s.includes('beginbfrange') || s.includes('beginbfchar')).join('\n').toLowerCase();
    for (const hex of ['1edd', '1ec7', '1ed1', '0026']) expect(cmaps).toContain(hex);
  });

  it('fits the text of every demo plate on the decal (long names shrink)', async () => {
    const longest = demoPlates().sort((a, b) => b.streetName.length - a.streetName.length)[0];
    if (!longest) throw new Error('no demo plates');
    await expect(renderDecalPdf({ matrix: matrix(longest.code), ...longest })).resolves.toBeDefined();
    await expect(renderDecalPdf({ matrix: matrix(longest.code), ...longest }, { printSizeMm: 30 })).resolves.toBeDefined();
  });

  it('proof sheets put 20 plates on an A4 page', async () => {
    const items = Array.from({ length: 21 }, (_, n) => {
      const code = plateCodeFromSerial('TB', n);
      return { matrix: matrix(code), code, streetName: `Phố thử ${n}` };
    });
    const pdf = await proofSheetPdf(items, { title: 'Lô thử' });
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(2);
    expect(text).toContain('/MediaBox [0 0 595.275591 841.889764]');
  });
});

describe('determinism', () => {
  afterEach(() => jest.useRealTimers());

  it('gives byte-identical files for the same input, whatever the clock says', async () => {
    const plate = { publicBaseUrl: HUNG_YEN, code: 'TB-233AC', streetName: 'Phố Lý Thường Kiệt' };
    const render = async () => ({
      svg: (await renderPlateAsset(plate, 'svg')).meta.sha256,
      png: (await renderPlateAsset(plate, 'png')).meta.sha256,
      pdf: (await renderPlateAsset(plate, 'pdf')).meta.sha256,
      proof: (await proofSheetPdf([{ matrix: qrMatrix(qrPayload(HUNG_YEN, 'TB-233AC')), code: 'TB-233AC', streetName: 'Phố Lý Thường Kiệt' }])).toString('base64'),
    });
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    jest.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const first = await render();
    jest.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    const second = await render();
    expect(second).toEqual(first);
    // A fresh copy of the library (fonts not yet parsed) gives the same PDF as the warm one.
    let fresh: typeof import('./index') | undefined;
    jest.isolateModules(() => {
      fresh = jest.requireActual<typeof import('./index')>('./index');
    });
    expect((await fresh!.renderPlateAsset(plate, 'pdf')).meta.sha256).toBe(first.pdf);
    // And a different plate gives a different file.
    expect((await renderPlateAsset({ ...plate, code: 'TB-2223Q' }, 'png')).meta.sha256).not.toBe(first.png);
  });
});
