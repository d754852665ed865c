// The not-found pages of each language: for the not-found boundaries (app/*/not-found.tsx) and for the
// pages the proxy rewrites missing records to with status 404 (app/*/khong-tim-thay/...).
import type { Metadata } from 'next';
import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { NotFoundView, NotOfficialPlateView } from '../views/not-found-view';

export function notFoundRoute(locale: Locale) {
  return {
    metadata: { title: messagesFor(locale).notFound.title, robots: { index: false } } satisfies Metadata,
    Page: () => <NotFoundView locale={locale} />,
  };
}

export function notOfficialPlateRoute(locale: Locale) {
  return {
    metadata: { title: messagesFor(locale).plate.notOfficialTitle, robots: { index: false } } satisfies Metadata,
    Page: () => <NotOfficialPlateView locale={locale} />,
  };
}
