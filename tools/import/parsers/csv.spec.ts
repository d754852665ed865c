import { rejectionOf as rejection } from '../testing/paths';
import { readCsv, requireColumns, splitList } from './csv';

describe('readCsv', () => {
  it('numbers rows by the physical line they start on, across CRLF, a BOM, blank lines and quoted line breaks', () => {
    const text = '\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2, 3 \r\n"4","z\n\nw"\n5,6';
    const { header, rows } = readCsv('t.csv', text);
    expect(header).toEqual(['a', 'b']);
    expect(rows).toEqual([
      { line: 2, cells: { a: '1', b: 'x\ny' } },
      { line: 5, cells: { a: '2', b: '3' } },
      { line: 6, cells: { a: '4', b: 'z\n\nw' } },
      { line: 9, cells: { a: '5', b: '6' } },
    ]);
  });

  it('rejects a row with the wrong number of cells at its line', () => {
    expect(rejection(() => readCsv('t.csv', 'a,b\n1,2\n3,4,5\n')).message).toBe('t.csv:3:(row): not valid CSV: Invalid Record Length: expect 2, got 3');
  });

  it('rejects an unclosed quote, an empty file and a duplicate column', () => {
    expect(rejection(() => readCsv('t.csv', 'a,b\n1,"2\n3,4\n')).field).toBe('(file)');
    expect(rejection(() => readCsv('t.csv', '')).message).toBe('t.csv:1:(header): the file is empty');
    expect(rejection(() => readCsv('t.csv', 'a,a\n1,2\n')).message).toBe('t.csv:1:a: column appears twice in the header');
  });
});

describe('requireColumns', () => {
  it('names missing columns, and unknown ones when the set is exact', () => {
    expect(rejection(() => requireColumns('t.csv', ['a'], ['a', 'b', 'c'], false)).message).toMatch(/^t\.csv:1:\(header\): missing columns b, c/);
    expect(rejection(() => requireColumns('t.csv', ['a', 'b', 'x'], ['a', 'b'], true)).message).toMatch(/^t\.csv:1:x: unknown column/);
    expect(() => requireColumns('t.csv', ['a', 'b', 'x'], ['a', 'b'], false)).not.toThrow();
  });
});

describe('splitList', () => {
  it('splits on semicolons and drops empty parts', () => {
    expect(splitList(' a; b;;c ;')).toEqual(['a', 'b', 'c']);
    expect(splitList('')).toEqual([]);
    expect(splitList(undefined)).toEqual([]);
  });
});
