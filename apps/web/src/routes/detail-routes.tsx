// The procedure, service point, search and plate-check pages for both languages; the files under app/
// re-export these with their segment config.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { checkPlate, loadProcedure, loadServicePoint, search } from '../data/lookups';
import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { ProcedureView } from '../views/procedure-view';
import { SearchView } from '../views/search-view';
import { ServicePointView } from '../views/service-point-view';
import { VerifyView } from '../views/verify-view';
import { searchInputFrom } from '../view-model/search';
import { pageMetadata } from './metadata';
import { firstParam, type RouteProps, type SearchRouteProps } from './route-params';

const procedure = cache(loadProcedure);
const servicePoint = cache(loadServicePoint);

export function procedureRoute(locale: Locale) {
  return {
    async generateMetadata({ params }: RouteProps<{ code: string }>): Promise<Metadata> {
      const { code } = await params;
      const found = await procedure(code);
      if (!found) return { title: messagesFor(locale).procedure.notFoundTitle };
      return pageMetadata({ locale, title: found.name, description: `${found.code} · ${found.field} · ${messagesFor(locale).procedure.documentsTitle}`, path: `/thu-tuc/${code}` });
    },
    async Page({ params }: RouteProps<{ code: string }>) {
      const { code } = await params;
      const found = await procedure(code);
      if (!found) notFound();
      return <ProcedureView locale={locale} procedure={found} />;
    },
  };
}

export function servicePointRoute(locale: Locale) {
  return {
    async generateMetadata({ params }: RouteProps<{ id: string }>): Promise<Metadata> {
      const { id } = await params;
      const found = await servicePoint(id);
      if (!found) return { title: messagesFor(locale).servicePoint.notFoundTitle };
      return pageMetadata({ locale, title: found.name, description: `${found.address} · ${messagesFor(locale).servicePoint.weeklyHours}`, path: `/diem-phuc-vu/${id}` });
    },
    async Page({ params }: RouteProps<{ id: string }>) {
      const { id } = await params;
      const found = await servicePoint(id);
      if (!found) notFound();
      return <ServicePointView locale={locale} point={found} />;
    },
  };
}

export function searchRoute(locale: Locale) {
  return {
    generateMetadata(): Metadata {
      const t = messagesFor(locale);
      return { ...pageMetadata({ locale, title: t.search.title, description: t.siteDescription, path: '/tim-kiem' }), robots: { index: false, follow: true } };
    },
    async Page({ searchParams }: SearchRouteProps) {
      const params = await searchParams;
      const input = searchInputFrom((name) => firstParam(params[name]));
      const outcome = input.q || input.field || input.ward ? await search(input) : null;
      return <SearchView locale={locale} input={input} outcome={outcome} />;
    },
  };
}

export function verifyRoute(locale: Locale) {
  return {
    generateMetadata(): Metadata {
      const t = messagesFor(locale);
      return pageMetadata({ locale, title: t.verify.title, description: t.verify.lead, path: '/kiem-tra' });
    },
    async Page({ searchParams }: SearchRouteProps) {
      const code = (firstParam((await searchParams).ma) ?? '').trim().slice(0, 64);
      const check = code ? await checkPlate(code) : null;
      return <VerifyView locale={locale} code={code} check={check} />;
    },
  };
}
