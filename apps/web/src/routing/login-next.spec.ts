import { loginNext } from './login-next';

describe('loginNext', () => {
  it.each(['/api/v1/admin/queues', '/api/v1/admin/queues/', '/api/v1/admin/queues/queue/pho-so?status=failed', '/quan-tri', '/quan-tri/bien', '/en/quan-tri/tai-khoan'])(
    'keeps our own page %s',
    (path) => {
      expect(loginNext(path)).toBe(path);
    },
  );

  it.each([
    ['missing', undefined],
    ['not a string', ['/quan-tri']],
    ['another site', 'https://evil.example/quan-tri'],
    ['a protocol-relative URL', '//evil.example/quan-tri'],
    ['a backslash', '/quan-tri\\..\\evil'],
    ['a page that is not ours to return to', '/duong/ly-bon'],
    ['a look-alike prefix', '/quan-tri-gia'],
    ['a look-alike API path', '/api/v1/admin/queues-other'],
    ['a dot segment', '/quan-tri/../internal/revalidate'],
    ['an encoded dot segment', '/quan-tri/%2E%2e/internal/revalidate'],
    ['a control character', '/quan-tri\r\nLocation: x'],
    ['an overlong value', `/quan-tri/${'a'.repeat(600)}`],
  ])('ignores %s', (_why, value) => {
    expect(loginNext(value)).toBeNull();
  });
});
