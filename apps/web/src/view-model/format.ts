// Display formatting of numbers, distances and times. Times from the API already carry Vietnam's +07:00
// offset, so they are shown as written (the wall clock of Thái Bình), never in the server's time zone.
import type { ProcedureChannelOut } from '@pho-so/shared/contracts';
import { formatVietnamIso } from '@pho-so/shared/domain';
import { LANGUAGE_TAG, type Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';

/** Metres below 1 km (to 10 m), then kilometres with one decimal, in the locale's number style. */
export function formatDistance(metres: number, locale: Locale): string {
  const units = messagesFor(locale).units;
  if (metres < 995) return units.metres(String(Math.max(10, Math.round(metres / 10) * 10)));
  const km = new Intl.NumberFormat(LANGUAGE_TAG[locale], { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(metres / 1000);
  return units.kilometres(km);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(LANGUAGE_TAG[locale]).format(value);
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** "09:05, 28/11/2026" (vi) or "09:05, 28 Nov 2026" (en) from an ISO instant written in +07:00. */
export function formatVietnamDateTime(iso: string, locale: Locale): string {
  // The API writes +07:00; anything else (Z, another offset) is first moved to Vietnam's wall clock.
  const instant = new Date(iso);
  const local = iso.endsWith('+07:00') || Number.isNaN(instant.getTime()) ? iso : formatVietnamIso(instant);
  const m = ISO_WITH_OFFSET.exec(local);
  if (!m) return iso;
  return `${m[4]}:${m[5]}, ${formatIsoDate(`${m[1]}-${m[2]}-${m[3]}`, locale)}`;
}

/** A calendar date (YYYY-MM-DD): "28/11/2026" in Vietnamese, "28 Nov 2026" in English. */
export function formatIsoDate(date: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  if (locale === 'vi') return `${m[3]}/${m[2]}/${m[1]}`;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc);
}

/** A day with its weekday, for holiday lists: "Thứ Ba, 01/09/2026" / "Tue, 1 Sep 2026". */
export function formatIsoDateWithWeekday(date: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const weekday = new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { weekday: locale === 'vi' ? 'long' : 'short', timeZone: 'UTC' }).format(utc);
  const capitalised = weekday.charAt(0).toLocaleUpperCase(LANGUAGE_TAG[locale]) + weekday.slice(1);
  return `${capitalised}, ${formatIsoDate(date, locale)}`;
}

const TIME_UNITS: Record<Locale, Record<string, (n: string) => string>> = {
  vi: { working_days: (n) => `${n} ngày làm việc`, days: (n) => `${n} ngày`, hours: (n) => `${n} giờ`, months: (n) => `${n} tháng` },
  en: { working_days: (n) => `${n} working days`, days: (n) => `${n} days`, hours: (n) => `${n} hours`, months: (n) => `${n} months` },
};

/**
 * A processing time as the portal states it. With a unit the value is written in the UI language;
 * without one the raw text is shown with a note, because the unit is never guessed.
 */
export function formatProcessingTime(time: ProcedureChannelOut['time'], locale: Locale): string {
  if (time.value !== null && time.unit !== null) {
    const formatUnit = TIME_UNITS[locale][time.unit];
    if (formatUnit) return formatUnit(formatNumber(time.value, locale));
  }
  const raw = time.raw.trim();
  if (raw === '') return '—';
  return time.value !== null && time.unit === null ? `${raw} ${messagesFor(locale).procedure.noUnit}` : raw;
}

/** A `tel:` link for a phone number as written ("0227 3 846 135" → "tel:02273846135"). */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;
