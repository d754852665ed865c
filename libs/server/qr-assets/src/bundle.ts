import { zipSync, type Zippable } from 'fflate';
import type { DataSource } from 'typeorm';
import { proofSheetPdf, qrMatrix } from '@pho-so/server/qr';
import type { AssetStorage } from './storage';

/** Every entry of a bundle carries this date, so the same batch gives the same ZIP bytes. */
export const BUNDLE_DATE = new Date('2025-07-01T00:00:00Z');

interface BundleRow {
  code: string;
  street: string;
  ward: string | null;
  format: string;
  payload: string;
  qr_version: number;
  sha256: string;
  storage_key: string;
  why: string;
}

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The ZIP a sign maker receives for a finished batch: `assets/<code>.<ext>` for every file rendered,
 * `proof-sheets.pdf` (A4, one cell per plate) and `manifest.csv` (code, street, ward, format, payload,
 * QR version, sha256, file, why included). Entries in code order with a fixed date: deterministic.
 */
export async function buildBundle(dataSource: DataSource, storage: AssetStorage, batchId: string): Promise<Buffer> {
  const rows: BundleRow[] = await dataSource.query(
    `SELECT p.code, s.name AS street,
            (SELECT u.name FROM street_ward sw JOIN administrative_unit u ON u.id = sw.ward_id
              WHERE sw.street_id = s.id AND u.valid_to IS NULL ORDER BY sw.ordinal, u.name LIMIT 1) AS ward,
            i.format, a.payload, a.qr_version, a.sha256, a.storage_key, i.why
       FROM batch_item i
       JOIN batch b ON b.id = i.batch_id
       JOIN plate p ON p.id = i.plate_id
       JOIN street s ON s.id = p.street_id
       JOIN qr_asset a ON a.plate_id = i.plate_id AND a.design_version = b.design_version AND a.format = i.format
      WHERE i.batch_id = $1 AND i.status = 'done'
      ORDER BY p.code, i.format`,
    [batchId],
  );
  const mtime = BUNDLE_DATE;
  const files: Zippable = {};
  const lines = ['code,street,ward,format,payload,qr_version,sha256,file,why'];
  const sheet = new Map<string, { code: string; streetName: string; payload: string }>();
  for (const row of rows) {
    const file = `assets/${row.code}.${row.format}`;
    files[file] = [await storage.get(row.storage_key), { mtime, level: row.format === 'svg' ? 6 : 0 }];
    lines.push(
      [row.code, row.street, row.ward, row.format, row.payload, row.qr_version, row.sha256, file, row.why].map(csvCell).join(','),
    );
    if (!sheet.has(row.code)) sheet.set(row.code, { code: row.code, streetName: row.street, payload: row.payload });
  }
  const proof = await proofSheetPdf(
    [...sheet.values()].map((p) => ({ code: p.code, streetName: p.streetName, matrix: qrMatrix(p.payload) })),
    { title: `Phố Số · batch ${batchId.slice(0, 8)}` },
  );
  files['proof-sheets.pdf'] = [proof, { mtime, level: 0 }];
  files['manifest.csv'] = [Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'), { mtime, level: 6 }];
  const ordered: Zippable = {};
  for (const name of ['manifest.csv', 'proof-sheets.pdf', ...Object.keys(files).filter((n) => n.startsWith('assets/')).sort()]) {
    ordered[name] = files[name]!;
  }
  return Buffer.from(zipSync(ordered));
}
