// The admins' account pages (/quan-tri/tai-khoan, /en/quan-tri/tai-khoan): rendered per request with the
// official's session (force-dynamic in the route files), never cached or indexed.

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { accountsFlashOf, type Account } from '../data/accounts';
import { callApi, itemsOf, sessionCookie } from '../data/workspace';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { decodeFlash, FLASH_HEADER } from '../lib/flash';
import { AccountEditView, AccountListView, AccountsAdminOnlyView } from '../views/accounts-views';
import { WorkspaceNotFoundView } from '../views/workspace-views';
import type { RouteProps } from './route-params';
import { requireSession, workspaceMeta as meta } from './workspace-pages';

async function accountsFlash() {
  return accountsFlashOf(decodeFlash((await headers()).get(FLASH_HEADER)));
}

/** GET an admin resource: the body, null for 404; 401 goes to the login page. */
async function adminRead<T>(locale: Locale, path: string): Promise<T | null> {
  const answer = await callApi(path, { session: await sessionCookie() });
  if (answer.status === 401) redirect(localePath(locale, '/quan-tri/dang-nhap'));
  if (answer.status === 404) return null;
  if (answer.status !== 200) throw new Error(`API ${path}: HTTP ${answer.status}`);
  return answer.body as T;
}

export function accountListRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).accounts.title),
    async Page() {
      const session = await requireSession(locale);
      if (session.official.role !== 'admin') return <AccountsAdminOnlyView locale={locale} session={session} />;
      const body = await adminRead<{ items: Account[] }>(locale, '/api/v1/admin/accounts');
      return <AccountListView locale={locale} session={session} accounts={itemsOf<Account>(body)} flash={await accountsFlash()} />;
    },
  };
}

export function accountEditRoute(locale: Locale) {
  return {
    metadata: meta(messagesFor(locale).accounts.title),
    async Page({ params }: RouteProps<{ id: string }>) {
      const { id } = await params;
      const session = await requireSession(locale);
      if (session.official.role !== 'admin') return <AccountsAdminOnlyView locale={locale} session={session} />;
      const account = await adminRead<Account>(locale, `/api/v1/admin/accounts/${encodeURIComponent(id)}`);
      if (!account) return <WorkspaceNotFoundView locale={locale} session={session} />;
      return <AccountEditView locale={locale} session={session} account={account} flash={await accountsFlash()} />;
    },
  };
}
