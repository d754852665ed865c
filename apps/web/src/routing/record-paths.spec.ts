import { plateCodeFromSerial } from '@pho-so/shared/domain';
import { classifyPath, notFoundPageFor } from './record-paths';

describe('classifyPath', () => {
  const code = plateCodeFromSerial('TB', 421);

  it.each([
    [`/q/${code}`, 'vi', 'plate', `/api/v1/plates/${code}`],
    [`/Q/${code}`, 'vi', 'plate', `/api/v1/plates/${code}`],
    [`/en/q/${code.toLowerCase()}`, 'en', 'plate', `/api/v1/plates/${code}`],
    ['/duong/ly-bon', 'vi', 'street', '/api/v1/streets/ly-bon'],
    ['/en/thu-tuc/1.001234', 'en', 'procedure', '/api/v1/procedures/1.001234'],
    ['/diem-phuc-vu/0F0E0D0C-0000-4000-8000-000000000000', 'vi', 'service-point', '/api/v1/service-points/0f0e0d0c-0000-4000-8000-000000000000'],
  ])('%s is a %s page of a %s, checked at %s', (path, locale, record, apiPath) => {
    expect(classifyPath(path)).toEqual({ kind: 'record', locale, record, apiPath });
  });

  it.each([
    ['a code with a wrong check character', `/q/${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`],
    ['a code far too long', `/q/${'A'.repeat(200)}`],
    ['a slug with capitals and spaces', '/duong/Ly%20Bon'],
    ['a broken percent-escape', '/duong/%E0%A4%A'],
    ['a service point id that is no UUID', '/en/diem-phuc-vu/abc'],
  ])('%s names no record: no API call needed', (_label, path) => {
    expect(classifyPath(path)).toMatchObject({ kind: 'record', apiPath: null });
  });

  it('the not-found pages themselves are recognised (they answer 404 when asked for directly)', () => {
    expect(classifyPath('/khong-tim-thay/bien')).toEqual({ kind: 'not-found-page', locale: 'vi', page: '/khong-tim-thay/bien' });
    expect(classifyPath('/en/khong-tim-thay')).toEqual({ kind: 'not-found-page', locale: 'en', page: '/khong-tim-thay' });
  });

  it.each(['/', '/en', '/tim-kiem', '/kiem-tra', '/duong', '/duong/ly-bon/extra', '/api/v1/streets/ly-bon'])('%s is not a record page', (path) => {
    expect(classifyPath(path)).toBeNull();
  });

  it('a missing plate gets the not-official-plate page, other records the general one, in their language', () => {
    expect(notFoundPageFor('vi', 'plate')).toBe('/khong-tim-thay/bien');
    expect(notFoundPageFor('en', 'plate')).toBe('/en/khong-tim-thay/bien');
    expect(notFoundPageFor('en', 'street')).toBe('/en/khong-tim-thay');
  });
});
