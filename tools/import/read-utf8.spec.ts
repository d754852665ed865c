import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rejectionOf } from './testing/paths';
import { readUtf8 } from './read-utf8';

describe('readUtf8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pho-so-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads UTF-8 text', () => {
    writeFileSync(join(dir, 'ok.csv'), 'a\nPhường Thái Bình\n');
    expect(readUtf8('ok.csv', join(dir, 'ok.csv'))).toBe('a\nPhường Thái Bình\n');
  });

  it('rejects a legacy code page at the line of the first byte that is not UTF-8', () => {
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from('a\nb\nCaf\xe9\n', 'latin1'));
    expect(rejectionOf(() => readUtf8('latin1.csv', join(dir, 'latin1.csv'))).message).toBe('latin1.csv:3:(file): not UTF-8 text (save it as "CSV UTF-8" / UTF-8)');
  });
});
