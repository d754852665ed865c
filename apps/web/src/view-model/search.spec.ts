import { searchInputFrom, searchPageHref, streetMatchText } from './search';

describe('search page parameters', () => {
  it('reads the query string, dropping empty values', () => {
    const params = new URLSearchParams('q=+tran+&field=&ward=12466&sc=abc');
    expect(searchInputFrom((name) => params.get(name) ?? undefined)).toEqual({ q: 'tran', ward: '12466', streetsCursor: 'abc' });
  });

  it('builds the next-page link with one cursor and restarts the other list', () => {
    expect(searchPageHref('/tim-kiem', { q: 'trần', proceduresCursor: 'p1' }, { streetsCursor: 's2' })).toBe('/tim-kiem?q=tr%E1%BA%A7n&sc=s2');
    expect(searchPageHref('/tim-kiem', {}, {})).toBe('/tim-kiem');
  });
});

describe('streetMatchText', () => {
  it('says nothing for a name match and explains old names and wards', () => {
    expect(streetMatchText({ on: 'name', text: 'Lý Bôn', ward: null }, 'vi')).toBeNull();
    expect(streetMatchText({ on: 'oldName', text: 'Phố Cũ', ward: null }, 'en')).toBe('old name: Phố Cũ');
    expect(streetMatchText({ on: 'ward', text: 'Xã Vũ Phúc', ward: { code: '12466', name: 'Xã Vũ Phúc', current: false } }, 'vi')).toBe('thuộc Xã Vũ Phúc (trước 1/7/2025)');
  });
});
