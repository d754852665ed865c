import { localDay, scannedCode } from './scan-key';

describe('scannedCode', () => {
  it('counts a valid plate code under its canonical form, however it was written', () => {
    for (const written of ['TB-233AC', 'tb 233ac', 'tb-233-ac', ' T B 2 3 3 A C ']) expect(scannedCode(written)).toBe('TB-233AC');
  });

  it('keeps anything else recognisable: upper case, without spaces or hyphens, at most 32 characters', () => {
    expect(scannedCode('tb-233ax')).toBe('TB233AX'); // wrong check character
    expect(scannedCode('fake sticker-1')).toBe('FAKESTICKER1');
    expect(scannedCode('x'.repeat(500))).toBe('X'.repeat(32));
    expect(scannedCode('đường 10')).toBe('ĐƯỜNG10');
  });

  it('drops what the database could not store or a person could not read, and nothing at all is not a code', () => {
    expect(scannedCode('AB\u0000CD\u200bEF\n')).toBe('ABCDEF');
    expect(scannedCode('\ud800ZZ')).toBe('ZZ'); // a lone surrogate is not valid UTF-8
    expect(scannedCode(`${'A'.repeat(31)}😀😀`)).toBe(`${'A'.repeat(31)}😀`); // cut between characters, not inside one
    expect(scannedCode(' - - ')).toBeNull();
    expect(scannedCode('')).toBeNull();
  });
});

describe('localDay', () => {
  it('is the calendar day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving)', () => {
    expect(localDay(new Date('2026-01-01T16:59:59.999Z'))).toBe('2026-01-01');
    expect(localDay(new Date('2026-01-01T17:00:00.000Z'))).toBe('2026-01-02');
    expect(localDay(new Date('2026-07-01T00:00:00Z'))).toBe('2026-07-01');
    expect(localDay(new Date('2025-12-31T20:00:00Z'))).toBe('2026-01-01');
  });
});
