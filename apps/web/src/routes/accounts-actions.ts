// The account forms' handlers (route handlers under /quan-tri/tai-khoan/...): each reads a plain HTML
// form, forwards it to /api/v1/admin/accounts with the official's session cookie, the form's CSRF token
// and the browser's Origin, then redirects (303) back to the page with a one-shot flash.
import { asFlash, type AccountForm, type AccountsFlash } from '../data/accounts';
import { callApi, fieldErrorsOf, SESSION_COOKIE, WorkspaceApiUnavailable, type ApiAnswer } from '../data/workspace';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { flashCookies } from '../lib/flash';
import { isHttps, seeOther } from './workspace-actions';

const LIST_PATH = '/quan-tri/tai-khoan';

const withFlash = (request: Request, location: string, flash: AccountsFlash | 'session-ended') =>
  seeOther(location, flashCookies(flash === 'session-ended' ? { kind: 'session-ended' } : asFlash(flash), isHttps(request)));

function sessionOf(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

async function formOf(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

const text = (form: FormData | null, name: string): string => {
  const value = form?.get(name);
  return typeof value === 'string' ? value : '';
};

const wardList = (value: string): string[] => value.split(/[\s,;]+/).filter(Boolean);

interface Sent {
  path: string;
  method: 'POST' | 'PATCH';
  json: Record<string, unknown>;
  /** Where the outcome is shown, and which form's errors. */
  page: string;
  form: AccountForm;
  /** What the form shows again after an error (never a password). */
  values: Record<string, string>;
  success: (answer: ApiAnswer) => { location: string; flash: AccountsFlash };
}

async function forward(request: Request, locale: Locale, csrfToken: string, sent: Sent): Promise<Response> {
  const session = sessionOf(request);
  if (!session) return withFlash(request, localePath(locale, '/quan-tri/dang-nhap'), 'session-ended');
  let answer: ApiAnswer;
  try {
    answer = await callApi(sent.path, { method: sent.method, session, csrfToken, json: sent.json, origin: request.headers.get('origin'), forwardedFor: request.headers.get('x-forwarded-for') });
  } catch (error) {
    if (!(error instanceof WorkspaceApiUnavailable)) throw error;
    const message = { vi: messagesFor('vi').workspace.unavailable, en: messagesFor('en').workspace.unavailable };
    return withFlash(request, sent.page, { kind: 'account-invalid', form: sent.form, values: sent.values, errors: [{ field: '', message }] });
  }
  if (answer.status === 401) return withFlash(request, localePath(locale, '/quan-tri/dang-nhap'), 'session-ended');
  if (answer.status >= 200 && answer.status < 300) {
    const { location, flash } = sent.success(answer);
    return withFlash(request, location, flash);
  }
  if (answer.status === 404) return seeOther(sent.page);
  if (answer.status >= 400 && answer.status < 500) return withFlash(request, sent.page, { kind: 'account-invalid', form: sent.form, values: sent.values, errors: fieldErrorsOf(answer.body) });
  throw new WorkspaceApiUnavailable(sent.path, `HTTP ${answer.status}`);
}

interface IdParams {
  params: Promise<{ id: string }>;
}

/** POST …/quan-tri/tai-khoan/tao: the create form. */
export function createAccountHandler(locale: Locale) {
  return async function POST(request: Request): Promise<Response> {
    const form = await formOf(request);
    const values = { email: text(form, 'email').trim(), displayName: text(form, 'displayName').trim(), role: text(form, 'role'), wards: text(form, 'wards') };
    const page = localePath(locale, LIST_PATH);
    return forward(request, locale, text(form, '_csrf'), {
      path: '/api/v1/admin/accounts',
      method: 'POST',
      json: { email: values.email, displayName: values.displayName, role: values.role, wards: values.role === 'admin' ? [] : wardList(values.wards), password: text(form, 'password') },
      page,
      form: 'create',
      values,
      success: (answer) => {
        const email = answer.body && !Array.isArray(answer.body) && typeof answer.body['email'] === 'string' ? answer.body['email'] : values.email;
        return { location: page, flash: { kind: 'account-created', email } };
      },
    });
  };
}

/** POST …/quan-tri/tai-khoan/{id}/luu: name, role, wards, disabled. */
export function saveAccountHandler(locale: Locale) {
  return async function POST(request: Request, { params }: IdParams): Promise<Response> {
    const { id } = await params;
    const form = await formOf(request);
    const values = { displayName: text(form, 'displayName').trim(), role: text(form, 'role'), wards: text(form, 'wards'), disabled: text(form, 'disabled') === 'true' ? 'true' : 'false' };
    const page = localePath(locale, `${LIST_PATH}/${encodeURIComponent(id)}`);
    return forward(request, locale, text(form, '_csrf'), {
      path: `/api/v1/admin/accounts/${encodeURIComponent(id)}`,
      method: 'PATCH',
      json: { displayName: values.displayName, role: values.role, wards: values.role === 'admin' ? [] : wardList(values.wards), disabled: values.disabled === 'true' },
      page,
      form: 'edit',
      values,
      success: () => ({ location: page, flash: { kind: 'account-saved' } }),
    });
  };
}

/** POST …/quan-tri/tai-khoan/{id}/mat-khau: the admin sets a new password. */
export function setAccountPasswordHandler(locale: Locale) {
  return async function POST(request: Request, { params }: IdParams): Promise<Response> {
    const { id } = await params;
    const form = await formOf(request);
    const page = localePath(locale, `${LIST_PATH}/${encodeURIComponent(id)}`);
    return forward(request, locale, text(form, '_csrf'), {
      path: `/api/v1/admin/accounts/${encodeURIComponent(id)}/password`,
      method: 'POST',
      json: { password: text(form, 'password') },
      page,
      form: 'password',
      values: {},
      success: () => ({ location: page, flash: { kind: 'account-password-set' } }),
    });
  };
}
