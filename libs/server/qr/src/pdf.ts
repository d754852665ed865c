import { create as openFont } from 'fontkit';
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assetMeta, geometry, PT_PER_MM, round, type QrAsset, type QrGeometryOptions } from './asset';
import { darkRuns, type QrMatrix } from './matrix';
import { displayUrl } from './payload';

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` npm package (Bitstream Vera licence + public domain changes):
 * complete Vietnamese coverage (all precomposed letters with their tone marks), embedded as a subset.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONT_REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
export const FONT_BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

/**
 * The fonts, parsed once per process with fontkit (the parser pdfkit uses) and handed to every document:
 * parsing the two 700 kB TTFs again for each decal took 20 of its 25 ms. Each document still embeds its
 * own subset.
 */
let parsedFonts: { regular: unknown; bold: unknown } | undefined;
function fonts(): { regular: unknown; bold: unknown } {
  parsedFonts ??= { regular: openFont(readFileSync(FONT_REGULAR)), bold: openFont(readFileSync(FONT_BOLD)) };
  return parsedFonts;
}

export const TAGLINE = 'Thông tin tuyến phố và dịch vụ công · Street info & public services';

/**
 * The date written into every PDF (CreationDate, ModDate; pdfkit derives the file ID from them). Fixed,
 * so the same inputs give byte-identical files; a caller may pass the design version's date instead.
 */
export const FIXED_PDF_DATE = new Date('2025-07-01T00:00:00Z');

export interface PdfOptions {
  date?: Date;
}

const mm = (x: number): number => x * PT_PER_MM;

function newDocument(size: [number, number], title: string, options: PdfOptions): PDFKit.PDFDocument {
  const date = options.date ?? FIXED_PDF_DATE;
  const doc = new PDFDocument({
    size,
    margin: 0,
    compress: true,
    // null: no default font (pdfkit would load Helvetica for nothing); every text picks 'regular' or 'bold'.
    font: null as unknown as string,
    info: { Title: title, Producer: 'Phố Số', Creator: 'Phố Số', CreationDate: date, ModDate: date },
  });
  // pdfkit accepts a parsed fontkit font wherever it takes a font file (PDFFontFactory.open).
  const { regular, bold } = fonts();
  doc.registerFont('regular', regular as string);
  doc.registerFont('bold', bold as string);
  return doc;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** The symbol as filled vector rectangles (one per run of dark modules), on white, at (x, y) in pt. */
function drawQr(doc: PDFKit.PDFDocument, matrix: QrMatrix, x: number, y: number, sizePt: number, quietZone: number): void {
  const module = sizePt / (matrix.size + 2 * quietZone);
  doc.rect(x, y, sizePt, sizePt).fill('#ffffff');
  for (let row = 0; row < matrix.size; row++) {
    for (const [col, length] of darkRuns(matrix, row)) {
      doc.rect(x + (col + quietZone) * module, y + (row + quietZone) * module, length * module, module);
    }
  }
  doc.fill('#000000');
}

/** Writes one line centred in `width`, shrinking the font size until it fits. */
function fittedLine(doc: PDFKit.PDFDocument, font: string, text: string, size: number, x: number, y: number, width: number): number {
  doc.font(font);
  let fontSize = size;
  while (fontSize > 4 && doc.fontSize(fontSize).widthOfString(text) > width) fontSize -= 0.25;
  doc.fontSize(fontSize).text(text, x, y, { width, align: 'center', lineBreak: false });
  return doc.currentLineHeight(true);
}

export interface DecalInput {
  matrix: QrMatrix;
  /** Canonical plate code, e.g. TB-233AC. */
  code: string;
  streetName: string;
}

export interface DecalOptions extends QrGeometryOptions, PdfOptions {}

/**
 * The decal a sign maker applies to the plate, at actual size: the QR as vector rectangles, then the
 * street name, the plate code, the short URL as text (so a pasted-over fake shows: quishing) and the
 * bilingual tagline, in embedded DejaVu Sans. Page: QR + 5 mm margins wide, QR + 38 mm tall.
 */
export async function renderDecalPdf(input: DecalInput, options: DecalOptions = {}): Promise<QrAsset> {
  const { matrix } = input;
  const geo = geometry(matrix, options);
  const margin = 5;
  const widthMm = geo.printSizeMm + 2 * margin;
  const heightMm = geo.printSizeMm + 2 * margin + 28;
  const doc = newDocument([mm(widthMm), mm(heightMm)], `${input.code} · ${input.streetName.normalize('NFC')}`, options);
  drawQr(doc, matrix, mm(margin), mm(margin), mm(geo.printSizeMm), geo.quietZone);
  const textWidth = mm(geo.printSizeMm);
  let y = mm(margin + geo.printSizeMm + 2);
  y += fittedLine(doc, 'bold', input.streetName.normalize('NFC'), 11, mm(margin), y, textWidth) + mm(0.8);
  y += fittedLine(doc, 'bold', input.code, 18, mm(margin), y, textWidth) + mm(0.8);
  y += fittedLine(doc, 'regular', displayUrl(matrix.payload), 9, mm(margin), y, textWidth) + mm(1.2);
  // One language per line: wrapped as one paragraph, the "·" ended the Vietnamese line on its own.
  for (const line of TAGLINE.split(' · ')) {
    y += fittedLine(doc, 'regular', line, 6.5, mm(margin), y, textWidth) + mm(0.3);
  }
  doc.y = y;
  if (doc.y > mm(heightMm - 2)) throw new Error(`decal text overflows the page (${input.code}, ${input.streetName})`);
  const bytes = await collect(doc);
  return {
    bytes,
    meta: assetMeta(matrix, 'pdf', 'application/pdf', bytes, geo, {
      pageSizeMm: { width: round(widthMm), height: round(heightMm) },
    }),
  };
}

export type ProofSheetItem = DecalInput;

export interface ProofSheetOptions extends PdfOptions {
  /** Printed on every page, e.g. the batch and design version. */
  title?: string;
  columns?: number;
  rows?: number;
}

export const A4_MM = { width: 210, height: 297 } as const;

/**
 * A4 proof sheets for checking a batch before printing: a grid (default 4 × 5) of each QR with its
 * plate code and street name, a title and page numbers. Not for the plates themselves (the QR is
 * smaller than on the decal); deterministic like the other files.
 */
export async function proofSheetPdf(items: readonly ProofSheetItem[], options: ProofSheetOptions = {}): Promise<Buffer> {
  const columns = options.columns ?? 4;
  const rows = options.rows ?? 5;
  const perPage = columns * rows;
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const title = options.title ?? 'Phố Số';
  const doc = newDocument([mm(A4_MM.width), mm(A4_MM.height)], `${title} · bản in thử / proof sheet`, options);
  const margin = 12;
  const header = 10;
  const cellW = (A4_MM.width - 2 * margin) / columns;
  const cellH = (A4_MM.height - 2 * margin - header) / rows;
  const qrMm = Math.min(cellW - 6, cellH - 16);
  for (let page = 0; page < pages; page++) {
    if (page > 0) doc.addPage({ size: [mm(A4_MM.width), mm(A4_MM.height)], margin: 0 });
    doc.font('regular').fontSize(8).fillColor('#000000');
    doc.text(`${title} · Bản in thử / Proof sheet · ${page + 1}/${pages}`, mm(margin), mm(margin), {
      width: mm(A4_MM.width - 2 * margin),
      lineBreak: false,
    });
    items.slice(page * perPage, (page + 1) * perPage).forEach((item, i) => {
      const x = margin + (i % columns) * cellW;
      const y = margin + header + Math.floor(i / columns) * cellH;
      doc.rect(mm(x), mm(y), mm(cellW), mm(cellH)).lineWidth(0.3).stroke('#999999');
      const geo = geometry(item.matrix, { printSizeMm: qrMm });
      drawQr(doc, item.matrix, mm(x + (cellW - qrMm) / 2), mm(y + 2), mm(qrMm), geo.quietZone);
      doc.fillColor('#000000');
      let ty = mm(y + 3 + qrMm);
      ty += fittedLine(doc, 'bold', item.code, 10, mm(x + 2), ty, mm(cellW - 4)) + mm(0.5);
      fittedLine(doc, 'regular', item.streetName.normalize('NFC'), 7, mm(x + 2), ty, mm(cellW - 4));
    });
  }
  return collect(doc);
}

