// The officials' workspace pages (/quan-tri, /en/quan-tri), for both languages. Rendered per request
// with the official's session (no caching: the route files say force-dynamic) and never indexed.

import { redirect } from 'next/navigation';
import { currentSession, itemsOf, workspaceRead, type AuditEntry, type MyPlate, type MyServicePoint, type ServicePointRecord } from '../data/workspace';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { callApi, sessionCookie } from '../data/workspace';
import {
  HistoryView,
  LoginView,
  PlateListView,
  QrBatchFormView,
  QrBatchStatusView,
  ServicePointEditView,
  ServicePointListView,
  WorkspaceNotFoundView,
  type QrBatchView,
} from '../views/workspace-views';
import { firstParam, type RouteProps, type SearchRouteProps } from './route-params';
import { loginNext } from '../routing/login-next';
import { pageFlash as flash, requireSession, unwrap, workspaceMeta as meta } from './workspace-pages';

export function workspaceLoginRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.login.title),
    async Page({ searchParams }: SearchRouteProps) {
      const shown = await flash();
      const next = loginNext(firstParam((await searchParams)['next']));
      // Already signed in: straight to the list, or to `next` (unless the page shows why the last attempt failed).
      if (!shown && (await currentSession())) redirect(next ?? localePath(locale, '/quan-tri'));
      return <LoginView locale={locale} flash={shown} next={next} />;
    },
  };
}

export function workspaceHomeRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.list.title),
    async Page() {
      const session = await requireSession(locale);
      const points = unwrap(locale, await workspaceRead<MyServicePoint[]>('/api/v1/workspace/service-points'));
      return <ServicePointListView locale={locale} session={session} points={itemsOf<MyServicePoint>(points)} />;
    },
  };
}

export function workspacePlatesRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.plateList.title),
    async Page() {
      const session = await requireSession(locale);
      const plates = unwrap(locale, await workspaceRead<MyPlate[]>('/api/v1/workspace/plates'));
      return <PlateListView locale={locale} session={session} plates={itemsOf<MyPlate>(plates)} />;
    },
  };
}

export function servicePointEditRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.edit.title('').replace(/:\s*$/, '')),
    async Page({ params }: RouteProps<{ id: string }>) {
      const { id } = await params;
      const session = await requireSession(locale);
      const record = unwrap(locale, await workspaceRead<ServicePointRecord>(`/api/v1/workspace/service-points/${encodeURIComponent(id)}`));
      if (!record) return <WorkspaceNotFoundView locale={locale} session={session} />;
      return <ServicePointEditView locale={locale} session={session} record={record} flash={await flash()} />;
    },
  };
}

export function servicePointHistoryRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.edit.history),
    async Page({ params }: RouteProps<{ id: string }>) {
      const { id } = await params;
      const session = await requireSession(locale);
      const path = `/api/v1/workspace/service-points/${encodeURIComponent(id)}`;
      const record = unwrap(locale, await workspaceRead<ServicePointRecord>(path));
      const entries = record ? unwrap(locale, await workspaceRead<AuditEntry[]>(`/api/v1/workspace/history/service_point/${encodeURIComponent(id)}`)) : null;
      if (!record || !entries) return <WorkspaceNotFoundView locale={locale} session={session} />;
      return <HistoryView locale={locale} session={session} record={record} entries={itemsOf<AuditEntry>(entries)} />;
    },
  };
}

/** The 404 the proxy rewrites records outside the official's wards to (status 404 set by the proxy). */
export function workspaceNotFoundRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.notFound.title),
    async Page() {
      return <WorkspaceNotFoundView locale={locale} session={await currentSession()} />;
    },
  };
}

/** The QR batch launcher (admins; a ward editor is told so). */
export function qrBatchFormRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.qrBatches.title),
    async Page() {
      const session = await requireSession(locale);
      return <QrBatchFormView locale={locale} session={session} flash={await flash()} />;
    },
  };
}

/** A batch's progress; reloads itself (meta refresh) while it runs, then offers the ZIP. */
export function qrBatchStatusRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).workspace.qrBatches.statusTitle),
    async Page({ params }: RouteProps<{ id: string }>) {
      const { id } = await params;
      const session = await requireSession(locale);
      if (session.official.role !== 'admin') return <QrBatchFormView locale={locale} session={session} flash={null} />;
      const answer = await callApi(`/api/v1/admin/qr-batches/${encodeURIComponent(id)}`, { session: await sessionCookie() });
      if (answer.status === 401) redirect(localePath(locale, '/quan-tri/dang-nhap'));
      if (answer.status !== 200) return <WorkspaceNotFoundView locale={locale} session={session} />;
      return <QrBatchStatusView locale={locale} session={session} batch={answer.body as unknown as QrBatchView} />;
    },
  };
}
