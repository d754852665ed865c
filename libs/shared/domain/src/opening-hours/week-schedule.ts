import { type IsoDate, addDays, isoWeekday } from '../holidays/civil-date';
import { REFERENCE_MONDAY, compileOpeningHours } from './compile-opening-hours';
import { type TimeInterval, toTimeInterval } from './opening-status';
import { toVietnamWallClock } from './vietnam-time';

/** The weekday keys of a WeekSchedule, as OpenStreetMap writes them. */
export const SCHEDULE_WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type ScheduleWeekday = (typeof SCHEDULE_WEEKDAYS)[number];
export type WeekSchedule = Record<ScheduleWeekday, TimeInterval[]>;

/**
 * The regular weekly hours, Monday to Sunday, for a "weekly hours" table: holidays and closures are not
 * applied (the page lists those separately). Hours that depend on the date (summer and winter hours,
 * validateOpeningHours reports them as `date_dependent`) differ from week to week: pass the week to show
 * as `weekOf` (any instant in it, read in Vietnamese time); without it an ordinary January week is used.
 */
export function weekSchedule(openingHours: string, weekOf?: Date): WeekSchedule {
  const hours = compileOpeningHours(openingHours);
  const monday = weekOf ? mondayOf(toVietnamWallClock(weekOf).date) : REFERENCE_MONDAY;
  const entries = SCHEDULE_WEEKDAYS.map((weekday, index) => [
    weekday,
    hours.openIntervalsOn(addDays(monday, index)).map(toTimeInterval),
  ]);
  return Object.fromEntries(entries) as WeekSchedule;
}

const mondayOf = (date: IsoDate): IsoDate => addDays(date, 1 - isoWeekday(date));
