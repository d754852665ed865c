import { basename } from 'node:path';
import { ImportRejected, type Located } from '@pho-so/server/dataset';

/** The name a file goes by in provenance: its base name, so re-importing from another folder changes nothing. */
export const fileLabel = (file: string): string => basename(file);

/** Rejects a second record with the same natural key, naming the line of the first. */
export function rejectDuplicates<T>(items: Located<T>[], keyOf: (record: T) => string, field: string): void {
  const firstLine = new Map<string, number>();
  for (const { record, at } of items) {
    const key = keyOf(record);
    const seen = firstLine.get(key);
    if (seen !== undefined) throw new ImportRejected(at.file, at.line, field, `"${key}" appears again (first at line ${seen})`);
    firstLine.set(key, at.line);
  }
}

/** Plain one-line text: NFC, no-break spaces and runs of white space (including line breaks) to one space. */
export const oneLine = (text: string): string => text.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim();
