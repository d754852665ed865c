import { localePath, otherLocale } from './locale';
import { messagesFor } from './messages';

describe('localePath', () => {
  it('keeps Vietnamese at the root and puts English under /en', () => {
    expect(localePath('vi', '/duong/ly-bon')).toBe('/duong/ly-bon');
    expect(localePath('en', '/duong/ly-bon')).toBe('/en/duong/ly-bon');
    expect(localePath('en', '/')).toBe('/en');
    expect(otherLocale('en')).toBe('vi');
  });

  it('refuses a relative path', () => {
    expect(() => localePath('en', 'duong')).toThrow(/absolute/);
  });
});

describe('messages', () => {
  it('has the safety line every page shows, word for word', () => {
    expect(messagesFor('vi').safety).toBe('Trang này không bao giờ yêu cầu thanh toán, mật khẩu hay thông tin cá nhân.');
  });

  it('translates every demo field label in both languages', () => {
    expect(Object.keys(messagesFor('en').demo.fields).sort()).toEqual(Object.keys(messagesFor('vi').demo.fields).sort());
  });
});
