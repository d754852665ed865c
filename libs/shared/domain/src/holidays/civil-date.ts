/**
 * Calendar dates without a time or a time zone ("2025-01-29"), the unit every holiday rule works in.
 * All arithmetic goes through Date.UTC, never through local-time Date methods, so no result depends on
 * the time zone of the process that runs it.
 */

/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads YYYY-MM-DD; throws a RangeError for anything else, including dates that do not exist (2025-02-29). */
export function parseIsoDate(text: string): CivilDate {
  const match = ISO_DATE.exec(text);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${text}"`);
  const civil = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (formatIsoDate(civil) !== text) throw new RangeError(`"${text}" is not a date of the calendar`);
  return civil;
}

export function formatIsoDate({ year, month, day }: CivilDate): IsoDate {
  // Goes through Date.UTC so an out-of-range day (Feb 30) comes out as the date it overflows to,
  // which parseIsoDate uses to reject dates that do not exist.
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 (negative before). A plain counter for date arithmetic and comparisons. */
export function dayNumber(date: IsoDate | CivilDate): number {
  const { year, month, day } = typeof date === 'string' ? parseIsoDate(date) : date;
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(days: number): IsoDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate | CivilDate): number {
  const sundayIsZero = new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
  return sundayIsZero === 0 ? 7 : sundayIsZero;
}

/** Every date from `from` to `to`, both included (empty when `to` is before `from`). */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n += 1) dates.push(fromDayNumber(n));
  return dates;
}
