import { datesBetween, isoWeekday } from './civil-date';
import { ANNOUNCED_SCHEDULES } from './announced-schedules';
import {
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
  computedVietnamHolidays,
  holidaysOn,
  isPublicHoliday,
  vietnamHolidays,
  workingDayOverrides,
} from './vietnam-holidays';

const years = Array.from({ length: LAST_HOLIDAY_YEAR - FIRST_HOLIDAY_YEAR + 1 }, (_, i) => FIRST_HOLIDAY_YEAR + i);
const isWeekday = (date: string): boolean => isoWeekday(date) <= 5;

/** Dates off between two dates (both included), from the full list. */
function daysOff(from: string, to: string): string[] {
  const year = Number(from.slice(0, 4));
  return vietnamHolidays(year)
    .map((day) => day.date)
    .filter((date) => date >= from && date <= to);
}
const weekdaysOff = (from: string, to: string): string[] => daysOff(from, to).filter(isWeekday);

describe('announced schedules for civil servants, as published', () => {
  it('Tết Quý Mão 2023: Friday 20/01 (29 tháng Chạp) to Thursday 26/01/2023 — Bộ LĐTBXH announcement', () => {
    expect(daysOff('2023-01-03', '2023-02-28')).toEqual(datesBetween('2023-01-20', '2023-01-26'));
  });

  it('Tết Giáp Thìn 2024: Thursday 08/02 to Wednesday 14/02/2024 — Bộ LĐTBXH announcement', () => {
    expect(daysOff('2024-01-02', '2024-03-31')).toEqual(datesBetween('2024-02-08', '2024-02-14'));
  });

  it('Tết Ất Tỵ 2025: Saturday 25/01 to Sunday 02/02/2025, nine days — Bộ LĐTBXH announcement', () => {
    expect(daysOff('2025-01-02', '2025-03-31')).toEqual(datesBetween('2025-01-25', '2025-02-02'));
    expect(isPublicHoliday('2025-01-24')).toBe(false); // the Friday before was worked
    expect(isPublicHoliday('2025-02-03')).toBe(false);
  });

  it('Tết 2020, 2021 and 2022: 23–29/01/2020, 10–16/02/2021, 29/01–06/02/2022 — Bộ LĐTBXH announcements', () => {
    expect(daysOff('2020-01-02', '2020-03-31')).toEqual(datesBetween('2020-01-23', '2020-01-29'));
    expect(daysOff('2021-01-02', '2021-03-31')).toEqual(datesBetween('2021-02-10', '2021-02-16'));
    expect(daysOff('2022-01-04', '2022-03-31')).toEqual(datesBetween('2022-01-29', '2022-02-06'));
  });

  it('30/4–1/5/2024: Saturday 27/04 to Wednesday 01/05, Monday 29/04 swapped for Saturday 04/05 — Thủ tướng, Bộ LĐTBXH', () => {
    expect(daysOff('2024-04-19', '2024-05-31')).toEqual(datesBetween('2024-04-27', '2024-05-01'));
    expect(workingDayOverrides(2024)).toEqual([expect.objectContaining({ date: '2024-05-04', replaces: '2024-04-29' })]);
  });

  it('30/4–1/5/2025: Wednesday 30/04 to Sunday 04/05, Friday 02/05 swapped for Saturday 26/04 — Thủ tướng, Bộ Nội vụ', () => {
    expect(daysOff('2025-04-08', '2025-05-31')).toEqual(datesBetween('2025-04-30', '2025-05-04'));
    expect(workingDayOverrides(2025)).toEqual([expect.objectContaining({ date: '2025-04-26', replaces: '2025-05-02' })]);
  });

  it('Giỗ Tổ with 30/4–1/5/2023: Saturday 29/04 to Wednesday 03/05/2023, two days nghỉ bù — Bộ LĐTBXH announcement', () => {
    expect(weekdaysOff('2023-04-01', '2023-05-31')).toEqual(['2023-05-01', '2023-05-02', '2023-05-03']);
    expect(daysOff('2023-04-01', '2023-05-31')).toEqual(['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03']);
    expect(holidaysOn('2023-05-02')[0]?.kind).toBe('compensatory');
  });

  it('Quốc khánh 2021–2025 as announced: 2–3/9/2021, 1–4/9/2022, 1–4/9/2023, 31/8–3/9/2024, 30/8–2/9/2025', () => {
    expect(weekdaysOff('2021-08-01', '2021-09-30')).toEqual(['2021-09-02', '2021-09-03']);
    expect(daysOff('2022-08-01', '2022-09-30')).toEqual(datesBetween('2022-09-01', '2022-09-04'));
    expect(daysOff('2023-08-01', '2023-09-30')).toEqual(datesBetween('2023-09-01', '2023-09-04'));
    expect(daysOff('2024-08-01', '2024-09-30')).toEqual(datesBetween('2024-08-31', '2024-09-03'));
    expect(daysOff('2025-08-01', '2025-09-30')).toEqual(datesBetween('2025-08-30', '2025-09-02'));
  });

  it('New Year and Giỗ Tổ with nghỉ bù: 1/1/2022 (Sat) → Mon 3/1; 1/1/2023 (Sun) → Mon 2/1; Giỗ Tổ 10/4/2022 (Sun) → Mon 11/4', () => {
    expect(daysOff('2022-01-01', '2022-01-10')).toEqual(['2022-01-01', '2022-01-03']);
    expect(daysOff('2023-01-01', '2023-01-10')).toEqual(['2023-01-01', '2023-01-02']);
    expect(daysOff('2022-04-01', '2022-04-20')).toEqual(['2022-04-10', '2022-04-11']);
  });

  it('lists every day off of 2025, exactly', () => {
    expect(vietnamHolidays(2025).map((day) => day.date)).toEqual([
      '2025-01-01',
      ...datesBetween('2025-01-25', '2025-02-02'),
      '2025-04-07',
      ...datesBetween('2025-04-30', '2025-05-04'),
      ...datesBetween('2025-08-30', '2025-09-02'),
    ]);
  });

  it('tells holidays of the law from announced days off', () => {
    expect(holidaysOn('2025-01-29')).toEqual([
      expect.objectContaining({ kind: 'holiday', occasion: 'tet', name: 'Tết Nguyên đán (mùng 1 tháng Giêng)' }),
    ]);
    expect(holidaysOn('2025-05-02')).toEqual([expect.objectContaining({ kind: 'announced_day_off', occasion: 'reunification' })]);
    expect(holidaysOn('2025-01-25')[0]?.source).toMatch(/Tết Ất Tỵ 2025/);
  });
});

describe('computed defaults', () => {
  it('reproduce the working days off of every announced schedule without a swap (the defaults were chosen for that)', () => {
    for (const schedule of ANNOUNCED_SCHEDULES.filter((s) => s.makeUpWorkingDays.length === 0)) {
      const computed = computedVietnamHolidays(schedule.year)
        .map((day) => day.date)
        .filter((date) => date >= schedule.from && date <= schedule.to && isWeekday(date));
      expect({ schedule: schedule.source, days: computed }).toEqual({
        schedule: schedule.source,
        days: datesBetween(schedule.from, schedule.to).filter(isWeekday),
      });
    }
  });

  it('give Quốc khánh one day in 2020 (Bộ luật Lao động 2012) and two from 2021', () => {
    expect(daysOff('2020-08-01', '2020-09-30')).toEqual(['2020-09-02']);
    expect(computedVietnamHolidays(2027).filter((day) => day.occasion === 'national_day').map((d) => d.date)).toEqual([
      '2027-09-02',
      '2027-09-03',
    ]);
  });

  it('Tết 2026 (Tuesday 17/02): 15/02–19/02 with nghỉ bù on Friday 20/02 for Sunday 15/02', () => {
    expect(daysOff('2026-02-01', '2026-02-28')).toEqual(datesBetween('2026-02-15', '2026-02-20'));
    expect(holidaysOn('2026-02-20')[0]).toMatchObject({ kind: 'compensatory', name: 'Nghỉ bù Tết Nguyên đán (28 tháng Chạp)' });
  });

  it.each(years.filter((year) => year >= 2026))('%i: the law’s 11 holidays, and a nghỉ bù on a free weekday for each weekend one', (year) => {
    const days = vietnamHolidays(year);
    const holidays = days.filter((day) => day.kind === 'holiday');
    const compensatory = days.filter((day) => day.kind === 'compensatory');
    expect(holidays).toHaveLength(11);
    expect(holidays.filter((day) => day.occasion === 'tet')).toHaveLength(5);
    expect(compensatory).toHaveLength(holidays.filter((day) => !isWeekday(day.date)).length);
    compensatory.forEach((day) => expect(isWeekday(day.date)).toBe(true));
  });
});

describe('every year 2020–2035', () => {
  it.each(years)('%i: dates are unique, in order, in the year, and each day names its source', (year) => {
    const days = vietnamHolidays(year);
    const dates = days.map((day) => day.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    dates.forEach((date) => expect(date.startsWith(`${year}-`)).toBe(true));
    days.forEach((day) => {
      expect(day.name).not.toBe('');
      expect(day.nameEn).not.toBe('');
      expect(day.source).toMatch(/Bộ luật Lao động|thông báo|Thủ tướng/);
    });
  });
});

describe('range and input checks', () => {
  it('throws a RangeError naming the supported years outside 2020–2035', () => {
    expect(() => vietnamHolidays(2019)).toThrow(RangeError);
    expect(() => vietnamHolidays(2036)).toThrow(/2020–2035/);
    expect(() => workingDayOverrides(2036)).toThrow(RangeError);
    expect(() => isPublicHoliday('2036-01-01')).toThrow(RangeError);
  });

  it('refuses malformed or impossible dates', () => {
    expect(() => isPublicHoliday('2025-02-29')).toThrow(RangeError);
    expect(() => isPublicHoliday('29/01/2025')).toThrow(/YYYY-MM-DD/);
  });

  it('returns copies, so a caller cannot change the table', () => {
    const first = vietnamHolidays(2025);
    first.splice(0, first.length);
    expect(vietnamHolidays(2025).length).toBeGreaterThan(10);
  });
});
