import type { ProcedureSummary } from '@pho-so/shared/contracts';
import { groupProceduresByField } from './procedure-groups';

const procedure = (code: string, name: string, field: string): ProcedureSummary => ({
  code,
  name,
  field,
  levels: ['commune'],
  onlineLevel: null,
  filingPlaces: [{ kind: 'any_commune_centre' }],
  channels: [],
  portalUrl: `https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${code}`,
});

describe('groupProceduresByField', () => {
  const list = [
    procedure('1.000001', 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới', 'Hộ tịch'),
    procedure('1.000002', 'Thủ tục đăng ký khai sinh', 'Hộ tịch'),
    procedure('1.000003', 'Thủ tục đăng ký kết hôn', 'Hộ tịch'),
    procedure('1.000004', 'Chứng thực bản sao từ bản chính', 'Chứng thực'),
    procedure('1.000005', 'Thủ tục đăng ký khai tử', 'Hộ tịch'),
    procedure('1.000006', 'Hòa giải tranh chấp đất đai', 'Đất đai'),
    procedure('1.000007', 'Chứng thực chữ ký', 'Chứng thực'),
  ];

  it('puts the field with most procedures first, then by name', () => {
    expect(groupProceduresByField(list, { maxFields: 5, perField: 5 }).map((g) => g.field)).toEqual(['Hộ tịch', 'Chứng thực', 'Đất đai']);
  });

  it('shows the general procedure before its long-named special cases and counts what is hidden', () => {
    const [hoTich] = groupProceduresByField(list, { maxFields: 1, perField: 3 });
    expect(hoTich?.shown.map((p) => p.code)).toEqual(['1.000003', '1.000005', '1.000002']);
    expect(hoTich?.hiddenCount).toBe(1);
  });

  it('caps the number of fields and copes with an empty list', () => {
    expect(groupProceduresByField(list, { maxFields: 2, perField: 1 })).toHaveLength(2);
    expect(groupProceduresByField([], { maxFields: 2, perField: 1 })).toEqual([]);
  });
});
