import { relayedCookies } from './workspace-actions';

describe('relayedCookies', () => {
  const session = 'pho_so_session=abc; Path=/; HttpOnly; SameSite=Lax';

  it('adds Secure when the browser came over HTTPS (the edge says so), since the API only sees plain HTTP', () => {
    const viaEdge = new Request('http://web:3000/quan-tri/dang-nhap', { method: 'POST', headers: { 'x-forwarded-proto': 'https' } });
    expect(relayedCookies(viaEdge, [session])).toEqual([`${session}; Secure`]);
    expect(relayedCookies(viaEdge, [`${session}; Secure`])).toEqual([`${session}; Secure`]);
  });

  it('leaves cookies as they are over plain HTTP (npm start, tests)', () => {
    expect(relayedCookies(new Request('http://localhost:3000/quan-tri/dang-nhap', { method: 'POST' }), [session])).toEqual([session]);
  });
});
