import { dayNumber, isoWeekday, parseIsoDate } from '../holidays/civil-date';
import type { NextChange } from './opening-status';
import { formatMinute, toVietnamWallClock } from './vietnam-time';

export type DisplayLocale = 'vi' | 'en';

const WEEKDAY_NAMES: Record<DisplayLocale, readonly string[]> = {
  vi: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** From a week ahead a weekday alone is ambiguous (Tết can close a centre for nine days): add the date. */
const DAYS_BEFORE_DATE_IS_SHOWN = 7;

/**
 * The next change as a short phrase, in Vietnamese time:
 * today → "Đóng cửa lúc 11:30" / "closes 11:30"; another day → "Mở cửa Thứ Hai 07:30" / "opens Mon 07:30";
 * a week or more ahead → "Mở cửa Thứ Hai 03/02 07:30" / "opens Mon 3 Feb 07:30". Null for no next change.
 */
export function describeNextChange(nextChange: NextChange | null, at: Date, locale: DisplayLocale): string | null {
  if (!nextChange) return null;
  const change = toVietnamWallClock(new Date(nextChange.at));
  const now = toVietnamWallClock(at);
  const time = formatMinute(change.minute);
  const daysAhead = dayNumber(change.date) - dayNumber(now.date);
  const weekday = WEEKDAY_NAMES[locale][isoWeekday(change.date) - 1] ?? '';
  const { month, day } = parseIsoDate(change.date);
  const date =
    daysAhead >= DAYS_BEFORE_DATE_IS_SHOWN
      ? locale === 'vi'
        ? ` ${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`
        : ` ${day} ${MONTHS_EN[month - 1] ?? ''}`
      : '';
  const when = daysAhead === 0 ? (locale === 'vi' ? `lúc ${time}` : time) : `${weekday}${date} ${time}`;
  if (locale === 'vi') return `${nextChange.kind === 'opens' ? 'Mở cửa' : 'Đóng cửa'} ${when}`;
  return `${nextChange.kind === 'opens' ? 'opens' : 'closes'} ${when}`;
}
