import type { DataSource } from 'typeorm';
import { DatasetImporter, ImportRejected, type ImportSummary, type Located } from '@pho-so/server/dataset';
import { KINDS, type ImportKind, type ImportOptions } from './kinds';
import { readUtf8 } from './read-utf8';

/** A file read and parsed into normalised records, ready to store. */
export interface ParsedFile {
  kind: ImportKind;
  file: string;
  items: Located<unknown>[];
}

/**
 * Imports one file of one kind: parse and validate everything first, then store everything in one
 * transaction. A bad record anywhere throws `ImportRejected` (file:line:field) and nothing of the
 * file is written. Stores are idempotent upserts by natural key: importing the same file twice
 * reports everything unchanged the second time.
 */
export class ImportService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Parses `path` as `kind`. `file` is the name used in messages (the path as the operator typed it);
   * provenance uses only its base name.
   */
  static parse(kind: ImportKind, path: string, options: ImportOptions = {}, file: string = path): ParsedFile {
    return { kind, file, items: KINDS[kind].parse(file, readUtf8(file, path), options) };
  }

  async store(parsed: ParsedFile): Promise<ImportSummary> {
    const kind = KINDS[parsed.kind];
    try {
      return await this.dataSource.transaction((manager) => kind.store(new DatasetImporter(manager), parsed.items, manager));
    } catch (error) {
      if (error instanceof ImportRejected && kind.fileField) throw new ImportRejected(error.file, error.line, kind.fileField(error.field), error.reason);
      throw error;
    }
  }

  async importFile(kind: ImportKind, path: string, options: ImportOptions = {}, file: string = path): Promise<ImportSummary> {
    return this.store(ImportService.parse(kind, path, options, file));
  }
}

/** "procedures: 202 created, 0 updated, 0 unchanged, 0 rejected" */
export function formatSummary(summary: ImportSummary): string {
  return `${summary.kind}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected} rejected`;
}
