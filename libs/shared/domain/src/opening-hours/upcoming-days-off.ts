import { type IsoDate, addDays, dayNumber } from '../holidays/civil-date';
import { type HolidayKind, LAST_HOLIDAY_YEAR, holidaysOn } from '../holidays/vietnam-holidays';
import { type Closure, closureOn } from './day-plan';
import { toVietnamWallClock } from './vietnam-time';

export type UpcomingDayOff =
  | { date: IsoDate; kind: HolidayKind; name: string; nameEn: string; source: string }
  | { date: IsoDate; kind: 'closure'; reason: string };

/**
 * Public holidays (with compensatory days and announced breaks) and the place's own closures in the
 * `days` days starting with the Vietnamese date of `from` (today included), in date order; a date that is
 * both a holiday and a closure appears twice. The window stops at the end of the last year with holiday
 * data (2035); a `from` outside 2020–2035 throws a RangeError.
 */
export function upcomingDaysOff(from: Date, days = 30, closures: readonly Closure[] = []): UpcomingDayOff[] {
  if (Number.isNaN(from.getTime())) throw new RangeError('upcomingDaysOff: `from` is not a valid date');
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`upcomingDaysOff: days must be a whole number ≥ 0, got ${days}`);
  const first = toVietnamWallClock(from).date;
  holidaysOn(first); // throws the RangeError for an unsupported year, even for an empty window
  const last = Math.min(dayNumber(first) + days - 1, dayNumber(`${LAST_HOLIDAY_YEAR}-12-31`));
  const result: UpcomingDayOff[] = [];
  for (let offset = 0; dayNumber(first) + offset <= last; offset += 1) {
    const date = addDays(first, offset);
    for (const holiday of holidaysOn(date)) {
      const { name, nameEn, kind, source } = holiday;
      result.push({ date, kind, name, nameEn, source });
    }
    const closure = closureOn(date, closures);
    if (closure) result.push({ date, kind: 'closure', reason: closure.reason });
  }
  return result;
}
