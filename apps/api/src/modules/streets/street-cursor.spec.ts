import { decodeStreetCursor, encodeStreetCursor, searchFingerprint } from './street-cursor';

describe('street cursor', () => {
  const print = searchFingerprint('Trần Hưng', null);

  it('round-trips a keyset as base64url within the 200 characters of cursorSchema, even for the longest slug', () => {
    const slug = `${'a'.repeat(59)}-${'b'.repeat(60)}`; // 120 characters
    const cursor = encodeStreetCursor({ rank: 4999, slug }, print);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]{1,200}$/);
    expect(decodeStreetCursor(cursor, print)).toEqual({ ok: true, keyset: { rank: 4999, slug } });
  });

  it('ties a cursor to its search: the same text however typed, but not another text or ward', () => {
    expect(searchFingerprint('TRAN  HUNG', null)).toBe(print);
    const cursor = encodeStreetCursor({ rank: 3000, slug: 'tran-hung-dao' }, print);
    expect(decodeStreetCursor(cursor, searchFingerprint('tran', null)).ok).toBe(false);
    expect(decodeStreetCursor(cursor, searchFingerprint('Trần Hưng', '12452')).ok).toBe(false);
  });

  it('refuses anything that is not a cursor it made', () => {
    for (const cursor of ['garbage', Buffer.from('2.1.x.slug').toString('base64url'), Buffer.from(`1.-5.${print}.slug`).toString('base64url'), Buffer.from(`1.5.${print}.Not_A_Slug`).toString('base64url')]) {
      expect(decodeStreetCursor(cursor, print)).toMatchObject({ ok: false });
    }
  });
});
