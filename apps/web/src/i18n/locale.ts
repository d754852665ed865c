/** The two languages of the UI. Data (street names, procedure names, addresses) stays Vietnamese in both. */
export type Locale = 'vi' | 'en';

export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** BCP 47 tag for Intl and for `lang` attributes. */
export const LANGUAGE_TAG: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * The URL of a page in a language: Vietnamese at the root, English under `/en`. Paths keep their
 * Vietnamese words in both (`/en/duong/ly-bon`), so a link shared in one language maps to the other.
 */
export function localePath(locale: Locale, path: string): string {
  if (!path.startsWith('/')) throw new Error(`localePath expects an absolute path, got ${path}`);
  if (locale === 'vi') return path;
  return path === '/' ? '/en' : `/en${path}`;
}

export const otherLocale = (locale: Locale): Locale => (locale === 'vi' ? 'en' : 'vi');
