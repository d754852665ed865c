import { readFileSync } from 'node:fs';
import { ImportRejected, lineAt } from '@pho-so/server/dataset';

/**
 * Reads a file as UTF-8. Anything else (e.g. a spreadsheet saved in Windows-1258 or another legacy
 * code page) is rejected at the line of the first byte that is not UTF-8, rather than imported as
 * mojibake. `file` is the name used in the message.
 */
export function readUtf8(file: string, path: string = file): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    throw new ImportRejected(file, lineAt(lossy, lossy.indexOf('\uFFFD')), '(file)', 'not UTF-8 text (save it as "CSV UTF-8" / UTF-8)');
  }
}
