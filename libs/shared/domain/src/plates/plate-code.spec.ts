import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATE_ALPHABET, parsePlateCode, plateCodeFromSerial } from './plate-code';

const compact = (code: string) => code.replace('-', '');

/** The demo city's plates (data/plates.json) and 400 more spread over the code space. */
const demoCodes = (JSON.parse(readFileSync(join(__dirname, '../../../../../data/plates.json'), 'utf8')) as { records: Array<{ code: string }> }).records.map((plate) => plate.code);

describe('plate codes', () => {
  const codes = [
    ...demoCodes,
    ...Array.from({ length: 400 }, (_, i) => plateCodeFromSerial('TB', i * 2311)),
    // Other cities' prefixes, of every allowed length.
    ...['HY', 'XYZ', 'ABCD'].flatMap((prefix) => Array.from({ length: 50 }, (_, i) => plateCodeFromSerial(prefix, i * 7919))),
  ];

  it('covers every demo plate', () => {
    expect(demoCodes.length).toBeGreaterThanOrEqual(160);
  });

  it('round-trips through the parser in any case and spacing', () => {
    for (const code of codes) {
      expect(parsePlateCode(code)).toMatchObject({ ok: true, code });
      expect(parsePlateCode(` ${code.toLowerCase().split('').join(' ')} `)).toMatchObject({ ok: true, code });
    }
  });

  it('uses no ambiguous characters', () => {
    for (const c of '01OIL') expect(PLATE_ALPHABET).not.toContain(c);
  });

  it('detects every single wrong character, in prefix, body or check', () => {
    for (const code of codes) {
      const chars = compact(code).split('');
      for (let i = 0; i < chars.length; i++) {
        for (const replacement of PLATE_ALPHABET) {
          if (replacement === chars[i]) continue;
          const typo = [...chars];
          typo[i] = replacement;
          expect(parsePlateCode(typo.join('')).ok).toBe(false);
        }
      }
    }
  });

  it('detects every swap of two neighbouring different characters', () => {
    for (const code of codes) {
      const chars = compact(code).split('');
      for (let i = 0; i < chars.length - 1; i++) {
        if (chars[i] === chars[i + 1]) continue;
        const swapped = [...chars];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1] as string, swapped[i] as string];
        expect(parsePlateCode(swapped.join('')).ok).toBe(false);
      }
    }
  });

  it('tells a malformed code from a bad check character', () => {
    expect(parsePlateCode('hello')).toEqual({ ok: false, reason: 'malformed' });
    expect(parsePlateCode('TB-0000A')).toEqual({ ok: false, reason: 'malformed' });
    const good = plateCodeFromSerial('TB', 42);
    const bad = good.slice(0, -1) + (good.endsWith('2') ? '3' : '2');
    expect(parsePlateCode(bad)).toEqual({ ok: false, reason: 'bad_check_character' });
  });
});
