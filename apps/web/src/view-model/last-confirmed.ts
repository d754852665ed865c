import { formatVietnamIso } from '@pho-so/shared/domain';
import type { Locale } from '../i18n/locale';
import { formatIsoDate } from './format';

/** The calendar day (Vietnam time) of an official's last "still correct", as the page's language writes dates; null when unreadable. */
export function lastConfirmedDay(iso: string, locale: Locale): string | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  return formatIsoDate(formatVietnamIso(instant).slice(0, 10), locale);
}
