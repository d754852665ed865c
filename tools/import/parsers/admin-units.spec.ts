import { readFileSync } from 'node:fs';
import { fixture, rejectionOf } from '../testing/paths';
import { parseAdminUnitsCsv } from './admin-units';

const read = (name: string) => readFileSync(fixture(name), 'utf8');
const options = { validFrom: '2025-07-01' };

describe('parseAdminUnitsCsv', () => {
  it('reads the GSO communes shape: level commune, province as parent, valid from the reform', () => {
    const items = parseAdminUnitsCsv('wards.csv', read('hung-yen-city-wards.csv'), options);
    expect(items).toHaveLength(5);
    expect(items[0]).toEqual({
      record: {
        code: '12452',
        name: 'Phường Trần Hưng Đạo',
        unitType: 'Phường',
        level: 'commune',
        provinceCode: '33',
        parentName: 'Tỉnh Hưng Yên',
        validFrom: '2025-07-01',
        validTo: null,
        provenance: { source: 'GSO administrative unit list (wards.csv)', licence: 'unspecified', demo: [] },
      },
      at: { file: 'wards.csv', line: 2 },
    });
  });

  it('tells the provinces shape by its header (CRLF file) and takes provenance from the options', () => {
    const items = parseAdminUnitsCsv('data/provinces.csv', read('provinces-excerpt.csv'), {
      validFrom: '2025-07-01',
      source: 'dvhcvn/20250701 @ dd94887c',
      licence: 'MIT',
      attribution: 'Copyright (c) 2025 dvhcvn',
    });
    expect(items.map((i) => [i.record.code, i.record.name, i.record.unitType, i.record.level, i.record.provinceCode, i.at.line])).toEqual([
      ['01', 'Thành phố Hà Nội', 'Thành phố', 'province', '01', 2],
      ['33', 'Tỉnh Hưng Yên', 'Tỉnh', 'province', '33', 3],
    ]);
    expect(items[0]?.record.parentName).toBeUndefined();
    expect(items[0]?.record.provenance).toEqual({ source: 'dvhcvn/20250701 @ dd94887c', licence: 'MIT', attribution: 'Copyright (c) 2025 dvhcvn', demo: [] });
  });

  it('rejects a 7-digit code at its line, naming the CSV column', () => {
    expect(rejectionOf(() => parseAdminUnitsCsv('bad.csv', read('admin-units-one-bad-row.csv'), options)).message).toBe(
      'bad.csv:3:commune_code: expected a GSO code of 2 to 5 digits',
    );
  });

  it('rejects a commune code that is not 5 digits, an empty name, a duplicate and an unknown shape', () => {
    const header = 'commune_code,commune_name,unit_type,province_code,province_name\n';
    expect(rejectionOf(() => parseAdminUnitsCsv('t.csv', `${header}124,Phường X,Phường,33,Tỉnh Hưng Yên\n`, options)).message).toBe(
      't.csv:2:commune_code: expected a commune code of 5 digits',
    );
    expect(rejectionOf(() => parseAdminUnitsCsv('t.csv', `${header}12452,,Phường,33,Tỉnh Hưng Yên\n`, options)).field).toBe('commune_name');
    const twice = `${header}12452,Phường A,Phường,33,Tỉnh Hưng Yên\n12452,Phường B,Phường,33,Tỉnh Hưng Yên\n`;
    expect(rejectionOf(() => parseAdminUnitsCsv('t.csv', twice, options)).message).toBe('t.csv:3:commune_code: "12452" appears again (first at line 2)');
    expect(rejectionOf(() => parseAdminUnitsCsv('t.csv', 'code,name\n1,x\n', options)).message).toMatch(/^t\.csv:1:\(header\): not a GSO list/);
    expect(rejectionOf(() => parseAdminUnitsCsv('t.csv', 'commune_code,commune_name\n12452,x\n', options)).message).toMatch(
      /^t\.csv:1:\(header\): missing columns unit_type, province_code, province_name/,
    );
  });
});
