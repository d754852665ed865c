import type { ReactNode } from 'react';
import { webConfig } from '../config';
import { localePath, otherLocale, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { webSiteJsonLd } from '../view-model/json-ld';
import { JsonLd } from './json-ld';

interface PageShellProps {
  locale: Locale;
  /** The page's path without the language prefix (e.g. `/duong/ly-bon`), for the language switch. */
  path: string;
  children: ReactNode;
}

/**
 * Header (brand, search, plate check, language switch), main content and the footer with the safety
 * promise, and the site's JSON-LD (WebSite with its search box) that every page carries besides its own.
 * Every page renders inside it; the root layouts only set `<html lang>`.
 */
export function PageShell({ locale, path, children }: PageShellProps) {
  const t = messagesFor(locale);
  const other = otherLocale(locale);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <a className="brand" href={localePath(locale, '/')}>
            {t.siteName}
          </a>
          <nav aria-label={t.nav.label} className="site-nav">
            <a href={localePath(locale, '/tim-kiem')}>{t.nav.search}</a>
            <a href={localePath(locale, '/kiem-tra')}>{t.nav.verify}</a>
            {/* The visible text is the accessible name (WCAG 2.5.3); the title explains it in the reader's language. */}
            <a href={localePath(other, path)} hrefLang={other} lang={other} title={t.nav.switchLanguageLabel}>
              {t.nav.switchLanguage}
            </a>
          </nav>
        </div>
      </header>
      <main id="main" className="wrap main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p className="safety">
            <strong lang="vi">{messagesFor('vi').safety}</strong>
            {locale === 'vi' ? null : <span className="safety-translation"> {t.safety}</span>}
          </p>
          <p>{t.footerData}</p>
        </div>
      </footer>
      <JsonLd data={webSiteJsonLd(webConfig().publicBaseUrl, t.siteName, localePath(locale, '/tim-kiem'))} />
    </>
  );
}
