// The officials' workspace talks to the API on the official's behalf: the browser only ever talks to
// the web app, which forwards the session cookie (pho_so_session, set by the API at login and relayed
// as is) and the CSRF token of the session. Nothing here is cached: every answer is the official's own.
import { cookies, headers } from 'next/headers';
import type { AuditEntry, MyServicePoint, WorkspaceServicePoint } from '@pho-so/shared/contracts';
import { webConfig } from '../config';

export const SESSION_COOKIE = 'pho_so_session';
const API_TIMEOUT_MS = 10_000;

export interface SessionOfficial {
  id: string;
  email: string;
  displayName: string;
  role: 'admin' | 'ward_editor';
  wardIds: number[];
}

export interface Session {
  official: SessionOfficial;
  csrfToken: string;
}

export type { MyServicePoint };

export type ServicePointRecord = WorkspaceServicePoint;

export type { AuditEntry };

export interface MyPlate {
  id: string;
  code: string;
  streetId: string;
  streetSlug: string;
  streetName: string;
  status: string;
  version: number;
  scans30d: number;
  noScans30d: boolean;
}

/** A message in both languages, as the API's problems carry them. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface FieldError {
  field: string;
  message: Bilingual;
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown> | unknown[] | null;
  setCookies: string[];
  headers: Headers;
}

export class WorkspaceApiUnavailable extends Error {
  constructor(path: string, detail: string) {
    super(`API ${path}: ${detail}`);
    this.name = 'WorkspaceApiUnavailable';
  }
}

export interface ForwardOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** The session cookie's value (null: none). */
  session: string | null;
  csrfToken?: string;
  json?: unknown;
  /** The browser's Origin, passed on so the API checks it against PUBLIC_BASE_URL. */
  origin?: string | null;
  /** The client address chain as the web app received it (X-Forwarded-For), for the login throttle. */
  forwardedFor?: string | null;
}

/** Calls the API with the official's session; any answer comes back as a value, a refused connection throws. */
export async function callApi(path: string, { method = 'GET', session, csrfToken, json, origin, forwardedFor }: ForwardOptions): Promise<ApiAnswer> {
  const requestHeaders = new Headers({ accept: 'application/json' });
  if (session) requestHeaders.set('cookie', `${SESSION_COOKIE}=${session}`);
  if (csrfToken) requestHeaders.set('x-csrf-token', csrfToken);
  if (origin) requestHeaders.set('origin', origin);
  if (forwardedFor) requestHeaders.set('x-forwarded-for', forwardedFor);
  if (json !== undefined) requestHeaders.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(`${webConfig().apiInternalUrl}${path}`, {
      method,
      headers: requestHeaders,
      body: json === undefined ? undefined : JSON.stringify(json),
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    });
  } catch (error) {
    throw new WorkspaceApiUnavailable(path, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  let body: ApiAnswer['body'] = null;
  try {
    body = text ? (JSON.parse(text) as ApiAnswer['body']) : null;
  } catch {
    body = null;
  }
  return { status: response.status, body, setCookies: response.headers.getSetCookie(), headers: response.headers };
}

/** The session cookie of the request being rendered. */
export async function sessionCookie(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value ?? null;
}

/** The official and CSRF token of this request's session, or null (no session, ended, or refused). */
export async function currentSession(): Promise<Session | null> {
  const session = await sessionCookie();
  if (!session) return null;
  const answer = await callApi('/api/v1/auth/me', { session });
  if (answer.status !== 200 || !answer.body || Array.isArray(answer.body)) return null;
  return answer.body as unknown as Session;
}

export type Read<T> = { kind: 'ok'; data: T } | { kind: 'not-found' } | { kind: 'unauthenticated' };

/** GET a workspace resource in this request's session. */
export async function workspaceRead<T>(path: string): Promise<Read<T>> {
  const answer = await callApi(path, { session: await sessionCookie() });
  if (answer.status === 200) return { kind: 'ok', data: answer.body as T };
  if (answer.status === 401) return { kind: 'unauthenticated' };
  if (answer.status === 404) return { kind: 'not-found' };
  throw new WorkspaceApiUnavailable(path, `HTTP ${answer.status}`);
}

/** A list answer: the API answers an array (or `{items}`). */
export const itemsOf = <T>(body: unknown): T[] => (Array.isArray(body) ? (body as T[]) : ((body as { items?: T[] } | null)?.items ?? []));

/** The field errors of a 400 problem, in both languages (the auth and workspace shapes). */
export function fieldErrorsOf(body: ApiAnswer['body']): FieldError[] {
  if (!body || Array.isArray(body)) return [];
  const errors = Array.isArray(body['errors']) ? (body['errors'] as Array<Record<string, unknown>>) : [];
  const list = errors.map((error): FieldError => {
    const message = error['message'];
    const field = String(error['field'] ?? error['path'] ?? '');
    if (message && typeof message === 'object') return { field, message: message as Bilingual };
    return { field, message: { en: String(message ?? ''), vi: String(error['message_vi'] ?? message ?? '') } };
  });
  if (list.length === 0 && typeof body['detail'] === 'string') {
    list.push({ field: '', message: { en: body['detail'], vi: typeof body['detail_vi'] === 'string' ? body['detail_vi'] : body['detail'] } });
  }
  return list;
}

/** The problem's detail in both languages. */
export function detailOf(body: ApiAnswer['body']): Bilingual {
  if (!body || Array.isArray(body)) return { vi: '', en: '' };
  const en = typeof body['detail'] === 'string' ? body['detail'] : '';
  return { en, vi: typeof body['detail_vi'] === 'string' ? body['detail_vi'] : en };
}

/** The client address chain to pass on (the web app's own peer is not known to route handlers). */
export async function forwardedForOfRequest(): Promise<string | null> {
  return (await headers()).get('x-forwarded-for');
}
