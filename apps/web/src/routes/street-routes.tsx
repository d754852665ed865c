// The street page (/duong/{slug}) and the page a QR code opens (/q/{code}), for both languages. The
// route files under app/ only re-export these with their segment config.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { loadPlate, loadStreetPage } from '../data/street-page';
import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';
import { StreetView } from '../views/street-view';
import { pageMetadata } from './metadata';
import type { RouteProps } from './route-params';

const streetPage = cache(loadStreetPage);
const plate = cache(loadPlate);

function describe(locale: Locale, name: string, wards: string[]): string {
  const t = messagesFor(locale);
  return `${name}, ${wards.join(', ')}: ${t.street.whereTitle.toLowerCase()} · ${t.street.proceduresTitle.toLowerCase()}.`;
}

export function streetRoute(locale: Locale) {
  return {
    async generateMetadata({ params }: RouteProps<{ slug: string }>): Promise<Metadata> {
      const { slug } = await params;
      const data = await streetPage(slug, null);
      if (!data) return { title: messagesFor(locale).street.notFoundTitle };
      const { street } = data;
      return pageMetadata({ locale, title: street.name, description: describe(locale, street.name, street.wards.map((w) => w.name)), path: `/duong/${slug}` });
    },
    async Page({ params }: RouteProps<{ slug: string }>) {
      const { slug } = await params;
      const data = await streetPage(slug, null);
      if (!data) notFound();
      return <StreetView locale={locale} data={data} scan={null} path={`/duong/${slug}`} />;
    },
  };
}

export function plateRoute(locale: Locale) {
  return {
    async generateMetadata({ params }: RouteProps<{ code: string }>): Promise<Metadata> {
      const { code } = await params;
      const found = await plate(code);
      if (!found) return { title: messagesFor(locale).plate.notOfficialTitle, robots: { index: false } };
      const { street } = found;
      return {
        ...pageMetadata({
          locale,
          title: `${street.name} · ${found.plate.code}`,
          description: describe(locale, street.name, street.wards.map((w) => w.name)),
          path: `/q/${code}`,
          canonicalPath: `/duong/${street.slug}`,
        }),
      };
    },
    async Page({ params }: RouteProps<{ code: string }>) {
      const { code } = await params;
      const found = await plate(code);
      if (!found) notFound();
      const data = await streetPage(found.street.slug, found.plate.code);
      if (!data) notFound();
      return <StreetView locale={locale} data={data} scan={{ plate: found.plate }} path={`/q/${code}`} />;
    },
  };
}
