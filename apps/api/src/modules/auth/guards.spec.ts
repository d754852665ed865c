// The guards other modules use, with a faked AuthService: who gets through, what is refused, what is recorded.
import type { ExecutionContext } from '@nestjs/common';
import { loadConfig } from '@pho-so/server/config';
import { AdminOnlyGuard } from './admin-only.guard';
import type { AuthService, Authenticated } from './auth.service';
import { OfficialSessionGuard } from './official-session.guard';
import type { SessionOfficial } from './auth.types';
import { ProblemException } from '../../common/problem-details.filter';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readSessionCookie, setSessionCookie } from './session-cookie';

const editor: SessionOfficial = { id: 'e1', email: 'editor@thaibinh.gov.vn', displayName: 'E', role: 'ward_editor', wardIds: [7] };
const admin: SessionOfficial = { ...editor, id: 'a1', email: 'admin@thaibinh.gov.vn', role: 'admin', wardIds: [] };

function fakeAuth(result: Authenticated) {
  const denied: unknown[] = [];
  const touched: string[] = [];
  const auth = {
    authenticate: async () => result,
    touch: async (id: string) => void touched.push(id),
    recordDenied: async (record: unknown) => void denied.push(record),
  } as unknown as AuthService;
  return { auth, denied, touched };
}

function context(request: Record<string, unknown>): ExecutionContext {
  const reply = { header: () => reply };
  return { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ExecutionContext;
}

const request = (method: string, headers: Record<string, string> = {}, body?: unknown) => ({
  method,
  url: '/api/v1/workspace/x',
  id: 'req-9',
  headers: { cookie: `pho_so_session=${'a'.repeat(43)}`, ...headers },
  body,
});

const config = loadConfig({ PUBLIC_BASE_URL: 'https://phoso.hungyen.gov.vn' });
const valid: Authenticated = { ok: true, official: editor, sessionId: 's1', csrfToken: 'token-1' };

const problemOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
};

describe('OfficialSessionGuard', () => {
  it('lets a GET with a valid session through, sets request.official and touches the session', async () => {
    const { auth, touched } = fakeAuth(valid);
    const req = request('GET');
    await expect(new OfficialSessionGuard(auth, config).canActivate(context(req))).resolves.toBe(true);
    expect(req).toMatchObject({ official: editor, officialSession: { id: 's1', csrfToken: 'token-1' } });
    expect(touched).toEqual(['s1']);
  });

  it('needs the CSRF token on writes (header or _csrf field) and the configured Origin; records each 403', async () => {
    const { auth, denied, touched } = fakeAuth(valid);
    const guard = new OfficialSessionGuard(auth, config);
    expect(await problemOf(guard.canActivate(context(request('PATCH'))))).toMatchObject({ status: 403, type: '/api/problems/csrf-token-missing' });
    expect(await problemOf(guard.canActivate(context(request('DELETE', { 'x-csrf-token': 'token-2' }))))).toMatchObject({ status: 403, type: '/api/problems/csrf-token-invalid' });
    expect(await problemOf(guard.canActivate(context(request('POST', { 'x-csrf-token': 'token-1', origin: 'http://localhost:3000' }))))).toMatchObject({ type: '/api/problems/origin-not-allowed' });
    expect(touched).toEqual([]);
    expect(denied).toHaveLength(3);
    expect(denied[0]).toMatchObject({ actorId: 'e1', action: 'forbidden', entityType: 'route', entityId: 'PATCH /api/v1/workspace/x', requestId: 'req-9' });
    await expect(guard.canActivate(context(request('POST', { origin: 'https://phoso.hungyen.gov.vn' }, { _csrf: 'token-1' })))).resolves.toBe(true);
  });

  it('answers 401 without a session, and records a presented but ended one', async () => {
    const none = fakeAuth({ ok: false, problem: 'no-session' });
    const noCookie = { ...request('GET'), headers: {} };
    expect(await problemOf(new OfficialSessionGuard(none.auth, config).canActivate(context(noCookie)))).toMatchObject({ status: 401, type: '/api/problems/unauthenticated' });
    expect(none.denied).toEqual([]);
    const ended = fakeAuth({ ok: false, problem: 'session-idle-expired', officialId: 'e1', email: editor.email });
    expect(await problemOf(new OfficialSessionGuard(ended.auth, config).canActivate(context(request('GET'))))).toMatchObject({ status: 401, type: '/api/problems/session-idle-expired' });
    expect(ended.denied).toEqual([expect.objectContaining({ actorId: 'e1', action: 'unauthorized' })]);
  });
});

describe('AdminOnlyGuard', () => {
  it('lets an admin through and answers a ward editor 403, recorded', async () => {
    const { auth, denied } = fakeAuth(valid);
    const guard = new AdminOnlyGuard(auth);
    await expect(guard.canActivate(context({ ...request('GET'), official: admin }))).resolves.toBe(true);
    expect(await problemOf(guard.canActivate(context({ ...request('GET'), official: editor })))).toMatchObject({ status: 403, type: '/api/problems/admin-only', detail_vi: expect.any(String) });
    expect(denied).toEqual([expect.objectContaining({ actorId: 'e1', action: 'forbidden', newValue: { reason: 'admin-only' } })]);
    expect(await problemOf(guard.canActivate(context(request('GET'))))).toMatchObject({ status: 401 });
  });
});

describe('session cookie attributes', () => {
  const cookieFor = (COOKIE_SECURE: string, protocol: 'http' | 'https') => {
    let value = '';
    const reply = { header: (_name: string, v: string) => ((value = v), reply) } as unknown as FastifyReply;
    setSessionCookie({ protocol } as FastifyRequest, reply, loadConfig({ COOKIE_SECURE }), 't'.repeat(43));
    return value;
  };

  it('is HttpOnly, SameSite=Lax, Path=/ always; Secure over https (auto), always, or never', () => {
    expect(cookieFor('auto', 'http')).toBe(`pho_so_session=${'t'.repeat(43)}; Path=/; HttpOnly; SameSite=Lax`);
    expect(cookieFor('auto', 'https')).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    expect(cookieFor('always', 'http')).toMatch(/; Secure$/);
    expect(cookieFor('never', 'https')).not.toMatch(/Secure/);
  });

  it('reads only a well-formed token of its own name', () => {
    const token = 'A'.repeat(43);
    expect(readSessionCookie({ headers: { cookie: `other=1; pho_so_session=${token}` } } as FastifyRequest)).toBe(token);
    expect(readSessionCookie({ headers: { cookie: 'pho_so_session=short' } } as FastifyRequest)).toBeNull();
    expect(readSessionCookie({ headers: {} } as FastifyRequest)).toBeNull();
  });
});
