// Pages of the street, plate and procedure-note editors (issue 6), both languages; rendered per request
// with the official's session, never cached or indexed.
import { itemsOf, workspaceRead, type AuditEntry, type MyPlate, type MyServicePoint } from '../data/workspace';
import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { WorkspaceNotFoundView } from '../views/workspace-views';
import {
  PlateEditView,
  ProcedureNoteEditView,
  StreetEditView,
  StreetListView,
  type PlateRecordView,
  type ProcedureNoteView,
  type StreetListItem,
  type StreetRecordView,
} from '../views/workspace-editing-views';
import { firstParam, type RouteProps, type SearchRouteProps } from './route-params';
import { pageFlash as flash, requireSession, unwrap, workspaceMeta as meta } from './workspace-pages';

/**
 * The official's streets. The API has no list of streets for the workspace (GET /workspace/streets is
 * missing): they are read from the plate list, so a street without a plate is not listed.
 */
export function streetListRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.editing.streets),
    async Page() {
      const session = await requireSession(locale);
      const plates = itemsOf<MyPlate>(unwrap(locale, await workspaceRead<MyPlate[]>('/api/v1/workspace/plates')));
      const streets = new Map<string, StreetListItem>();
      for (const plate of plates) if (!streets.has(plate.streetId)) streets.set(plate.streetId, { id: plate.streetId, slug: plate.streetSlug, name: plate.streetName });
      const sorted = [...streets.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      return <StreetListView locale={locale} session={session} streets={sorted} />;
    },
  };
}

export function streetEditRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.editing.streets),
    async Page({ params }: RouteProps<{ id: string }>) {
      const { id } = await params;
      const session = await requireSession(locale);
      const street = unwrap(locale, await workspaceRead<StreetRecordView>(`/api/v1/workspace/streets/${encodeURIComponent(id)}`));
      const entries = street ? unwrap(locale, await workspaceRead<AuditEntry[]>(`/api/v1/workspace/history/street/${encodeURIComponent(id)}`)) : null;
      if (!street || !entries) return <WorkspaceNotFoundView locale={locale} session={session} />;
      return <StreetEditView locale={locale} session={session} street={street} entries={itemsOf<AuditEntry>(entries)} flash={await flash()} />;
    },
  };
}

export function plateEditRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.plates),
    async Page({ params }: RouteProps<{ id: string }>) {
      const { id } = await params;
      const session = await requireSession(locale);
      const plate = unwrap(locale, await workspaceRead<PlateRecordView>(`/api/v1/workspace/plates/${encodeURIComponent(id)}`));
      const entries = plate ? unwrap(locale, await workspaceRead<AuditEntry[]>(`/api/v1/workspace/history/plate/${encodeURIComponent(id)}`)) : null;
      if (!plate || !entries) return <WorkspaceNotFoundView locale={locale} session={session} />;
      return <PlateEditView locale={locale} session={session} plate={plate} entries={itemsOf<AuditEntry>(entries)} flash={await flash()} />;
    },
  };
}

const PROCEDURE_CODE = /^\d\.\d{6}$/;

export function procedureNoteRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.editing.notes),
    async Page({ searchParams }: SearchRouteProps) {
      const query = await searchParams;
      const session = await requireSession(locale);
      const points = itemsOf<MyServicePoint>(unwrap(locale, await workspaceRead<MyServicePoint[]>('/api/v1/workspace/service-points')));
      const names = new Map<number, string>();
      for (const point of points) if (point.wardId !== null && point.wardName) names.set(point.wardId, point.wardName);
      const wards = session.official.wardIds.length > 0 ? session.official.wardIds.map((id) => ({ id, name: names.get(id) ?? String(id) })) : [...names].map(([id, name]) => ({ id, name }));
      const code = (firstParam(query['ma']) ?? '').trim();
      const wardParam = Number(firstParam(query['phuong']) ?? NaN);
      const wardId = Number.isSafeInteger(wardParam) ? wardParam : (wards[0]?.id ?? null);
      let note: ProcedureNoteView | null = null;
      let notFound = false;
      if (code && wardId !== null) {
        if (!PROCEDURE_CODE.test(code)) notFound = true;
        else {
          note = unwrap(locale, await workspaceRead<ProcedureNoteView>(`/api/v1/workspace/procedures/${encodeURIComponent(code)}/notes/${wardId}`));
          notFound = note === null;
        }
      }
      return <ProcedureNoteEditView locale={locale} session={session} wards={wards} query={{ code, wardId }} note={note} notFound={notFound} flash={await flash()} />;
    },
  };
}
