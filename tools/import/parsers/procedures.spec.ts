import { readFileSync } from 'node:fs';
import { fixture, rejectionOf } from '../testing/paths';
import { parsePortalProcedures } from './procedures';

const read = (name: string) => readFileSync(fixture(name), 'utf8');
const COMMIT = '53229487610b07e0d7127f529b87c333f19aeb1e';

describe('parsePortalProcedures', () => {
  const items = parsePortalProcedures('procedures.json', read('procedures-excerpt.json'));
  const byCode = (code: string) => items.find((i) => i.record.code === code)?.record;

  it('locates each procedure at the line where its object starts', () => {
    expect(items.map((i) => [i.record.code, i.at.line])).toEqual([
      ['1.001193', 7],
      ['2.000717', 59],
      ['2.001159', 99],
      ['2.000815', 145],
    ]);
  });

  it('maps khai sinh: commune level, three channels with a unitless time kept as such, portal link, provenance', () => {
    const khaiSinh = byCode('1.001193');
    expect(khaiSinh).toMatchObject({
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      levels: ['commune'],
      onlineLevel: null,
      syncedAt: null,
      sourceUrl: expect.stringMatching(/^https:\/\/dichvucong\.gov\.vn\//),
      provenance: {
        source: `dichvucong.gov.vn via chatbot-tthc/chatbot_tthc @ ${COMMIT}`,
        licence: 'public government information',
        demo: [],
        note: 'time has no unit in source text',
      },
    });
    expect(khaiSinh?.channels.map((c) => [c.channel, c.time])).toEqual([
      ['online', { raw: '1', value: 1, unit: null }],
      ['postal', { raw: '1', value: 1, unit: null }],
      ['in_person', { raw: '1', value: 1, unit: null }],
    ]);
    expect(khaiSinh?.results).toEqual(['Giấy khai sinh']);
    expect(khaiSinh?.legalBasis.split('\n').length).toBeGreaterThan(1);
    expect(khaiSinh?.documents).not.toContain('Tên giấy tờMẫu đơn');
  });

  it('reads stated units, three levels and "no information" as no value', () => {
    expect(byCode('2.001159')?.channels.map((c) => c.time)).toEqual([
      { raw: '1 Giờ', value: 1, unit: 'hours' },
      { raw: '1 Giờ', value: 1, unit: 'hours' },
    ]);
    expect(byCode('2.000717')?.channels[0]?.time).toEqual({ raw: '2 Ngày làm việc', value: 2, unit: 'working_days' });
    expect(byCode('2.000717')?.levels).toEqual(['ministry', 'province', 'commune']);
    expect(byCode('2.000815')?.channels[0]?.time).toEqual({ raw: 'Không có thông tin', value: null, unit: null });
  });

  it('skips "Cơ quan khác", a level the record does not model', () => {
    expect(byCode('2.000815')?.levels).toEqual(['commune']);
  });

  it('takes syncedAt from crawled_at when the file states it', () => {
    const dated = JSON.stringify({ ...JSON.parse(read('procedures-excerpt.json')), crawled_at: '2026-01-15T08:00:00+07:00' });
    expect(parsePortalProcedures('p.json', dated)[0]?.record.syncedAt).toBe('2026-01-15T08:00:00+07:00');
  });

  it('rejects an unknown channel at the line of that channel', () => {
    expect(rejectionOf(() => parsePortalProcedures('p.json', read('procedures-bad-channel.json'))).message).toBe(
      'p.json:81:submission_methods.1.channel: expected one of Trực tuyến, Dịch vụ bưu chính, Trực tiếp',
    );
  });

  it('rejects a bad code, an unknown level and a duplicate at their lines', () => {
    const doc = JSON.parse(read('procedures-excerpt.json'));
    const withChange = (change: (p: Record<string, unknown>[]) => void) => {
      const copy = structuredClone(doc);
      change(copy.procedures);
      return JSON.stringify(copy, null, 1);
    };
    expect(rejectionOf(() => parsePortalProcedures('p.json', withChange((p) => (p[1]!.procedure_code = '1.00119')))).message).toMatch(
      /^p\.json:\d+:procedure_code: expected a national procedure code such as 1\.001193$/,
    );
    expect(rejectionOf(() => parsePortalProcedures('p.json', withChange((p) => (p[0]!.levels = 'Cấp huyện')))).message).toMatch(
      /^p\.json:\d+:levels: unknown level "Cấp huyện"/,
    );
    expect(rejectionOf(() => parsePortalProcedures('p.json', withChange((p) => (p[2]!.procedure_code = '1.001193')))).message).toMatch(
      /^p\.json:\d+:procedure_code: "1\.001193" appears again \(first at line 7\)$/,
    );
    expect(rejectionOf(() => parsePortalProcedures('p.json', '{"procedures": {}}')).message).toBe('p.json:1:procedures: expected an array of procedures');
  });
});
