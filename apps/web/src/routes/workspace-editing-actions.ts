// Form handlers of the street, plate and procedure-note editors (issue 6): like the service point's,
// each forwards the form to the API with the session and the form's CSRF token, then redirects (303)
// to its page with a one-shot flash (saved, invalid with the typed values, or conflict).
import { callApi, fieldErrorsOf, WorkspaceApiUnavailable, type ApiAnswer } from '../data/workspace';
import { localePath, type Locale } from '../i18n/locale';
import { formOf, forwarding, seeOther, sessionOf, text, unavailable, withFlash } from './workspace-actions';

interface Target {
  apiPath: string;
  method: 'PATCH' | 'PUT';
  /** The page (without language prefix) to go back to. */
  page: string;
  flashId: string;
}

async function send(request: Request, locale: Locale, form: FormData | null, target: Target, values: Record<string, string>, body: Record<string, unknown>): Promise<Response> {
  const page = localePath(locale, target.page);
  const session = sessionOf(request);
  if (!session) return withFlash(request, localePath(locale, '/quan-tri/dang-nhap'), { kind: 'session-ended' });
  const baseVersion = Number(text(form, 'baseVersion'));
  let answer: ApiAnswer;
  try {
    answer = await callApi(target.apiPath, { method: target.method, session, csrfToken: text(form, '_csrf'), json: { baseVersion, ...body }, ...forwarding(request) });
  } catch (error) {
    if (!(error instanceof WorkspaceApiUnavailable)) throw error;
    const { vi, en } = unavailable(locale);
    return withFlash(request, page, { kind: 'invalid', id: target.flashId, values, errors: [{ field: '', message: { vi, en } }] });
  }
  if (answer.status === 200) {
    const version = answer.body && !Array.isArray(answer.body) ? Number(answer.body['version']) : NaN;
    return withFlash(request, page, { kind: 'saved', id: target.flashId, changed: version !== baseVersion });
  }
  if (answer.status === 401) return withFlash(request, localePath(locale, '/quan-tri/dang-nhap'), { kind: 'session-ended' });
  if (answer.status === 404) return seeOther(localePath(locale, '/quan-tri/khong-tim-thay'));
  if (answer.status === 409) return withFlash(request, page, { kind: 'conflict', id: target.flashId, values });
  if (answer.status === 400 || answer.status === 403 || answer.status === 413 || answer.status === 415) {
    return withFlash(request, page, { kind: 'invalid', id: target.flashId, values, errors: fieldErrorsOf(answer.body) });
  }
  throw new WorkspaceApiUnavailable(target.apiPath, `HTTP ${answer.status}`);
}

const changed = (form: FormData | null, name: string) => text(form, name).replace(/\r\n/g, '\n') !== text(form, `orig.${name}`).replace(/\r\n/g, '\n');
const nullIfEmpty = (value: string) => (value.trim() === '' ? null : value);

interface IdParams {
  params: Promise<{ id: string }>;
}

/** POST …/quan-tri/duong/{id}/luu: ends in words, namesake and its source. */
export function saveStreetHandler(locale: Locale) {
  return async function POST(request: Request, { params }: IdParams): Promise<Response> {
    const { id } = await params;
    const form = await formOf(request);
    const names = ['startDescription', 'endDescription', 'namesakeText', 'namesakeSource'];
    const values = Object.fromEntries(names.map((name) => [name, text(form, name)]));
    const body: Record<string, unknown> = {};
    if (changed(form, 'startDescription')) body['startDescription'] = nullIfEmpty(values['startDescription']!);
    if (changed(form, 'endDescription')) body['endDescription'] = nullIfEmpty(values['endDescription']!);
    if (changed(form, 'namesakeText') || changed(form, 'namesakeSource')) body['namesake'] = { text: values['namesakeText'], source: values['namesakeSource'] };
    return send(request, locale, form, { apiPath: `/api/v1/workspace/streets/${encodeURIComponent(id)}`, method: 'PATCH', page: `/quan-tri/duong/${id}`, flashId: `street:${id}` }, values, body);
  };
}

/** POST …/quan-tri/bien/{id}/luu: status and position. */
export function savePlateHandler(locale: Locale) {
  return async function POST(request: Request, { params }: IdParams): Promise<Response> {
    const { id } = await params;
    const form = await formOf(request);
    const names = ['status', 'lat', 'lng', 'positionDescription'];
    const values = Object.fromEntries(names.map((name) => [name, text(form, name)]));
    const body: Record<string, unknown> = {};
    if (changed(form, 'status')) body['status'] = values['status'];
    if (changed(form, 'lat') || changed(form, 'lng')) {
      const number = (v: string) => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);
      body['location'] = values['lat']!.trim() === '' && values['lng']!.trim() === '' ? null : { lat: number(values['lat']!), lng: number(values['lng']!) };
    }
    if (changed(form, 'positionDescription')) body['positionDescription'] = values['positionDescription'];
    return send(request, locale, form, { apiPath: `/api/v1/workspace/plates/${encodeURIComponent(id)}`, method: 'PATCH', page: `/quan-tri/bien/${id}`, flashId: `plate:${id}` }, values, body);
  };
}

/** POST …/quan-tri/thu-tuc/luu: a ward's note on a procedure (PUT, created from version 0). */
export function saveProcedureNoteHandler(locale: Locale) {
  return async function POST(request: Request): Promise<Response> {
    const form = await formOf(request);
    const code = text(form, 'code').trim();
    const wardId = text(form, 'wardId').trim();
    const values = { note: text(form, 'note') };
    const page = `/quan-tri/thu-tuc?ma=${encodeURIComponent(code)}&phuong=${encodeURIComponent(wardId)}`;
    return send(
      request,
      locale,
      form,
      { apiPath: `/api/v1/workspace/procedures/${encodeURIComponent(code)}/notes/${encodeURIComponent(wardId)}`, method: 'PUT', page, flashId: `note:${code}@${wardId}` },
      values,
      { note: values.note },
    );
  };
}
