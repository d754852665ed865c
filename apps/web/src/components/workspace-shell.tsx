import type { ReactNode } from 'react';
import { localePath, otherLocale, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import type { Session } from '../data/workspace';

/** The API's queue dashboard (Bull Board); one address for both languages. */
export const QUEUE_DASHBOARD_HREF = '/api/v1/admin/queues';

interface WorkspaceShellProps {
  locale: Locale;
  /** The page's path without the language prefix, for the language switch. */
  path: string;
  /** The signed-in official (null on the login page). */
  session: Session | null;
  children: ReactNode;
}

/** The hidden CSRF field every workspace form carries (the session's synchronizer token). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The workspace's frame: brand, its own navigation with the logout button, the language switch. */
export function WorkspaceShell({ locale, path, session, children }: WorkspaceShellProps) {
  const t = messagesFor(locale);
  const w = t.workspace;
  const other = otherLocale(locale);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <a className="brand" href={localePath(locale, '/quan-tri')}>
            {t.siteName} · <span className="workspace-brand">{w.title}</span>
          </a>
          <nav aria-label={w.navLabel} className="site-nav">
            {session ? (
              <>
                <a href={localePath(locale, '/quan-tri')}>{w.myServicePoints}</a>
                <a href={localePath(locale, '/quan-tri/bien')}>{w.plates}</a>
                <a href={localePath(locale, '/quan-tri/duong')}>{w.editing.streets}</a>
                <a href={localePath(locale, '/quan-tri/thu-tuc')}>{w.editing.notes}</a>
                {session.official.role === 'admin' ? <a href={localePath(locale, '/quan-tri/lo-qr')}>{w.qrBatches.nav}</a> : null}
                {session.official.role === 'admin' ? <a href={localePath(locale, '/quan-tri/tai-khoan')}>{t.accounts.nav}</a> : null}
                {/* Bull Board, served by the API on the same origin (behind the edge): admins only, there too. */}
                {session.official.role === 'admin' ? <a href={QUEUE_DASHBOARD_HREF}>{t.accounts.queuesNav}</a> : null}
              </>
            ) : null}
            <a href={localePath(other, path)} hrefLang={other} lang={other} title={t.nav.switchLanguageLabel}>
              {t.nav.switchLanguage}
            </a>
          </nav>
        </div>
        {session ? (
          <div className="wrap header-row workspace-account">
            <p className="small">{w.signedInAs(session.official.displayName || session.official.email, w.roles[session.official.role] ?? session.official.role)}</p>
            <form method="post" action={localePath(locale, '/quan-tri/dang-xuat')} className="logout-form">
              <CsrfField token={session.csrfToken} />
              <button type="submit" className="secondary">
                {w.logout}
              </button>
            </form>
          </div>
        ) : null}
      </header>
      <main id="main" className="wrap main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          {/* Not the public pages' promise ("never asks for passwords"): this is where officials sign in. */}
          <p>{w.footer}</p>
        </div>
      </footer>
    </>
  );
}
