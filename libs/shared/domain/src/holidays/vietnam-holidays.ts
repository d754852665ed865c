/**
 * Vietnamese public holidays (ngày nghỉ lễ, tết) for the years 2020–2035, as days off for civil servants,
 * whose offices (and so the public administrative service centres) work Monday to Friday
 * (Quyết định 188/1999/QĐ-TTg, the 40-hour week).
 *
 * How a year is built:
 * 1. The law's list. Bộ luật Lao động 2019, Điều 112 khoản 1 (from 2021; for 2020 its predecessor,
 *    Bộ luật Lao động 2012, Điều 115 khoản 1): 1/1; Tết Âm lịch 5 days; 30/4; 1/5; Quốc khánh 2/9
 *    (from 2021 two days: 2/9 and one day next to it; one day in 2020); Giỗ Tổ Hùng Vương 10/3 lunar.
 * 2. The days the law leaves to the Prime Minister (Điều 112 khoản 3), by a default that reproduces the
 *    working days off of every announced schedule of 2020–2025:
 *    - Tết: the last two days of the lunar year and days 1–3 of the new one ("02 ngày cuối năm và
 *      03 ngày đầu năm âm lịch", one of the two patterns proposed each year; the other, one day before
 *      and four after, matches none of 2020–2025);
 *    - Quốc khánh: of 1/9 and 3/9, a working day; among those, one that joins the break to a weekend;
 *      otherwise 1/9 (2021: 3/9; 2022, 2023, 2025: 1/9; 2024: 3/9).
 * 3. Compensatory days (nghỉ bù; Điều 111 khoản 3, in 2012 Điều 115 khoản 3): a holiday on a Saturday or
 *    Sunday gives a day off on the next working day that is not already off.
 * 4. Announced schedules (./announced-schedules.ts) replace steps 2–3 for the occasions they cover.
 */
import { type IsoDate, addDays, datesBetween, formatIsoDate, isoWeekday, parseIsoDate } from './civil-date';
import { ANNOUNCED_SCHEDULES, type AnnouncedSchedule, type HolidayOccasion } from './announced-schedules';
import { lunarToSolar, solarToLunar } from './lunar-calendar';

export type { AnnouncedSchedule, HolidayOccasion } from './announced-schedules';

export type HolidayKind = 'holiday' | 'compensatory' | 'announced_day_off';

export interface Holiday {
  date: IsoDate;
  /** Vietnamese name, as a page shows it. */
  name: string;
  nameEn: string;
  /**
   * holiday: a day of the law's list (for Tết and the day next to 2/9: the days chosen by default or announced);
   * compensatory: nghỉ bù for a holiday on a weekend;
   * announced_day_off: another day of an announced break (a swapped weekday, a weekend the break includes).
   */
  kind: HolidayKind;
  occasion: HolidayOccasion;
  source: string;
}

/** A Saturday the government declared a working day in exchange for a weekday off ("làm bù"). */
export interface WorkingDayOverride {
  date: IsoDate;
  /** The weekday given off in exchange; the make-up day works that day's hours. */
  replaces: IsoDate;
  name: string;
  nameEn: string;
  source: string;
}

export const FIRST_HOLIDAY_YEAR = 2020;
export const LAST_HOLIDAY_YEAR = 2035;

const LAW_2019 = 'Bộ luật Lao động 2019, Điều 112 khoản 1';
const LAW_2012 = 'Bộ luật Lao động 2012, Điều 115 khoản 1';
const COMPENSATION_2019 = 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù vào ngày làm việc kế tiếp)';
const COMPENSATION_2012 = 'Bộ luật Lao động 2012, Điều 115 khoản 3 (nghỉ bù vào ngày kế tiếp)';
const DEFAULT_CHOICE =
  'ngày cụ thể do Thủ tướng quyết định (Điều 112 khoản 3); chưa có lịch công bố trong bảng, dùng quy tắc mặc định';

/** Throws a RangeError outside the years this module has rules and data for. */
export function assertHolidayYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR) {
    throw new RangeError(
      `Vietnamese public holidays are known for ${FIRST_HOLIDAY_YEAR}–${LAST_HOLIDAY_YEAR} only, got ${year}; ` +
        'extend libs/shared/domain/src/holidays before relying on other years',
    );
  }
}

const isWeekend = (date: IsoDate): boolean => isoWeekday(date) >= 6;
const iso = (year: number, month: number, day: number): IsoDate => formatIsoDate({ year, month, day });
const lawFor = (year: number): string => (year >= 2021 ? LAW_2019 : LAW_2012);

function fixedHolidays(year: number): Holiday[] {
  const law = lawFor(year);
  return [
    { date: iso(year, 1, 1), name: 'Tết Dương lịch', nameEn: "New Year's Day", occasion: 'new_year' },
    {
      date: lunarToSolar({ year, month: 3, day: 10, leap: false }),
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      nameEn: "Hung Kings' Commemoration Day",
      occasion: 'hung_kings',
    },
    { date: iso(year, 4, 30), name: 'Ngày Chiến thắng (30/4)', nameEn: 'Reunification Day', occasion: 'reunification' },
    { date: iso(year, 5, 1), name: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day', occasion: 'labour_day' },
    { date: iso(year, 9, 2), name: 'Quốc khánh', nameEn: 'National Day', occasion: 'national_day' },
  ].map((day) => ({ ...day, kind: 'holiday', source: law }) as Holiday);
}

/** Default Tết: the last two days of the lunar year and days 1–3 of the new one. */
function defaultTetDays(year: number): Holiday[] {
  const firstDay = lunarToSolar({ year, month: 1, day: 1, leap: false });
  const source = `${lawFor(year)}; ${DEFAULT_CHOICE}: 02 ngày cuối năm và 03 ngày đầu năm âm lịch`;
  const days = [-2, -1, 0, 1, 2].map((offset): Holiday => {
    const date = addDays(firstDay, offset);
    const lunarDay = solarToLunar(date).day;
    return offset < 0
      ? {
          date,
          name: `Tết Nguyên đán (${lunarDay} tháng Chạp)`,
          nameEn: `Lunar New Year holiday (day ${lunarDay} of the 12th lunar month)`,
          kind: 'holiday',
          occasion: 'tet',
          source,
        }
      : {
          date,
          name: `Tết Nguyên đán (mùng ${lunarDay} tháng Giêng)`,
          nameEn: `Lunar New Year (Tết), day ${lunarDay}`,
          kind: 'holiday',
          occasion: 'tet',
          source,
        };
  });
  return days;
}

/** Default day next to 2/9 (from 2021): a working day, preferably one that joins the break to a weekend. */
function defaultNationalDayNeighbour(year: number): Holiday | null {
  if (year < 2021) return null; // the 2012 code gave 2/9 alone
  const before = iso(year, 9, 1);
  const after = iso(year, 9, 3);
  const touchesWeekend = (date: IsoDate, outward: IsoDate): boolean => isWeekend(outward) || isWeekend(date);
  const candidates = [
    { date: before, joinsWeekend: touchesWeekend(before, addDays(before, -1)) },
    { date: after, joinsWeekend: touchesWeekend(after, addDays(after, 1)) },
  ].filter((candidate) => !isWeekend(candidate.date));
  const chosen = candidates.find((candidate) => candidate.joinsWeekend) ?? candidates[0];
  if (!chosen) return null; // unreachable: 1/9 and 3/9 are never both weekend days
  return {
    date: chosen.date,
    name: 'Quốc khánh (ngày liền kề)',
    nameEn: 'National Day holiday (adjacent day)',
    kind: 'holiday',
    occasion: 'national_day',
    source: `${LAW_2019} (02 ngày: 02/9 và 01 ngày liền kề trước hoặc sau); ${DEFAULT_CHOICE}`,
  };
}

/** Nghỉ bù: each holiday on a weekend moves to the next weekday that is not already off, in date order. */
function withCompensatoryDays(year: number, holidays: Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((day) => day.date));
  const compensatory: Holiday[] = [];
  for (const holiday of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(holiday.date)) continue;
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    compensatory.push({
      date,
      name: `Nghỉ bù ${holiday.name}`,
      nameEn: `Compensatory day off for ${holiday.nameEn}`,
      kind: 'compensatory',
      occasion: holiday.occasion,
      source: year >= 2021 ? COMPENSATION_2019 : COMPENSATION_2012,
    });
  }
  return [...holidays, ...compensatory];
}

/** The holidays of a year from the law and the default choices alone, before any announced schedule. */
export function computedVietnamHolidays(year: number): Holiday[] {
  assertHolidayYear(year);
  const neighbour = defaultNationalDayNeighbour(year);
  const base = [...fixedHolidays(year), ...defaultTetDays(year), ...(neighbour ? [neighbour] : [])];
  return sortByDate(withCompensatoryDays(year, base));
}

/**
 * Replaces what was computed for the schedule's occasions by its break: every day from `from` to `to`.
 * A day the computation also had keeps its kind and name (it is a holiday or nghỉ bù in law too);
 * the others (swapped weekdays, weekends inside the break) become announced_day_off.
 */
function applyAnnouncedSchedule(holidays: Holiday[], schedule: AnnouncedSchedule): Holiday[] {
  const covered = (day: Holiday): boolean => schedule.occasions.includes(day.occasion);
  const computedByDate = new Map(holidays.filter(covered).map((day) => [day.date, day]));
  const firstOccasion = schedule.occasions[0] ?? 'tet';
  const breakDays = datesBetween(schedule.from, schedule.to).map((date): Holiday => {
    const computed = computedByDate.get(date);
    return computed
      ? { ...computed, source: `${schedule.source}; ${lawFor(schedule.year)}` }
      : {
          date,
          name: schedule.name,
          nameEn: schedule.nameEn,
          kind: 'announced_day_off',
          occasion: firstOccasion,
          source: schedule.source,
        };
  });
  return [...holidays.filter((day) => !covered(day)), ...breakDays];
}

const sortByDate = (days: Holiday[]): Holiday[] => [...days].sort((a, b) => a.date.localeCompare(b.date));
const announcedFor = (year: number): AnnouncedSchedule[] => ANNOUNCED_SCHEDULES.filter((s) => s.year === year);
const yearCache = new Map<number, readonly Holiday[]>();

/**
 * Every day off of a year (2020–2035) for public offices, in date order: the law's holidays, compensatory
 * days, and the days of announced breaks. Throws a RangeError for other years.
 */
export function vietnamHolidays(year: number): Holiday[] {
  assertHolidayYear(year);
  let days = yearCache.get(year);
  if (!days) {
    days = Object.freeze(sortByDate(announcedFor(year).reduce(applyAnnouncedSchedule, computedVietnamHolidays(year))));
    yearCache.set(year, days);
  }
  return days.map((day) => ({ ...day }));
}

/** Saturdays declared working days in a year (2020–2035), in date order. */
export function workingDayOverrides(year: number): WorkingDayOverride[] {
  assertHolidayYear(year);
  return announcedFor(year)
    .flatMap((schedule) =>
      schedule.makeUpWorkingDays.map((day) => ({
        ...day,
        name: `Làm bù cho ngày ${formatDayMonth(day.replaces)}`,
        nameEn: `Make-up working day for ${day.replaces}`,
        source: schedule.source,
      })),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
}

const formatDayMonth = (date: IsoDate): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const yearOf = (date: IsoDate): number => parseIsoDate(date).year;

/** The day-off entries of one date (usually none or one). */
export function holidaysOn(date: IsoDate): Holiday[] {
  return vietnamHolidays(yearOf(date)).filter((day) => day.date === date);
}

/** Whether a date (YYYY-MM-DD, 2020–2035) is a day off for public offices by law or announcement. */
export function isPublicHoliday(date: IsoDate): boolean {
  return holidaysOn(date).length > 0;
}

/** The make-up working day on a date, if the government declared one. */
export function workingDayOverrideOn(date: IsoDate): WorkingDayOverride | undefined {
  return workingDayOverrides(yearOf(date)).find((day) => day.date === date);
}
