/**
 * "Open now?" for a service point, in Vietnamese time, with the next change and today's hours.
 * Pure: the instant is a parameter (the API passes the request's `at`, or now), never the clock.
 */
import { type IsoDate, addDays, dayNumber } from '../holidays/civil-date';
import { LAST_HOLIDAY_YEAR } from '../holidays/vietnam-holidays';
import { compileOpeningHours, type CompiledOpeningHours, type MinuteInterval } from './compile-opening-hours';
import { type Closure, type DayPlan, planDay } from './day-plan';
import {
  MINUTES_PER_DAY,
  formatMinute,
  formatVietnamIso,
  fromVietnamWallClock,
  toVietnamWallClock,
} from './vietnam-time';

export interface TimeInterval {
  /** "07:30" */
  from: string;
  /** "11:30"; "24:00" when open until midnight. */
  to: string;
}

export interface NextChange {
  /** ISO 8601 with the Vietnamese offset, e.g. "2025-02-03T07:30:00+07:00". */
  at: string;
  kind: 'opens' | 'closes';
}

export type ClosedReason = 'holiday' | 'closure' | 'outside_hours';

export interface OpeningStatusInput {
  /** OpenStreetMap opening_hours text; throws OpeningHoursError when it cannot be used. */
  openingHours: string;
  closures?: readonly Closure[];
  at: Date;
}

export interface OpeningStatus {
  open: boolean;
  /** Why it is closed (absent when open): a holiday or an official's closure, or simply outside its hours. */
  reason?: ClosedReason;
  holidayName?: string;
  holidayNameEn?: string;
  closureReason?: string;
  /** Today is a make-up working Saturday ("làm bù"), worked with the hours of the weekday it replaces. */
  makeUpWorkingDay: boolean;
  /** Null when nothing changes within a year (always open, never open, or a closure longer than that). */
  nextChange: NextChange | null;
  /** Today's hours (Vietnamese date of `at`) after holidays and closures; empty on a day off. */
  todayHours: TimeInterval[];
}

/** How far ahead the next change is looked for. */
const LOOKAHEAD_DAYS = 366;
/** Holidays are known to the end of this date; beyond it no day can be planned honestly. */
const LAST_PLANNABLE_DATE = `${LAST_HOLIDAY_YEAR}-12-31`;

export function openingStatus({ openingHours, closures = [], at }: OpeningStatusInput): OpeningStatus {
  if (Number.isNaN(at.getTime())) throw new RangeError('openingStatus: `at` is not a valid date');
  const hours = compileOpeningHours(openingHours);
  const now = toVietnamWallClock(at);
  const today = planDay(hours, now.date, closures);
  const open = today.intervals.some((interval) => interval.start <= now.minute && now.minute < interval.end);
  return {
    open,
    ...(open ? {} : closedBecause(today)),
    makeUpWorkingDay: today.makeUpWorkingDay !== undefined,
    nextChange: findNextChange(hours, closures, today, now.minute, open),
    todayHours: today.intervals.map(toTimeInterval),
  };
}

export const toTimeInterval = ({ start, end }: MinuteInterval): TimeInterval => ({
  from: formatMinute(start),
  to: formatMinute(end),
});

function closedBecause(day: DayPlan): Pick<OpeningStatus, 'reason' | 'holidayName' | 'holidayNameEn' | 'closureReason'> {
  const closure = day.closure ? { closureReason: day.closure.reason } : {};
  if (day.holiday) {
    return { reason: 'holiday', holidayName: day.holiday.name, holidayNameEn: day.holiday.nameEn, ...closure };
  }
  if (day.closure) return { reason: 'closure', ...closure };
  return { reason: 'outside_hours' };
}

/**
 * Walks the following days, joining intervals that meet at midnight (a night shift "22:00-02:00" closes
 * at 02:00, not at 24:00), until the state differs from the current one. Minutes are counted from
 * today's midnight so days can be joined.
 */
function findNextChange(
  hours: CompiledOpeningHours,
  closures: readonly Closure[],
  today: DayPlan,
  minuteNow: number,
  openNow: boolean,
): NextChange | null {
  if (hours.neverOpen) return null; // nothing to find: spare a year of days
  const lastDay = Math.min(LOOKAHEAD_DAYS, dayNumber(LAST_PLANNABLE_DATE) - dayNumber(today.date));
  // Open: the end of the run of open time we are in. Closed: the start of the next open interval.
  let openRunEnd = openNow ? currentIntervalEnd(today.intervals, minuteNow) : null;
  for (let offset = 0; offset <= lastDay; offset += 1) {
    const day = offset === 0 ? today : planDay(hours, addDays(today.date, offset), closures);
    const base = offset * MINUTES_PER_DAY;
    for (const interval of day.intervals) {
      const start = base + interval.start;
      const end = base + interval.end;
      if (openRunEnd !== null) {
        if (start > openRunEnd) return change(today.date, openRunEnd, 'closes');
        openRunEnd = Math.max(openRunEnd, end);
      } else if (start > minuteNow) {
        return change(today.date, start, 'opens');
      }
    }
    if (openRunEnd !== null && openRunEnd < base + MINUTES_PER_DAY) return change(today.date, openRunEnd, 'closes');
  }
  return null;
}

function currentIntervalEnd(intervals: MinuteInterval[], minute: number): number | null {
  return intervals.find((interval) => interval.start <= minute && minute < interval.end)?.end ?? null;
}

function change(todayDate: IsoDate, minuteFromToday: number, kind: NextChange['kind']): NextChange {
  return { at: formatVietnamIso(fromVietnamWallClock(todayDate, minuteFromToday)), kind };
}
