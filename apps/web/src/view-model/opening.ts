import type { OpeningState } from '@pho-so/shared/contracts';
import { weekSchedule, type WeekSchedule } from '@pho-so/shared/domain';
import type { Locale } from '../i18n/locale';
import { messagesFor } from '../i18n/messages';

/** "07:30–11:30, 13:30–17:00", or the locale's word for closed when there are no intervals. */
export function intervalsText(intervals: OpeningState['todayHours'], closedWord: string): string {
  return intervals.length === 0 ? closedWord : intervals.map(({ from, to }) => `${from}–${to}`).join(', ');
}

/** "Hôm nay: 07:30–11:30" / "Hôm nay nghỉ". */
export function todayHoursText(intervals: OpeningState['todayHours'], locale: Locale): string {
  const t = messagesFor(locale).servicePoint;
  return intervals.length === 0 ? t.todayClosed : `${t.today}: ${intervalsText(intervals, t.dayClosed)}`;
}

/** The regular weekly hours, or null when the hours on record cannot be read (the page says so instead). */
export function readableWeekSchedule(openingHours: string): WeekSchedule | null {
  try {
    return weekSchedule(openingHours);
  } catch {
    return null;
  }
}
