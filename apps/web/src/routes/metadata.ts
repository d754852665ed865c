import type { Metadata } from 'next';
import { webConfig } from '../config';
import { LANGUAGE_TAG, localePath, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';

interface PageMetadataInput {
  locale: Locale;
  title: string;
  description: string;
  /** The page's path without language prefix. */
  path: string;
  /** Where search engines should send people instead (e.g. a plate's page points at its street's page). */
  canonicalPath?: string;
}

/**
 * Title, description, canonical and language alternates, and Open Graph tags for link previews. Absolute
 * URLs use PUBLIC_BASE_URL as read when the page is generated (pages are generated at run time).
 */
export function pageMetadata({ locale, title, description, path, canonicalPath = path }: PageMetadataInput): Metadata {
  const base = webConfig().publicBaseUrl;
  const url = `${base}${localePath(locale, canonicalPath)}`;
  return {
    metadataBase: new URL(base),
    title,
    description,
    alternates: {
      canonical: url,
      languages: { vi: `${base}${localePath('vi', canonicalPath)}`, en: `${base}${localePath('en', canonicalPath)}` },
    },
    openGraph: {
      type: 'website',
      siteName: messagesFor(locale).siteName,
      title,
      description,
      url,
      locale: LANGUAGE_TAG[locale].replace('-', '_'),
    },
    twitter: { card: 'summary', title, description },
  };
}
