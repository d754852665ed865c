import { dossierText, legalBasisText, plainText } from './portal-text';

describe('plainText', () => {
  it('normalises white space and line breaks, and empties the "no information" placeholder', () => {
    expect(plainText('  a\u00a0 b \r\n\r\n\r\n c\t ')).toBe('a b\n\nc');
    expect(plainText('Không có thông tin')).toBe('');
    expect(plainText('Không.')).toBe('Không.');
  });
});

describe('dossierText', () => {
  it('drops the glued table header and puts each document on its own line', () => {
    const raw =
      '--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký khai sinh;1 bản chínhGiấy chứng sinh0 bản chính,1 bản saoGiấy tờ khác1 bản sao';
    expect(dossierText(raw)).toBe('Tờ khai đăng ký khai sinh;1 bản chính\nGiấy chứng sinh0 bản chính,1 bản sao\nGiấy tờ khác1 bản sao');
  });
});

describe('legalBasisText', () => {
  it('puts each document on its own line with its number, where the number ends at a known issuer', () => {
    const raw =
      'Tên văn bản pháp lýMã văn bảnQuy định chi tiết Luật Trách nhiệm bồi thường68/2018/NĐ-CPTrách nhiệm bồi thường của nhà nước10/2017/QH14' +
      'sửa đổi Nghị định số 66.7/2025/NQ-CP của Chính phủ14/2026/NĐ-CPThông tư02/2017/TT-VPCP';
    expect(legalBasisText(raw)).toBe(
      [
        'Quy định chi tiết Luật Trách nhiệm bồi thường (68/2018/NĐ-CP)',
        'Trách nhiệm bồi thường của nhà nước (10/2017/QH14)',
        'sửa đổi Nghị định số 66.7/2025/NQ-CP của Chính phủ (14/2026/NĐ-CP)',
        'Thông tư (02/2017/TT-VPCP)',
      ].join('\n'),
    );
  });

  it('leaves a number inline when its start cannot be told from the title (glued to a digit or dash)', () => {
    expect(legalBasisText('Chính sách giai đoạn 2026-203016/2026/QĐ-UBND')).toBe('Chính sách giai đoạn 2026-203016/2026/QĐ-UBND');
  });

  it('never drops a character of the source other than the header', () => {
    const raw = 'Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định123/2015/NĐ-CP';
    const squeeze = (s: string) => s.replace(/[\s()]/g, '');
    expect(squeeze(legalBasisText(raw))).toBe(squeeze(raw.replace('Tên văn bản pháp lýMã văn bản', '')));
  });
});
