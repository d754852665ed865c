import { parse } from 'csv-parse/sync';
import { ImportRejected } from '@pho-so/server/dataset';

/** One data row of a CSV file: its cells by column name and the physical line it starts on (header = 1). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Parses CSV text (UTF-8, optional BOM, LF or CRLF, RFC 4180 quoting) into rows that know their line.
 * Line endings are normalised to LF first, so a line break inside a quoted cell counts as one line
 * whatever the file used, and a row's first line is its last line minus the breaks inside its cells.
 * Cells are trimmed. Blank lines are skipped (and still counted). A syntax error or a row with the
 * wrong number of cells is an `ImportRejected` naming the line.
 */
export function readCsv(file: string, text: string): CsvTable {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes as { record, info }; csv-parse's typings do not model that option.
    parsed = parse(normalised, { info: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as unknown as typeof parsed;
  } catch (error) {
    const { lines, code } = error as { lines?: number; code?: string };
    const message = error instanceof Error ? error.message : String(error);
    const field = code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? '(row)' : '(file)';
    throw new ImportRejected(file, typeof lines === 'number' ? lines : 1, field, `not valid CSV: ${message.replace(/ (on|at) line \d+$/, '')}`);
  }
  const [headerRow, ...dataRows] = parsed;
  if (!headerRow) throw new ImportRejected(file, 1, '(header)', 'the file is empty');
  const header = headerRow.record;
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') throw new ImportRejected(file, 1, '(header)', 'a column has no name');
    if (seen.has(name)) throw new ImportRejected(file, 1, name, 'column appears twice in the header');
    seen.add(name);
  }
  const rows = dataRows.map(({ record, info }) => {
    const breaksInside = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const cells: Record<string, string> = {};
    header.forEach((name, index) => (cells[name] = record[index] ?? ''));
    return { line: info.lines - breaksInside, cells };
  });
  return { header, rows };
}

/** Rejects a header that lacks a required column or (when `exact`) has one we do not know. */
export function requireColumns(file: string, header: string[], required: readonly string[], exact: boolean): void {
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new ImportRejected(file, 1, '(header)', `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; expected ${required.join(',')}`);
  if (exact) {
    const unknown = header.filter((c) => !required.includes(c));
    if (unknown.length > 0) throw new ImportRejected(file, 1, unknown[0] ?? '(header)', `unknown column; expected exactly ${required.join(',')}`);
  }
}

/** Splits a semicolon-separated cell ("a; b;;c") into its trimmed, non-empty parts. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
