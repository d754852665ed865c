import { readFileSync } from 'node:fs';
import { fixture, rejectionOf } from '../testing/paths';
import { parseServicePointsCsv, SERVICE_POINT_COLUMNS } from './service-points';

const read = (name: string) => readFileSync(fixture(name), 'utf8');
const header = `${SERVICE_POINT_COLUMNS.join(',')}\n`;
const row = (cells: Partial<Record<(typeof SERVICE_POINT_COLUMNS)[number], string>>) =>
  SERVICE_POINT_COLUMNS.map((c) =>
    JSON.stringify(
      cells[c] ??
        {
          key: 'ttphcc-13225',
          kind: 'ward_centre',
          name: 'Trung tâm',
          ward_code: '13225',
          address: 'Địa chỉ mẫu',
          lat: '20.45',
          lng: '106.34',
          opening_hours: 'Mo-Fr 07:30-11:30',
          source: 'demo',
          licence: 'demo',
        }[c as string] ??
        '',
    ),
  ).join(',');

describe('parseServicePointsCsv', () => {
  it('reads the documented columns, with lists, empty optional cells and a cell spanning two lines', () => {
    const items = parseServicePointsCsv('sp.csv', read('service-points.csv'));
    expect(items.map((i) => [i.record.key, i.at.line])).toEqual([
      ['ttphcc-13225', 2],
      ['ttphcc-12452', 3],
      ['ttphcc-tinh-hung-yen', 5],
    ]);
    expect(items[1]?.record).toEqual({
      key: 'ttphcc-12452',
      kind: 'ward_centre',
      name: 'Trung tâm Phục vụ hành chính công phường Trần Hưng Đạo',
      wardCode: '12452',
      address: 'Địa chỉ mẫu (demo), phường Trần Hưng Đạo, Hưng Yên',
      point: { lat: 20.4502, lng: 106.3345 },
      phone: '0227 000 0000',
      email: 'ttphcc.demo@example.vn',
      openingHours: 'Mo-Fr 07:30-11:30,13:30-17:00',
      accessibilityNotes: 'Có dốc cho xe lăn (demo).\nThang máy lên tầng 2 (demo).',
      proceduresNotAccepted: ['1.001193', '2.000815'],
      provenance: { source: 'demo', licence: 'demo', demo: ['*'] },
    });
    expect(items[0]?.record).toMatchObject({ phone: null, email: null, proceduresNotAccepted: [] });
    // No closures column: the importer must leave closures entered by officials alone.
    expect(items[0]?.record.closures).toBeUndefined();
    expect(items[2]?.record).toMatchObject({ kind: 'provincial_centre', wardCode: null });
  });

  it('rejects a decimal comma at its line and column, not reading it as 0 or 20', () => {
    expect(rejectionOf(() => parseServicePointsCsv('sp.csv', read('service-points-one-bad-row.csv'))).message).toBe(
      'sp.csv:3:lat: "20,4200" is not a decimal number (use "." as decimal separator)',
    );
  });

  it.each([
    [{ lng: '' }, 'sp.csv:2:lng: required'],
    [{ lat: '95' }, 'sp.csv:2:lat: Too big: expected number to be <=90'],
    [{ kind: 'office' }, 'sp.csv:2:kind'],
    [{ key: 'TTPHCC 1' }, 'sp.csv:2:key'],
    [{ key: 'k'.repeat(65) }, 'sp.csv:2:key: at most 64 characters'],
    [{ ward_code: '1322' }, 'sp.csv:2:ward_code: "1322" is not a 5-digit GSO ward code'],
    [{ email: 'not-an-email' }, 'sp.csv:2:email'],
    [{ opening_hours: '' }, 'sp.csv:2:opening_hours'],
    [{ procedures_not_accepted: '1.001193;khai sinh' }, 'sp.csv:2:procedures_not_accepted: "khai sinh" is not a national procedure code'],
    [{ source: '' }, 'sp.csv:2:source: required (or pass --source)'],
  ])('rejects %j', (cells, message) => {
    expect(rejectionOf(() => parseServicePointsCsv('sp.csv', header + row(cells))).message).toContain(message);
  });

  it('takes --source / --licence for rows that leave them empty', () => {
    const [item] = parseServicePointsCsv('sp.csv', header + row({ source: '', licence: '', demo_fields: 'point; phone' }), {
      source: 'Ward survey 2026',
      licence: 'CC BY 4.0',
    });
    expect(item?.record.provenance).toEqual({ source: 'Ward survey 2026', licence: 'CC BY 4.0', demo: ['point', 'phone'] });
  });

  it('rejects a duplicate key and a header with an unknown column', () => {
    expect(rejectionOf(() => parseServicePointsCsv('sp.csv', header + row({}) + '\n' + row({}))).message).toBe(
      'sp.csv:3:key: "ttphcc-13225" appears again (first at line 2)',
    );
    expect(rejectionOf(() => parseServicePointsCsv('sp.csv', header.replace('\n', ',fax\n') + row({}) + ',x')).message).toMatch(/^sp\.csv:1:fax: unknown column/);
  });
});
