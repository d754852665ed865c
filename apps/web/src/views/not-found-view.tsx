import type { ReactNode } from 'react';
import { VerifyForm } from '../components/forms';
import { PageShell } from '../components/page-shell';
import { localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';

/** Any unknown address inside a language's pages; `children` adds to it (the global 404 adds English). */
export function NotFoundView({ locale, children }: { locale: Locale; children?: ReactNode }) {
  const t = messagesFor(locale).notFound;
  return (
    <PageShell locale={locale} path="/">
      <h1>{t.title}</h1>
      <p>{t.text}</p>
      <p>{t.qrHint}</p>
      <p>
        <a href={localePath(locale, '/')}>{t.home}</a>
      </p>
      {children}
    </PageShell>
  );
}

/**
 * The 404 of /q/{code}: the code is no official plate. Said plainly, with the warning a phishing
 * sticker calls for, and a way to check the code printed on the plate.
 */
export function NotOfficialPlateView({ locale }: { locale: Locale }) {
  const t = messagesFor(locale).plate;
  return (
    <PageShell locale={locale} path="/kiem-tra">
      <h1>{t.notOfficialTitle}</h1>
      <p>{t.notOfficialText}</p>
      <p className="warning">
        <strong>{t.notOfficialWarning}</strong>
      </p>
      <p>{t.verifyPrompt}</p>
      <VerifyForm locale={locale} />
    </PageShell>
  );
}
