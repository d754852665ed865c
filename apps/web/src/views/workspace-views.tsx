// The officials' workspace pages: plain HTML forms (POST, then a redirect back), so everything works
// with JavaScript off. Officials' text is rendered by React, i.e. escaped.
import { HistoryTable } from '../components/history-table';
import { CsrfField, WorkspaceShell } from '../components/workspace-shell';
import type { AuditEntry, FieldError, MyPlate, MyServicePoint, ServicePointRecord, Session } from '../data/workspace';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import type { Flash } from '../lib/flash';
import { formatVietnamDateTime } from '../view-model/format';
import { OpeningPreview, parseClosures, PickMap, ServicePointExtraFields } from './workspace-editing-views';

type Msg = { vi: string; en: string };
const say = (locale: Locale, message: Msg) => message[locale] || message.vi || message.en;

function StatusMessage({ text }: { text: string }) {
  return (
    <p className="result-ok" role="status">
      {text}
    </p>
  );
}

/** `next`: where to go after signing in (already checked by `loginNext`), carried by the form. */
export function LoginView({ locale, flash, next = null }: { locale: Locale; flash: Flash | null; next?: string | null }) {
  const w = messagesFor(locale).workspace;
  const failed = flash?.kind === 'login-failed' ? flash : null;
  return (
    <WorkspaceShell locale={locale} path="/quan-tri/dang-nhap" session={null}>
      <h1>{w.login.title}</h1>
      <p>{w.login.lead}</p>
      {flash?.kind === 'logged-out' ? <StatusMessage text={w.login.loggedOut} /> : null}
      {flash?.kind === 'session-ended' ? <StatusMessage text={w.login.sessionEnded} /> : null}
      {failed ? (
        <div className="result-bad" role="alert" id="login-error">
          <p>
            <strong>{w.login.failed}</strong>
          </p>
          <p>{failed.retryAfter ? w.login.throttled(failed.retryAfter) : say(locale, failed.message)}</p>
        </div>
      ) : null}
      <form method="post" action={localePath(locale, '/quan-tri/dang-nhap/gui')} className="stacked">
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <div className="field">
          <label htmlFor="email">{w.login.email}</label>
          <input id="email" name="email" type="email" autoComplete="username" required defaultValue={failed?.email ?? ''} aria-describedby={failed ? 'login-error' : undefined} />
        </div>
        <div className="field">
          <label htmlFor="password">{w.login.password}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit">{w.login.submit}</button>
      </form>
    </WorkspaceShell>
  );
}

export function ServicePointListView({ locale, session, points }: { locale: Locale; session: Session; points: MyServicePoint[] }) {
  const w = messagesFor(locale).workspace;
  return (
    <WorkspaceShell locale={locale} path="/quan-tri" session={session}>
      <h1>{w.list.title}</h1>
      <p>{w.list.lead}</p>
      {points.length === 0 ? (
        <p>{w.list.none}</p>
      ) : (
        <table className="workspace-table">
          <thead>
            <tr>
              <th scope="col">{w.list.name}</th>
              <th scope="col">{w.list.ward}</th>
              <th scope="col">{w.list.lastConfirmed}</th>
              <th scope="col">{w.list.status}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.id} data-service-point={point.id}>
                <td>
                  <a href={localePath(locale, `/quan-tri/diem-phuc-vu/${point.id}`)} lang="vi">
                    {point.name}
                  </a>
                  <br />
                  <a className="small" href={localePath(locale, `/quan-tri/diem-phuc-vu/${point.id}/lich-su`)}>
                    {w.list.history}
                  </a>
                </td>
                <td lang="vi">{point.wardName ?? '—'}</td>
                <td>{point.lastConfirmedAt ? formatVietnamDateTime(point.lastConfirmedAt, locale) : w.list.never}</td>
                <td>{point.stale ? <span className="flag-stale">{w.list.stale}</span> : <span className="flag-fresh">{w.list.fresh}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </WorkspaceShell>
  );
}

/** The editable fields of the form, in order, with their input kind. */
const EDIT_FIELDS = [
  { name: 'name', kind: 'text', max: 200 },
  { name: 'address', kind: 'text', max: 300 },
  { name: 'phone', kind: 'tel', max: 40 },
  { name: 'email', kind: 'email', max: 254 },
  { name: 'openingHours', kind: 'text', max: 1000 },
  { name: 'accessibilityNotes', kind: 'textarea', max: 2000 },
] as const;
export type EditField = (typeof EDIT_FIELDS)[number]['name'];
export const EDIT_FIELD_NAMES: readonly EditField[] = EDIT_FIELDS.map((f) => f.name);

export const recordValues = (record: ServicePointRecord): Record<EditField, string> => ({
  name: record.name,
  address: record.address,
  phone: record.phone ?? '',
  email: record.email ?? '',
  openingHours: record.openingHours,
  accessibilityNotes: record.accessibilityNotes,
});

/** The fields of the form beyond EDIT_FIELDS (issue 6 editing): coordinates, closures, procedures not accepted. */
export const extraRecordValues = (record: ServicePointRecord): Record<string, string> => ({
  lat: String(record.location.lat),
  lng: String(record.location.lng),
  closures: JSON.stringify(record.closures.map(({ from, to, reason }) => ({ from, to, reason }))),
  proceduresNotAccepted: record.proceduresNotAccepted.join('\n'),
});

interface EditViewProps {
  locale: Locale;
  session: Session;
  record: ServicePointRecord;
  flash: Flash | null;
}

export function ServicePointEditView({ locale, session, record, flash }: EditViewProps) {
  const t = messagesFor(locale);
  const w = t.workspace;
  const mine = flash && (flash.kind === 'invalid' || flash.kind === 'conflict' || flash.kind === 'picked') && flash.id === record.id ? flash : null;
  const extra = extraRecordValues(record);
  const values: Record<string, string> = { ...recordValues(record), ...extra, ...(mine?.values ?? {}) };
  const errors: FieldError[] = mine?.kind === 'invalid' ? mine.errors : [];
  const errorsOf = (field: string) => errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`));
  const labels: Record<EditField, string> = {
    name: w.edit.name,
    address: w.edit.address,
    phone: w.edit.phone,
    email: w.edit.email,
    openingHours: w.edit.openingHours,
    accessibilityNotes: w.edit.accessibilityNotes,
  };
  const hints: Partial<Record<EditField, string>> = { phone: w.edit.phoneHint, openingHours: w.edit.openingHoursHint };
  const path = `/quan-tri/diem-phuc-vu/${record.id}`;
  const current = recordValues(record);
  return (
    <WorkspaceShell locale={locale} path={path} session={session}>
      <p className="small">
        <a href={localePath(locale, '/quan-tri')}>{w.edit.back}</a>
      </p>
      <h1>
        {w.edit.title('')}
        <span lang="vi">{record.name}</span>
      </h1>
      <p className="small muted">
        {w.edit.version(record.version)} ·{' '}
        {record.lastConfirmedAt ? w.edit.lastConfirmed(formatVietnamDateTime(record.lastConfirmedAt, locale), record.lastConfirmedBy ?? '—') : w.edit.neverConfirmed} ·{' '}
        <a href={localePath(locale, `/diem-phuc-vu/${record.id}`)}>{w.edit.publicPage}</a> · <a href={localePath(locale, `${path}/lich-su`)}>{w.edit.history}</a>
      </p>
      {flash?.kind === 'saved' && flash.id === record.id ? <StatusMessage text={flash.changed ? w.edit.saved : w.edit.unchanged} /> : null}
      {flash?.kind === 'confirmed' && flash.id === record.id ? <StatusMessage text={w.edit.confirmed} /> : null}
      {mine?.kind === 'picked' ? <StatusMessage text={w.editing.picked} /> : null}
      {mine?.kind === 'conflict' ? (
        <section className="conflict warning" aria-labelledby="conflict-title" role="alert">
          <h2 id="conflict-title">{w.conflict.title}</h2>
          <p>{w.conflict.text}</p>
          <table>
            <caption>{w.conflict.current}</caption>
            <thead>
              <tr>
                <th scope="col">{w.conflict.field}</th>
                <th scope="col">{w.conflict.value}</th>
              </tr>
            </thead>
            <tbody>
              {EDIT_FIELD_NAMES.map((field) => (
                <tr key={field} data-field={field}>
                  <th scope="row">{w.fields[field] ?? field}</th>
                  <td lang="vi" className="pre">
                    {current[field] || w.empty}
                  </td>
                </tr>
              ))}
              <tr data-field="location">
                <th scope="row">{w.editing.location}</th>
                <td>
                  {record.location.lat}, {record.location.lng}
                </td>
              </tr>
              <tr data-field="closures">
                <th scope="row">{w.editing.closures}</th>
                <td lang="vi" className="pre">
                  {record.closures.map((c) => `${c.from} – ${c.to}: ${c.reason}`).join('\n') || w.empty}
                </td>
              </tr>
              <tr data-field="proceduresNotAccepted">
                <th scope="row">{w.editing.proceduresNotAccepted}</th>
                <td className="pre">{record.proceduresNotAccepted.join('\n') || w.empty}</td>
              </tr>
            </tbody>
          </table>
          <p>
            <a href={localePath(locale, path)}>{w.conflict.discard}</a>
          </p>
        </section>
      ) : null}
      {errors.length > 0 ? (
        <div className="result-bad" role="alert" id="edit-errors">
          <p>
            <strong>{w.edit.errorsTitle}</strong>
          </p>
          <ul>
            {errors.map((error, i) => (
              <li key={i}>
                {error.field && EDIT_FIELD_NAMES.includes(error.field.split('.')[0] as EditField) ? (
                  <a href={`#f-${error.field.split('.')[0]}`}>{w.fields[error.field.split('.')[0]!] ?? error.field}</a>
                ) : null}
                {error.field ? ': ' : null}
                {say(locale, error.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={localePath(locale, `${path}/luu`)} className="stacked" noValidate id="sp-edit-form">
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="baseVersion" value={mine?.kind === 'picked' && mine.values['baseVersion'] ? mine.values['baseVersion'] : record.version} />
        {/* The values this form started from: only the fields the official changed are sent as the edit. */}
        {EDIT_FIELD_NAMES.map((field) => (
          <input key={field} type="hidden" name={`orig.${field}`} value={current[field]} />
        ))}
        {Object.entries(extra).map(([field, value]) => (
          <input key={field} type="hidden" name={`orig.${field}`} value={value} />
        ))}
        {EDIT_FIELDS.map(({ name, kind, max }) => {
          const fieldErrors = errorsOf(name);
          const describedBy = [hints[name] ? `f-${name}-hint` : null, fieldErrors.length > 0 ? `f-${name}-error` : null].filter(Boolean).join(' ') || undefined;
          const common = {
            id: `f-${name}`,
            name,
            defaultValue: values[name] ?? '',
            maxLength: max,
            lang: 'vi',
            'aria-describedby': describedBy,
            'aria-invalid': fieldErrors.length > 0 ? true : undefined,
          };
          return (
            <div className="field" key={name}>
              <label htmlFor={`f-${name}`}>{labels[name]}</label>
              {kind === 'textarea' ? <textarea rows={5} {...common} /> : <input type={kind} {...common} spellCheck={name === 'openingHours' ? false : undefined} />}
              {hints[name] ? (
                <p className="small muted" id={`f-${name}-hint`}>
                  {hints[name]}
                </p>
              ) : null}
              {fieldErrors.length > 0 ? (
                <p className="field-error" id={`f-${name}-error`}>
                  {fieldErrors.map((e) => say(locale, e.message)).join(' ')}
                </p>
              ) : null}
            </div>
          );
        })}
        <ServicePointExtraFields locale={locale} values={values} errors={errors} />
        <button type="submit" name="save" value="1">
          {mine?.kind === 'conflict' ? w.conflict.reapply : w.edit.save}
        </button>
      </form>
      <PickMap locale={locale} values={values} formId="sp-edit-form" />
      <OpeningPreview locale={locale} openingHours={values['openingHours'] ?? ''} closures={parseClosures(values['closures'])} />
      <form method="post" action={localePath(locale, `${path}/xac-nhan`)} className="stacked confirm-form">
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="baseVersion" value={record.version} />
        <p className="small">{w.edit.confirmHint}</p>
        <button type="submit" className="secondary">
          {w.edit.confirm}
        </button>
      </form>
    </WorkspaceShell>
  );
}

export function HistoryView({ locale, session, record, entries }: { locale: Locale; session: Session; record: ServicePointRecord; entries: AuditEntry[] }) {
  const w = messagesFor(locale).workspace;
  const path = `/quan-tri/diem-phuc-vu/${record.id}/lich-su`;
  return (
    <WorkspaceShell locale={locale} path={path} session={session}>
      <p className="small">
        <a href={localePath(locale, `/quan-tri/diem-phuc-vu/${record.id}`)}>{w.list.edit}</a> · <a href={localePath(locale, '/quan-tri')}>{w.edit.back}</a>
      </p>
      <h1>
        {w.history.title('')}
        <span lang="vi">{record.name}</span>
      </h1>
      <HistoryTable locale={locale} entries={entries} empty={w.history.none} />
    </WorkspaceShell>
  );
}

export function PlateListView({ locale, session, plates }: { locale: Locale; session: Session; plates: MyPlate[] }) {
  const w = messagesFor(locale).workspace;
  const p = w.plateList;
  return (
    <WorkspaceShell locale={locale} path="/quan-tri/bien" session={session}>
      <h1>{p.title}</h1>
      <p>{p.lead}</p>
      {plates.length === 0 ? (
        <p>{p.none}</p>
      ) : (
        <table className="workspace-table">
          <thead>
            <tr>
              <th scope="col">{p.code}</th>
              <th scope="col">{p.street}</th>
              <th scope="col">{p.status}</th>
              <th scope="col">{p.scans}</th>
            </tr>
          </thead>
          <tbody>
            {plates.map((plate) => (
              <tr key={plate.id} data-plate={plate.code}>
                <td className="plate-code">
                  <a href={localePath(locale, `/quan-tri/bien/${plate.id}`)} aria-label={`${w.editing.plateEdit} ${plate.code}`}>
                    {plate.code}
                  </a>
                </td>
                <td>
                  <a href={localePath(locale, `/duong/${plate.streetSlug}`)} lang="vi">
                    {plate.streetName}
                  </a>
                </td>
                <td>{p.statuses[plate.status] ?? plate.status}</td>
                <td>
                  {plate.scans30d}
                  {plate.noScans30d ? (
                    <>
                      {' '}
                      <span className="flag-stale">{p.noScans}</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </WorkspaceShell>
  );
}

export function WorkspaceNotFoundView({ locale, session }: { locale: Locale; session: Session | null }) {
  const w = messagesFor(locale).workspace;
  return (
    <WorkspaceShell locale={locale} path="/quan-tri" session={session}>
      <h1>{w.notFound.title}</h1>
      <p>{w.notFound.text}</p>
      <p>
        <a href={localePath(locale, '/quan-tri')}>{w.edit.back}</a>
      </p>
    </WorkspaceShell>
  );
}

export function QrBatchFormView({ locale, session, flash }: { locale: Locale; session: Session; flash: Flash | null }) {
  const q = messagesFor(locale).workspace.qrBatches;
  const failed = flash?.kind === 'batch-invalid' ? flash : null;
  const values: Record<string, string> = failed?.values ?? {};
  const scope = values['scope'] ?? 'streets';
  const formats = (values['formats'] ?? 'svg,png,pdf').split(',');
  if (session.official.role !== 'admin') {
    return (
      <WorkspaceShell locale={locale} path="/quan-tri/lo-qr" session={session}>
        <h1>{q.title}</h1>
        <p className="result-bad">{q.adminOnly}</p>
      </WorkspaceShell>
    );
  }
  return (
    <WorkspaceShell locale={locale} path="/quan-tri/lo-qr" session={session}>
      <h1>{q.title}</h1>
      <p>{q.lead}</p>
      {failed ? (
        <div className="result-bad" role="alert" id="batch-errors">
          <p>
            <strong>{q.errorsTitle}</strong>
          </p>
          <ul>
            {failed.errors.map((error, i) => (
              <li key={i}>
                {error.field ? `${error.field}: ` : null}
                {say(locale, error.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={localePath(locale, '/quan-tri/lo-qr/tao')} className="stacked">
        <CsrfField token={session.csrfToken} />
        <fieldset>
          <legend>{q.scope}</legend>
          {(['streets', 'ward', 'changed', 'all'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name="scope" value={kind} defaultChecked={scope === kind} /> {q.scopes[kind]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="b-slugs">{q.slugs}</label>
          <input id="b-slugs" name="slugs" type="text" defaultValue={values['slugs'] ?? ''} maxLength={20000} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="b-ward">{q.wardCode}</label>
          <input id="b-ward" name="wardCode" type="text" inputMode="numeric" defaultValue={values['wardCode'] ?? ''} maxLength={5} />
        </div>
        <div className="field">
          <label htmlFor="b-design">{q.designVersion}</label>
          <input id="b-design" name="designVersion" type="number" min={1} max={10000} defaultValue={values['designVersion'] ?? '1'} />
        </div>
        <fieldset>
          <legend>{q.formats}</legend>
          {(['svg', 'png', 'pdf'] as const).map((format) => (
            <label key={format} className="choice">
              <input type="checkbox" name="formats" value={format} defaultChecked={formats.includes(format)} /> {format.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <button type="submit">{q.submit}</button>
      </form>
    </WorkspaceShell>
  );
}

export interface QrBatchView {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  failures: Array<{ code: string; format: string; reason: string }>;
  bundleUrl: string | null;
}

export function QrBatchStatusView({ locale, session, batch }: { locale: Locale; session: Session; batch: QrBatchView }) {
  const q = messagesFor(locale).workspace.qrBatches;
  const running = batch.status === 'queued' || batch.status === 'running';
  const finished = batch.status === 'done' || batch.status === 'failed';
  return (
    <WorkspaceShell locale={locale} path={`/quan-tri/lo-qr/${batch.id}`} session={session}>
      {/* The progress bar of a page without JavaScript: it reloads itself while the batch runs. */}
      {running ? <meta httpEquiv="refresh" content="2" /> : null}
      <h1>{q.statusTitle}</h1>
      <p data-batch-status={batch.status}>
        <strong>{q.statuses[batch.status] ?? batch.status}</strong> · {q.progress(batch.done, batch.total, batch.failed)}
      </p>
      <progress max={Math.max(batch.total, 1)} value={batch.done + batch.failed} aria-label={q.statusTitle}>
        {q.progress(batch.done, batch.total, batch.failed)}
      </progress>
      {running ? <p className="small muted">{q.refreshing}</p> : null}
      {finished && batch.bundleUrl ? (
        <p>
          <a href={localePath(locale, `/quan-tri/lo-qr/${batch.id}/tai-ve`)} className="download">
            {q.download}
          </a>
        </p>
      ) : null}
      {batch.failures.length > 0 ? (
        <>
          <h2>{q.failures}</h2>
          <ul>
            {batch.failures.map((f, i) => (
              <li key={i}>
                <span className="plate-code">{f.code}</span> ({f.format}): {f.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={localePath(locale, '/quan-tri/lo-qr')}>{q.another}</a>
      </p>
    </WorkspaceShell>
  );
}
