import type { ReactNode } from 'react';
import type { Locale } from '../i18n/locale';
import '../styles/site.css';

/** The `<html>` of both root layouts: only the language differs (Next allows one root layout per language group). */
export function RootDocument({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
