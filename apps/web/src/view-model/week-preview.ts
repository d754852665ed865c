// The editor's preview of the next 7 days of opening hours, computed from the hours being edited (not
// the saved ones) with the holiday calendar and the closures applied, as the public page will show them.
import {
  compileOpeningHours,
  holidaysOn,
  toTimeInterval,
  toVietnamWallClock,
  workingDayOverrideOn,
  type Closure,
  type TimeInterval,
} from '@pho-so/shared/domain';

export interface PreviewDay {
  date: string;
  intervals: TimeInterval[];
  /** Why the place is closed all day, when it is not just outside its hours. */
  holiday?: { name: string; nameEn: string };
  closure?: { reason: string };
  /** A make-up working Saturday: it works the hours of the weekday it replaces. */
  makeUpFor?: string;
}

/** YYYY-MM-DD plus whole days (civil dates, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export type WeekPreview = { ok: true; days: PreviewDay[] } | { ok: false };

/** Seven days from `from`'s Vietnamese date; `{ok:false}` when the hours cannot be read (the form says why). */
export function weekPreview(openingHours: string, closures: readonly Closure[], from: Date, days = 7): WeekPreview {
  let hours;
  try {
    hours = compileOpeningHours(openingHours.trim());
  } catch {
    return { ok: false };
  }
  const first = toVietnamWallClock(from).date;
  const result: PreviewDay[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(first, i);
    let holiday;
    try {
      holiday = holidaysOn(date)[0];
    } catch {
      holiday = undefined; // outside the years with holiday data
    }
    const closure = closures.find((c) => c.from <= date && date <= c.to);
    let override;
    try {
      override = workingDayOverrideOn(date);
    } catch {
      override = undefined;
    }
    const intervals = holiday || closure ? [] : hours.openIntervalsOn(override ? override.replaces : date).map(toTimeInterval);
    result.push({
      date,
      intervals,
      ...(holiday ? { holiday: { name: holiday.name, nameEn: holiday.nameEn } } : {}),
      ...(closure ? { closure: { reason: closure.reason } } : {}),
      ...(override ? { makeUpFor: override.replaces } : {}),
    });
  }
  return { ok: true, days: result };
}
