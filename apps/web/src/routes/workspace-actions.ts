// The workspace's form handlers (route handlers under /quan-tri/...): each reads a plain HTML form,
// forwards it to the API with the official's session cookie and the form's CSRF token (and the
// browser's Origin, which the API checks), then redirects (303) to a page that shows the outcome
// through a one-shot flash (lib/flash.ts). Login and logout relay the API's Set-Cookie as is.
import {
  callApi,
  detailOf,
  fieldErrorsOf,
  SESSION_COOKIE,
  WorkspaceApiUnavailable,
  type ApiAnswer,
  type ServicePointRecord,
} from '../data/workspace';
import { webConfig } from '../config';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { flashCookies, type Flash } from '../lib/flash';
import { frameFromFields, pickedPoint } from '../view-model/pick-map';
import { loginNext } from '../routing/login-next';

export const isHttps = (request: Request) => new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';

/**
 * The API's cookies as the browser gets them. The web app reaches the API over plain HTTP on the
 * internal network, so the API cannot see that the browser came over HTTPS (COOKIE_SECURE=auto would
 * leave Secure off): the web app, which does see it (the edge's X-Forwarded-Proto), adds it.
 */
export function relayedCookies(request: Request, setCookies: readonly string[]): string[] {
  if (!isHttps(request)) return [...setCookies];
  return setCookies.map((cookie) => (/;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`));
}

export function seeOther(location: string, setCookies: string[] = []): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const cookie of setCookies) headers.append('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}

export const withFlash = (request: Request, location: string, flash: Flash, setCookies: string[] = []) => seeOther(location, [...setCookies, ...flashCookies(flash, isHttps(request))]);

export function sessionOf(request: Request): string | null {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

export async function formOf(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

export const text = (form: FormData | null, name: string): string => {
  const value = form?.get(name);
  return typeof value === 'string' ? value : '';
};

export const forwarding = (request: Request) => ({ origin: request.headers.get('origin'), forwardedFor: request.headers.get('x-forwarded-for') });

export const unavailable = (locale: Locale) => {
  const vi = messagesFor('vi').workspace.unavailable;
  const en = messagesFor('en').workspace.unavailable;
  return { vi, en, locale };
};

/** POST …/quan-tri/dang-nhap/gui: email and password to the API; the session cookie comes back. */
export function loginHandler(locale: Locale) {
  return async function POST(request: Request): Promise<Response> {
    const form = await formOf(request);
    const email = text(form, 'email').trim().slice(0, 254);
    // Where the official was going (the queue dashboard's redirect); kept across a failed attempt.
    const next = loginNext(text(form, 'next'));
    const loginPage = `${localePath(locale, '/quan-tri/dang-nhap')}${next ? `?next=${encodeURIComponent(next)}` : ''}`;
    let answer: ApiAnswer;
    try {
      answer = await callApi('/api/v1/auth/login', { method: 'POST', session: sessionOf(request), json: { email, password: text(form, 'password') }, ...forwarding(request) });
    } catch (error) {
      if (!(error instanceof WorkspaceApiUnavailable)) throw error;
      const { vi, en } = unavailable(locale);
      return withFlash(request, loginPage, { kind: 'login-failed', email, message: { vi, en } });
    }
    if (answer.status === 200) return seeOther(next ?? localePath(locale, '/quan-tri'), relayedCookies(request, answer.setCookies));
    const body = answer.body && !Array.isArray(answer.body) ? answer.body : {};
    const retryAfter = answer.status === 429 ? Number(body['retryAfterSeconds'] ?? answer.headers.get('retry-after') ?? 0) || 1 : undefined;
    const errors = answer.status === 400 ? fieldErrorsOf(answer.body) : [];
    const message = errors.length > 0 ? { vi: errors.map((e) => e.message.vi).join(' '), en: errors.map((e) => e.message.en).join(' ') } : detailOf(answer.body);
    return withFlash(request, loginPage, { kind: 'login-failed', email, message, ...(retryAfter ? { retryAfter } : {}) });
  };
}

/** POST …/quan-tri/dang-xuat: ends the session at the API and clears the cookie. */
export function logoutHandler(locale: Locale) {
  return async function POST(request: Request): Promise<Response> {
    const form = await formOf(request);
    const session = sessionOf(request);
    let setCookies: string[] = [];
    if (session) {
      try {
        const answer = await callApi('/api/v1/auth/logout', { method: 'POST', session, csrfToken: text(form, '_csrf'), json: {}, ...forwarding(request) });
        setCookies = answer.setCookies;
      } catch (error) {
        if (!(error instanceof WorkspaceApiUnavailable)) throw error;
      }
    }
    // Cleared here too, whatever the API said: the browser forgets the session either way.
    const cleared = `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${isHttps(request) ? '; Secure' : ''}`;
    return withFlash(request, localePath(locale, '/quan-tri/dang-nhap'), { kind: 'logged-out' }, [...relayedCookies(request, setCookies.filter((c) => !c.startsWith(`${SESSION_COOKIE}=`))), cleared]);
  };
}

interface IdParams {
  params: Promise<{ id: string }>;
}

/** The form's values, as typed (for the page to show them again). */
const FORM_FIELDS = ['name', 'address', 'phone', 'email', 'openingHours', 'accessibilityNotes', 'lat', 'lng', 'proceduresNotAccepted'] as const;
const NEW_CLOSURE = ['newClosure.from', 'newClosure.to', 'newClosure.reason'] as const;

/** The closures the form sends: the list it showed, minus the ones ticked for removal, plus the new one. */
function closuresOf(form: FormData | null): { json: string; shown: string; added: boolean } {
  let list: Array<{ from: string; to: string; reason: string }> = [];
  try {
    const parsed = JSON.parse(text(form, 'closures') || '[]') as unknown;
    if (Array.isArray(parsed)) list = parsed as typeof list;
  } catch {
    list = [];
  }
  const removed = new Set((form?.getAll('removeClosure') ?? []).map(String));
  list = list.filter((_, i) => !removed.has(String(i)));
  const shown = JSON.stringify(list);
  const [from, to, reason] = NEW_CLOSURE.map((name) => text(form, name).trim());
  const added = Boolean(from || to || reason);
  if (added) list.push({ from: from!, to: to!, reason: reason! });
  return { json: JSON.stringify(list), shown, added };
}

const codeLines = (value: string): string[] =>
  value
    .split(/[\r\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);

/** A typed coordinate as a number when it reads as one (else as typed, for the API to say what is wrong). */
const coordinate = (value: string): number | string => (value.trim() !== '' && Number.isFinite(Number(value.trim())) ? Number(value.trim()) : value);

/** The edit: the fields whose value differs from the one the form started from (`orig.<field>`). */
function changedValues(form: FormData | null, values: Record<string, string>): Record<string, string> {
  const lines = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n') : value);
  return Object.fromEntries(Object.entries(values).filter(([name, value]) => lines(form?.get(`orig.${name}`)) !== lines(value)));
}

function patchOf(changed: Record<string, string>, baseVersion: number, values: Record<string, string> = {}): Record<string, unknown> {
  const patch: Record<string, unknown> = { baseVersion };
  for (const [name, value] of Object.entries(changed)) {
    if (name === 'lat' || name === 'lng') patch['location'] = { lat: coordinate(values['lat'] ?? ''), lng: coordinate(values['lng'] ?? '') };
    else if (name === 'closures') patch['closures'] = JSON.parse(value) as unknown;
    else if (name === 'proceduresNotAccepted') patch['proceduresNotAccepted'] = codeLines(value);
    else if (NEW_CLOSURE.includes(name as (typeof NEW_CLOSURE)[number])) continue;
    else patch[name] = (name === 'phone' || name === 'email') && value.trim() === '' ? null : value;
  }
  return patch;
}

/** What a write's answer means for the official: the page to go to and what it shows. */
function afterWrite(
  request: Request,
  locale: Locale,
  id: string,
  answer: ApiAnswer,
  written: { values: Record<string, string>; changed: Record<string, string>; baseVersion: number; confirm: boolean },
): Response {
  const { values, changed, baseVersion, confirm } = written;
  const page = localePath(locale, `/quan-tri/diem-phuc-vu/${id}`);
  if (answer.status === 200) {
    const record = answer.body as unknown as ServicePointRecord;
    return withFlash(request, page, confirm ? { kind: 'confirmed', id } : { kind: 'saved', id, changed: record.version !== baseVersion });
  }
  if (answer.status === 401) return withFlash(request, localePath(locale, '/quan-tri/dang-nhap'), { kind: 'session-ended' });
  // Outside the official's wards (or gone): the page answers 404.
  if (answer.status === 404) return seeOther(page);
  // Only what this official changed is carried over: the rest shows the current values.
  if (answer.status === 409) return withFlash(request, page, { kind: 'conflict', id, values: changed });
  if (answer.status === 400 || answer.status === 403 || answer.status === 413 || answer.status === 415) {
    return withFlash(request, page, { kind: 'invalid', id, values, errors: fieldErrorsOf(answer.body) });
  }
  throw new WorkspaceApiUnavailable(`service point ${id}`, `HTTP ${answer.status}`);
}

async function write(request: Request, locale: Locale, id: string, confirm: boolean): Promise<Response> {
  const form = await formOf(request);
  const values: Record<string, string> = confirm ? {} : Object.fromEntries(FORM_FIELDS.map((name) => [name, text(form, name)]));
  const closures = !confirm && form?.has('closures') ? closuresOf(form) : null;
  if (closures) values['closures'] = closures.json;
  const changed = changedValues(form, values);
  // A refused form shows the list without the new closure, whose fields show again as typed.
  if (closures?.added) {
    values['closures'] = closures.shown;
    for (const name of NEW_CLOSURE) values[name] = text(form, name);
  }
  const baseVersion = Number(text(form, 'baseVersion'));
  const session = sessionOf(request);
  if (!session) return withFlash(request, localePath(locale, '/quan-tri/dang-nhap'), { kind: 'session-ended' });
  // A click on the map: the form comes back with the picked coordinates (nothing saved yet).
  const picked = confirm ? null : pickedPoint(frameFromFields(text(form, 'map.lat'), text(form, 'map.lng'), text(form, 'map.span')), text(form, 'pick.x'), text(form, 'pick.y'));
  if (picked) {
    return withFlash(request, localePath(locale, `/quan-tri/diem-phuc-vu/${id}`), {
      kind: 'picked',
      id,
      values: { ...values, lat: String(picked.lat), lng: String(picked.lng), baseVersion: String(baseVersion) },
    });
  }
  const path = `/api/v1/workspace/service-points/${encodeURIComponent(id)}${confirm ? '/confirm' : ''}`;
  let answer: ApiAnswer;
  try {
    answer = await callApi(path, {
      method: confirm ? 'POST' : 'PATCH',
      session,
      csrfToken: text(form, '_csrf'),
      json: confirm ? { baseVersion } : patchOf(changed, baseVersion, values),
      ...forwarding(request),
    });
  } catch (error) {
    if (!(error instanceof WorkspaceApiUnavailable)) throw error;
    const { vi, en } = unavailable(locale);
    return withFlash(request, localePath(locale, `/quan-tri/diem-phuc-vu/${id}`), { kind: 'invalid', id, values, errors: [{ field: '', message: { vi, en } }] });
  }
  return afterWrite(request, locale, id, answer, { values, changed, baseVersion, confirm });
}

/** POST …/quan-tri/diem-phuc-vu/{id}/luu: the edit form. */
export function saveServicePointHandler(locale: Locale) {
  return async function POST(request: Request, { params }: IdParams): Promise<Response> {
    return write(request, locale, (await params).id, false);
  };
}

/** POST …/quan-tri/diem-phuc-vu/{id}/xac-nhan: "still correct". */
export function confirmServicePointHandler(locale: Locale) {
  return async function POST(request: Request, { params }: IdParams): Promise<Response> {
    return write(request, locale, (await params).id, true);
  };
}

/** POST …/quan-tri/lo-qr/tao: starts a QR batch (admin session), then shows its progress page. */
export function createQrBatchHandler(locale: Locale) {
  return async function POST(request: Request): Promise<Response> {
    const form = await formOf(request);
    const formPage = localePath(locale, '/quan-tri/lo-qr');
    const session = sessionOf(request);
    if (!session) return withFlash(request, localePath(locale, '/quan-tri/dang-nhap'), { kind: 'session-ended' });
    const kind = text(form, 'scope');
    const formats = (form?.getAll('formats') ?? []).filter((f): f is string => typeof f === 'string');
    const values = { scope: kind, slugs: text(form, 'slugs'), wardCode: text(form, 'wardCode').trim(), designVersion: text(form, 'designVersion'), formats: formats.join(',') };
    const slugs = values.slugs
      .split(/[\s,]+/)
      .map((slug) => slug.trim().toLowerCase())
      .filter(Boolean);
    const scope = kind === 'ward' ? { kind, wardCode: values.wardCode } : kind === 'streets' ? { kind, slugs } : { kind };
    let answer: ApiAnswer;
    try {
      answer = await callApi('/api/v1/admin/qr-batches', {
        method: 'POST',
        session,
        csrfToken: text(form, '_csrf'),
        json: { scope, designVersion: Number(values.designVersion), formats },
        ...forwarding(request),
      });
    } catch (error) {
      if (!(error instanceof WorkspaceApiUnavailable)) throw error;
      const { vi, en } = unavailable(locale);
      return withFlash(request, formPage, { kind: 'batch-invalid', values, errors: [{ field: '', message: { vi, en } }] });
    }
    if (answer.status === 401) return withFlash(request, localePath(locale, '/quan-tri/dang-nhap'), { kind: 'session-ended' });
    const id = answer.body && !Array.isArray(answer.body) ? answer.body['id'] : undefined;
    if ((answer.status === 200 || answer.status === 201 || answer.status === 202) && typeof id === 'string') return seeOther(localePath(locale, `/quan-tri/lo-qr/${id}`));
    return withFlash(request, formPage, { kind: 'batch-invalid', values, errors: fieldErrorsOf(answer.body) });
  };
}

/** GET …/quan-tri/lo-qr/{id}/tai-ve: the batch's ZIP, streamed from the API with the admin's session. */
export function downloadQrBatchHandler(_locale: Locale) {
  return async function GET(request: Request, { params }: IdParams): Promise<Response> {
    const { id } = await params;
    const session = sessionOf(request);
    let upstream: Response;
    try {
      upstream = await fetch(`${webConfig().apiInternalUrl}/api/v1/admin/qr-batches/${encodeURIComponent(id)}/bundle.zip`, {
        headers: session ? { cookie: `${SESSION_COOKIE}=${session}` } : {},
        cache: 'no-store',
      });
    } catch {
      return new Response('API unavailable', { status: 502, headers: { 'cache-control': 'no-store' } });
    }
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const name of ['content-type', 'content-disposition', 'content-length']) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  };
}
