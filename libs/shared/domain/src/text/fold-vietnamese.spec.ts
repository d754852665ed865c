import { foldVietnamese, slugify } from './fold-vietnamese';

describe('foldVietnamese', () => {
  it('removes tone marks and maps đ', () => {
    expect(foldVietnamese('Trần Hưng Đạo')).toBe('tran hung dao');
    expect(foldVietnamese('ĐỀ THÁM')).toBe('de tham');
  });
  it('treats precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Lý Bôn'.normalize('NFD'))).toBe(foldVietnamese('Lý Bôn'.normalize('NFC')));
  });
});

describe('slugify', () => {
  it('makes a URL-safe slug', () => {
    expect(slugify('Trần Hưng Đạo')).toBe('tran-hung-dao');
    expect(slugify('  Phố 10/10 ')).toBe('pho-10-10');
  });
});
