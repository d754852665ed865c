// Issue 6 editing, part two: the service point form's coordinates (typed or picked on the map without
// JavaScript), closures, procedures not accepted and the 7-day preview; the street, plate and
// procedure-note editors. Plain forms, POST then redirect; officials' text rendered (escaped) by React.
import { HistoryTable } from '../components/history-table';
import { CsrfField, WorkspaceShell } from '../components/workspace-shell';
import type { AuditEntry, FieldError, Session } from '../data/workspace';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import type { Flash } from '../lib/flash';
import { formatIsoDate, formatIsoDateWithWeekday } from '../view-model/format';
import { frameFromFields, pickFrame, pickMapSvg, svgDataUri } from '../view-model/pick-map';
import { weekPreview } from '../view-model/week-preview';

type Msg = { vi: string; en: string };
const say = (locale: Locale, message: Msg) => message[locale] || message.vi || message.en;

export interface ClosureValue {
  from: string;
  to: string;
  reason: string;
}

export function parseClosures(json: string | undefined): ClosureValue[] {
  try {
    const list = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((c): c is ClosureValue => !!c && typeof c === 'object' && typeof (c as ClosureValue).from === 'string') : [];
  } catch {
    return [];
  }
}

function ErrorText({ id, errors, locale }: { id: string; errors: FieldError[]; locale: Locale }) {
  return errors.length > 0 ? (
    <p className="field-error" id={id}>
      {errors.map((e) => say(locale, e.message)).join(' ')}
    </p>
  ) : null;
}

/** The extra fields of the service point form (inside its <form>). */
export function ServicePointExtraFields({ locale, values, errors }: { locale: Locale; values: Record<string, string>; errors: FieldError[] }) {
  const e = messagesFor(locale).workspace.editing;
  const errorsOf = (field: string) => errors.filter((x) => x.field === field || x.field.startsWith(`${field}.`));
  const locationErrors = errorsOf('location');
  const closureErrors = errorsOf('closures');
  const procedureErrors = errorsOf('proceduresNotAccepted');
  const closures = parseClosures(values['closures']);
  return (
    <>
      <fieldset id="f-location">
        <legend>{e.location}</legend>
        <p className="small muted" id="f-location-hint">
          {e.locationHint}
        </p>
        <div className="field">
          <label htmlFor="f-lat">{e.lat}</label>
          <input id="f-lat" name="lat" type="text" inputMode="decimal" defaultValue={values['lat'] ?? ''} maxLength={20} aria-invalid={locationErrors.length > 0 ? true : undefined} aria-describedby="f-location-hint" />
        </div>
        <div className="field">
          <label htmlFor="f-lng">{e.lng}</label>
          <input id="f-lng" name="lng" type="text" inputMode="decimal" defaultValue={values['lng'] ?? ''} maxLength={20} aria-invalid={locationErrors.length > 0 ? true : undefined} aria-describedby="f-location-hint" />
        </div>
        <ErrorText id="f-location-error" errors={locationErrors} locale={locale} />
      </fieldset>
      <fieldset id="f-closures">
        <legend>{e.closures}</legend>
        <input type="hidden" name="closures" value={JSON.stringify(closures)} />
        {closures.length === 0 ? (
          <p className="small">{e.closuresNone}</p>
        ) : (
          <ul className="closure-list">
            {closures.map((closure, i) => (
              <li key={`${closure.from}-${closure.to}-${i}`} data-closure={`${closure.from}/${closure.to}`}>
                {e.closureRange(formatIsoDate(closure.from, locale), formatIsoDate(closure.to, locale))}: <span lang="vi">{closure.reason}</span>{' '}
                <label className="choice">
                  <input type="checkbox" name="removeClosure" value={String(i)} /> {e.closureRemove}
                </label>
              </li>
            ))}
          </ul>
        )}
        <p>
          <strong>{e.closureAdd}</strong>
        </p>
        <div className="field">
          <label htmlFor="f-closure-from">{e.closureFrom}</label>
          <input id="f-closure-from" name="newClosure.from" type="date" defaultValue={values['newClosure.from'] ?? ''} aria-invalid={closureErrors.length > 0 ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor="f-closure-to">{e.closureTo}</label>
          <input id="f-closure-to" name="newClosure.to" type="date" defaultValue={values['newClosure.to'] ?? ''} aria-invalid={closureErrors.length > 0 ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor="f-closure-reason">{e.closureReason}</label>
          <input id="f-closure-reason" name="newClosure.reason" type="text" lang="vi" maxLength={200} defaultValue={values['newClosure.reason'] ?? ''} />
        </div>
        <ErrorText id="f-closures-error" errors={closureErrors} locale={locale} />
      </fieldset>
      <div className="field">
        <label htmlFor="f-proceduresNotAccepted">{e.proceduresNotAccepted}</label>
        <textarea
          id="f-proceduresNotAccepted"
          name="proceduresNotAccepted"
          rows={4}
          spellCheck={false}
          defaultValue={values['proceduresNotAccepted'] ?? ''}
          aria-describedby="f-proceduresNotAccepted-hint"
          aria-invalid={procedureErrors.length > 0 ? true : undefined}
        />
        <p className="small muted" id="f-proceduresNotAccepted-hint">
          {e.proceduresHint}
        </p>
        <ErrorText id="f-proceduresNotAccepted-error" errors={procedureErrors} locale={locale} />
      </div>
    </>
  );
}

/**
 * The map picker: an <input type="image"> outside the form (tied to it by `form`), so the form's Save
 * stays its first submit button and Enter in a field saves rather than "clicks" the map.
 */
export function PickMap({ locale, values, formId }: { locale: Locale; values: Record<string, string>; formId: string }) {
  const e = messagesFor(locale).workspace.editing;
  const lat = Number(values['lat']);
  const lng = Number(values['lng']);
  const marker = values['lat'] && values['lng'] && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
  const frame = frameFromFields(values['map.lat'] ?? '', values['map.lng'] ?? '', values['map.span'] ?? '') ?? pickFrame(marker ?? { lat: 20.45, lng: 106.34 });
  return (
    <section aria-labelledby="pick-title" className="map">
      <h2 id="pick-title">{e.location}</h2>
      <p className="small muted">{e.locationHint}</p>
      <input type="hidden" form={formId} name="map.lat" value={String(frame.centre.lat)} />
      <input type="hidden" form={formId} name="map.lng" value={String(frame.centre.lng)} />
      <input type="hidden" form={formId} name="map.span" value={String(frame.spanLat)} />
      {/* The click's pixel coordinates arrive as pick.x / pick.y; the handler turns them into lat/lng. */}
      <input type="image" form={formId} name="pick" className="pick-map" src={svgDataUri(pickMapSvg(frame, marker, e.pickAlt))} alt={e.pickAlt} width={frame.width} height={frame.height} formNoValidate />
    </section>
  );
}

/** The next 7 days as the public page will show them, from the hours and closures in the form. */
export function OpeningPreview({ locale, openingHours, closures, now = new Date() }: { locale: Locale; openingHours: string; closures: ClosureValue[]; now?: Date }) {
  const e = messagesFor(locale).workspace.editing;
  const preview = weekPreview(openingHours, closures, now);
  return (
    <section className="opening-preview" aria-labelledby="preview-title" id="opening-preview">
      <h2 id="preview-title">{e.previewTitle}</h2>
      <p className="small muted">{e.previewLead}</p>
      {preview.ok ? (
        <table className="workspace-table">
          <tbody>
            {preview.days.map((day) => (
              <tr key={day.date} data-date={day.date}>
                <th scope="row">{formatIsoDateWithWeekday(day.date, locale)}</th>
                <td>
                  {day.intervals.length > 0 ? day.intervals.map((i) => `${i.from}–${i.to}`).join(', ') : e.previewClosed}
                  {day.holiday ? ` · ${e.previewHoliday}: ${locale === 'vi' ? day.holiday.name : day.holiday.nameEn}` : ''}
                  {day.closure ? (
                    <>
                      {` · ${e.previewClosure}: `}
                      <span lang="vi">{day.closure.reason}</span>
                    </>
                  ) : null}
                  {day.makeUpFor ? ` · ${e.previewMakeUp}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="result-bad">{e.previewUnreadable}</p>
      )}
    </section>
  );
}

function FlashMessages({ locale, flash, id }: { locale: Locale; flash: Flash | null; id: string }) {
  const w = messagesFor(locale).workspace;
  if (!flash || !('id' in flash) || flash.id !== id) return null;
  if (flash.kind === 'saved')
    return (
      <p className="result-ok" role="status">
        {flash.changed ? w.editing.saved : w.editing.unchanged}
      </p>
    );
  if (flash.kind === 'conflict')
    return (
      <section className="conflict warning" role="alert">
        <h2>{w.conflict.title}</h2>
        <p>{w.conflict.text}</p>
      </section>
    );
  if (flash.kind === 'invalid' && flash.errors.length > 0)
    return (
      <div className="result-bad" role="alert" id="edit-errors">
        <p>
          <strong>{w.edit.errorsTitle}</strong>
        </p>
        <ul>
          {flash.errors.map((error, i) => (
            <li key={i}>
              {error.field ? `${w.fields[error.field.split('.')[0]!] ?? error.field}: ` : null}
              {say(locale, error.message)}
            </li>
          ))}
        </ul>
      </div>
    );
  return null;
}


function HistorySection({ locale, entries }: { locale: Locale; entries: AuditEntry[] }) {
  const w = messagesFor(locale).workspace;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{w.editing.history}</h2>
      <HistoryTable locale={locale} entries={entries} empty={w.editing.historyNone} />
    </section>
  );
}

function TextField(props: { name: string; label: string; value: string; errors: FieldError[]; locale: Locale; multiline?: boolean; max: number; hint?: string }) {
  const { name, label, value, errors, locale, multiline, max, hint } = props;
  const mine = errors.filter((x) => x.field === name || x.field.startsWith(`${name}.`));
  const common = { id: `f-${name}`, name, defaultValue: value, maxLength: max, lang: 'vi', 'aria-invalid': mine.length > 0 ? true : undefined };
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      {multiline ? <textarea rows={5} {...common} /> : <input type="text" {...common} />}
      {hint ? <p className="small muted">{hint}</p> : null}
      <ErrorText id={`f-${name}-error`} errors={mine} locale={locale} />
    </div>
  );
}

export interface StreetListItem {
  id: string;
  slug: string;
  name: string;
}

export function StreetListView({ locale, session, streets }: { locale: Locale; session: Session; streets: StreetListItem[] }) {
  const e = messagesFor(locale).workspace.editing;
  return (
    <WorkspaceShell locale={locale} path="/quan-tri/duong" session={session}>
      <h1>{e.streets}</h1>
      <p>{e.streetsLead}</p>
      {streets.length === 0 ? (
        <p>{e.streetsNone}</p>
      ) : (
        <ul>
          {streets.map((street) => (
            <li key={street.id} data-street={street.slug}>
              <a href={localePath(locale, `/quan-tri/duong/${street.id}`)} lang="vi">
                {street.name}
              </a>{' '}
              · <a href={localePath(locale, `/duong/${street.slug}`)}>/duong/{street.slug}</a>
            </li>
          ))}
        </ul>
      )}
    </WorkspaceShell>
  );
}

export interface StreetRecordView {
  id: string;
  slug: string;
  name: string;
  version: number;
  startDescription: string | null;
  endDescription: string | null;
  namesake: { text: string; source: string } | null;
}

export function StreetEditView(props: { locale: Locale; session: Session; street: StreetRecordView; entries: AuditEntry[]; flash: Flash | null }) {
  const { locale, session, street, entries, flash } = props;
  const e = messagesFor(locale).workspace.editing;
  const flashId = `street:${street.id}`;
  const mine = flash && (flash.kind === 'invalid' || flash.kind === 'conflict') && flash.id === flashId ? flash : null;
  const current: Record<string, string> = {
    startDescription: street.startDescription ?? '',
    endDescription: street.endDescription ?? '',
    namesakeText: street.namesake?.text ?? '',
    namesakeSource: street.namesake?.source ?? '',
  };
  const values = { ...current, ...(mine?.values ?? {}) };
  const errors = mine?.kind === 'invalid' ? mine.errors : [];
  const path = `/quan-tri/duong/${street.id}`;
  return (
    <WorkspaceShell locale={locale} path={path} session={session}>
      <p className="small">
        <a href={localePath(locale, '/quan-tri/duong')}>{e.back}</a> · <a href={localePath(locale, `/duong/${street.slug}`)}>/duong/{street.slug}</a>
      </p>
      <h1>
        {e.streetTitle}
        <span lang="vi">{street.name}</span>
      </h1>
      <FlashMessages locale={locale} flash={flash} id={flashId} />
      <form method="post" action={localePath(locale, `${path}/luu`)} className="stacked" noValidate>
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="baseVersion" value={street.version} />
        {Object.entries(current).map(([name, value]) => (
          <input key={name} type="hidden" name={`orig.${name}`} value={value} />
        ))}
        <TextField name="startDescription" label={e.startDescription} value={values['startDescription'] ?? ''} errors={errors} locale={locale} max={300} />
        <TextField name="endDescription" label={e.endDescription} value={values['endDescription'] ?? ''} errors={errors} locale={locale} max={300} />
        <TextField name="namesakeText" label={e.namesakeText} value={values['namesakeText'] ?? ''} errors={errors.map((x) => (x.field.startsWith('namesake.text') || x.field === 'namesake' ? { ...x, field: 'namesakeText' } : x))} locale={locale} multiline max={4000} hint={e.namesakeHint} />
        <TextField name="namesakeSource" label={e.namesakeSource} value={values['namesakeSource'] ?? ''} errors={errors.map((x) => (x.field.startsWith('namesake.source') ? { ...x, field: 'namesakeSource' } : x))} locale={locale} max={500} />
        <button type="submit">{e.save}</button>
      </form>
      <HistorySection locale={locale} entries={entries} />
    </WorkspaceShell>
  );
}

export interface PlateRecordView {
  id: string;
  code: string;
  streetSlug: string;
  version: number;
  status: string;
  location: { lat: number; lng: number } | null;
  positionDescription: string;
}

export function PlateEditView(props: { locale: Locale; session: Session; plate: PlateRecordView; entries: AuditEntry[]; flash: Flash | null }) {
  const { locale, session, plate, entries, flash } = props;
  const w = messagesFor(locale).workspace;
  const e = w.editing;
  const flashId = `plate:${plate.id}`;
  const mine = flash && (flash.kind === 'invalid' || flash.kind === 'conflict') && flash.id === flashId ? flash : null;
  const current: Record<string, string> = {
    status: plate.status,
    lat: plate.location ? String(plate.location.lat) : '',
    lng: plate.location ? String(plate.location.lng) : '',
    positionDescription: plate.positionDescription,
  };
  const values = { ...current, ...(mine?.values ?? {}) };
  const errors = mine?.kind === 'invalid' ? mine.errors : [];
  const locationErrors = errors.filter((x) => x.field.startsWith('location'));
  const path = `/quan-tri/bien/${plate.id}`;
  return (
    <WorkspaceShell locale={locale} path={path} session={session}>
      <p className="small">
        <a href={localePath(locale, '/quan-tri/bien')}>{e.back}</a>
      </p>
      <h1>
        {e.plateTitle}
        <span className="plate-code">{plate.code}</span>
      </h1>
      <FlashMessages locale={locale} flash={flash} id={flashId} />
      <form method="post" action={localePath(locale, `${path}/luu`)} className="stacked" noValidate>
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="baseVersion" value={plate.version} />
        {Object.entries(current).map(([name, value]) => (
          <input key={name} type="hidden" name={`orig.${name}`} value={value} />
        ))}
        <div className="field">
          <label htmlFor="f-status">{e.plateStatus}</label>
          <select id="f-status" name="status" defaultValue={values['status']}>
            {(['active', 'damaged', 'missing', 'removed'] as const).map((status) => (
              <option key={status} value={status}>
                {w.plateList.statuses[status] ?? status}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-lat">{e.lat}</label>
          <input id="f-lat" name="lat" type="text" inputMode="decimal" defaultValue={values['lat'] ?? ''} maxLength={20} />
        </div>
        <div className="field">
          <label htmlFor="f-lng">{e.lng}</label>
          <input id="f-lng" name="lng" type="text" inputMode="decimal" defaultValue={values['lng'] ?? ''} maxLength={20} />
        </div>
        <ErrorText id="f-location-error" errors={locationErrors} locale={locale} />
        <TextField name="positionDescription" label={e.positionDescription} value={values['positionDescription'] ?? ''} errors={errors} locale={locale} max={300} />
        <button type="submit">{e.save}</button>
      </form>
      <HistorySection locale={locale} entries={entries} />
    </WorkspaceShell>
  );
}

export interface ProcedureNoteView {
  procedureCode: string;
  wardId: number;
  note: string;
  version: number;
}

export function ProcedureNoteEditView(props: {
  locale: Locale;
  session: Session;
  wards: Array<{ id: number; name: string }>;
  query: { code: string; wardId: number | null };
  note: ProcedureNoteView | null;
  notFound: boolean;
  flash: Flash | null;
}) {
  const { locale, session, wards, query, note, notFound, flash } = props;
  const w = messagesFor(locale).workspace;
  const e = w.editing;
  const flashId = note ? `note:${note.procedureCode}@${note.wardId}` : '';
  const mine = flash && (flash.kind === 'invalid' || flash.kind === 'conflict') && flash.id === flashId ? flash : null;
  const errors = mine?.kind === 'invalid' ? mine.errors : [];
  return (
    <WorkspaceShell locale={locale} path="/quan-tri/thu-tuc" session={session}>
      <h1>{e.notes}</h1>
      <p>{e.notesLead}</p>
      <form method="get" action={localePath(locale, '/quan-tri/thu-tuc')} className="stacked">
        <div className="field">
          <label htmlFor="q-code">{e.procedureCode}</label>
          <input id="q-code" name="ma" type="text" defaultValue={query.code} maxLength={20} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="q-ward">{e.ward}</label>
          <select id="q-ward" name="phuong" defaultValue={query.wardId ? String(query.wardId) : undefined}>
            {wards.map((ward) => (
              <option key={ward.id} value={ward.id} lang="vi">
                {ward.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {e.load}
        </button>
      </form>
      {notFound ? <p className="result-bad">{w.notFound.text}</p> : null}
      {note ? (
        <>
          <FlashMessages locale={locale} flash={flash} id={flashId} />
          <form method="post" action={localePath(locale, '/quan-tri/thu-tuc/luu')} className="stacked" noValidate>
            <CsrfField token={session.csrfToken} />
            <input type="hidden" name="baseVersion" value={note.version} />
            <input type="hidden" name="code" value={note.procedureCode} />
            <input type="hidden" name="wardId" value={note.wardId} />
            {note.version === 0 ? <p className="small muted">{e.noteNone}</p> : null}
            <TextField name="note" label={`${e.note} (${note.procedureCode})`} value={mine?.values['note'] ?? note.note} errors={errors} locale={locale} multiline max={2000} />
            <button type="submit">{e.save}</button>
          </form>
        </>
      ) : null}
    </WorkspaceShell>
  );
}
