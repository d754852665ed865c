/**
 * What a service point's day actually looks like once the calendar is applied:
 * - a public holiday, compensatory day or day of an announced break closes it all day (law and
 *   announcements apply to every public office; the hours text cannot reopen it, PH being refused);
 * - an official's closure (whole local days, `from` to `to` inclusive) closes it all day;
 * - a make-up working Saturday ("làm bù") opens with the hours of the weekday it replaces — it *is* that
 *   working day, moved — even where the place is normally closed on Saturdays or open only in the morning.
 */
import { type IsoDate, parseIsoDate } from '../holidays/civil-date';
import { type Holiday, type WorkingDayOverride, holidaysOn, workingDayOverrideOn } from '../holidays/vietnam-holidays';
import type { CompiledOpeningHours, MinuteInterval } from './compile-opening-hours';

export interface Closure {
  /** First closed date, YYYY-MM-DD (Vietnamese calendar). */
  from: IsoDate;
  /** Last closed date, included. */
  to: IsoDate;
  reason: string;
}

export interface DayPlan {
  date: IsoDate;
  /** Open intervals after holidays and closures. */
  intervals: MinuteInterval[];
  holiday?: Holiday;
  closure?: Closure;
  makeUpWorkingDay?: WorkingDayOverride;
}

/** The closure covering a date, if any. Dates are validated so a malformed one fails loudly, not silently. */
export function closureOn(date: IsoDate, closures: readonly Closure[]): Closure | undefined {
  return closures.find((closure) => {
    parseIsoDate(closure.from);
    parseIsoDate(closure.to);
    // YYYY-MM-DD strings order like the dates they spell.
    return closure.from <= date && date <= closure.to;
  });
}

export function planDay(hours: CompiledOpeningHours, date: IsoDate, closures: readonly Closure[]): DayPlan {
  const holiday = holidaysOn(date)[0];
  const closure = closureOn(date, closures);
  const makeUpWorkingDay = workingDayOverrideOn(date);
  // Days off skip the parser: a long closure is then cheap to step over when looking for the next opening.
  const intervals =
    holiday || closure ? [] : hours.openIntervalsOn(makeUpWorkingDay ? makeUpWorkingDay.replaces : date);
  return {
    date,
    intervals,
    ...(holiday && { holiday }),
    ...(closure && { closure }),
    ...(makeUpWorkingDay && { makeUpWorkingDay }),
  };
}
