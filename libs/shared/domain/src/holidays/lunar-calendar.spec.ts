import fc from 'fast-check';
import { addDays, dayNumber, fromDayNumber } from './civil-date';
import {
  deltaTSeconds,
  leapMonthOf,
  lunarMonthLength,
  lunarToSolar,
  newMoonJde,
  solarToLunar,
  sunApparentLongitude,
} from './lunar-calendar';

const tet = (year: number, utcOffsetHours = 7): string => lunarToSolar({ year, month: 1, day: 1, leap: false }, utcOffsetHours);

describe('astronomy (Jean Meeus, Astronomical Algorithms, 2nd ed., worked examples)', () => {
  it('puts the new moon of February 1977 (k = −283, example 49.a) at JDE 2443192.65118', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it("gives the sun's apparent longitude on 1992 October 13.0 TD (example 25.a) as 199.90895°", () => {
    expect(sunApparentLongitude(2448908.5)).toBeCloseTo(199.90895, 3);
  });

  it('keeps ΔT near the observed one minute for the holiday years', () => {
    expect(deltaTSeconds(2025)).toBeGreaterThan(60);
    expect(deltaTSeconds(2025)).toBeLessThan(80);
  });
});

describe('Tết (mùng 1 tháng Giêng) in Vietnam, UTC+7', () => {
  // Sources: for 2020–2025 the government's Tết schedules for civil servants, which date the break by the
  // lunar calendar ("29 tháng Chạp", "mùng 5 tháng Giêng"); for all years, the Vietnamese almanac
  // (Lịch vạn niên). 2030 is left to the UTC+7/UTC+8 test below.
  const known: [number, string][] = [
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2031, '2031-01-23'],
    [2032, '2032-02-11'],
    [2033, '2033-01-31'],
    [2034, '2034-02-19'],
    [2035, '2035-02-08'],
  ];
  it.each(known)('Tết %i is on %s', (year, date) => {
    expect(tet(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
    expect(solarToLunar(addDays(date, -1)).month).toBe(12);
  });

  it('knows that the lunar year Giáp Thìn ended on 29 tháng Chạp (no "30 Tết" in 2025, as widely reported)', () => {
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(() => lunarToSolar({ year: 2024, month: 12, day: 30, leap: false })).toThrow(RangeError);
  });

  it('dates the 2024 break as the announcement did: 8 Feb 2024 was 29 tháng Chạp, 14 Feb mùng 5', () => {
    expect(solarToLunar('2024-02-08')).toEqual({ year: 2023, month: 12, day: 29, leap: false });
    expect(solarToLunar('2024-02-14')).toEqual({ year: 2024, month: 1, day: 5, leap: false });
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 âm lịch)', () => {
  // Source: the government's holiday announcements and the Vietnamese almanac (Lịch vạn niên).
  const known: [number, string][] = [
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ];
  it.each(known)('%i: %s', (year, date) => {
    expect(lunarToSolar({ year, month: 3, day: 10, leap: false })).toBe(date);
  });
});

describe('Vietnamese (UTC+7) and Chinese (UTC+8) calendars differ when a new moon falls between 16:00 and 17:00 UTC', () => {
  it.each([
    // 1985: the December 1984 solstice (16:17 UTC on the 21st) fell on the last day of a lunar month in Hà Nội
    // and on the first day of the next month in Beijing, so month 11 — and with it the leap month — differ,
    // and Vietnam's Tết came a month earlier.
    [1985, '1985-01-21', '1985-02-20'],
    // 1968: the North had just moved to UTC+7; Tết Mậu Thân was 29 January there and 30 January in the South.
    [1968, '1968-01-29', '1968-01-30'],
    // 2007: new moon on 17 February at 16:14 UTC, 23:14 in Hà Nội and 00:14 in Beijing.
    [2007, '2007-02-17', '2007-02-18'],
    // 2030: new moon on 2 February at about 16:07 UTC (computed; 53 minutes from Hà Nội midnight).
    [2030, '2030-02-02', '2030-02-03'],
  ])('Tết %i: %s in Vietnam, %s in China', (year, vietnam, china) => {
    expect(tet(year, 7)).toBe(vietnam);
    expect(tet(year, 8)).toBe(china);
  });

  it('agrees on the years where both sources agree (e.g. Tết 2025)', () => {
    expect(tet(2025, 8)).toBe('2025-01-29');
  });
});

describe('leap months (tháng nhuận)', () => {
  // Almanac facts: tháng 4 nhuận 2020, tháng 2 nhuận 2023, tháng 6 nhuận 2025; none in 2021, 2022, 2024.
  it.each([
    [2020, 4],
    [2021, null],
    [2022, null],
    [2023, 2],
    [2024, null],
    [2025, 6],
  ])('lunar year %i has leap month %s', (year, leap) => {
    expect(leapMonthOf(year)).toBe(leap);
  });

  it('numbers a leap month after the month it repeats', () => {
    const leapStart = lunarToSolar({ year: 2025, month: 6, day: 1, leap: true });
    expect(solarToLunar(addDays(leapStart, -1))).toMatchObject({ month: 6, leap: false });
    expect(solarToLunar(leapStart)).toEqual({ year: 2025, month: 6, day: 1, leap: true });
  });

  it('refuses a leap month the year does not have', () => {
    expect(() => lunarToSolar({ year: 2024, month: 3, day: 1, leap: true })).toThrow(/no leap month 3/);
  });
});

describe('other known lunar dates', () => {
  it('puts Tết Trung thu (15/8) on 17 September 2024 and 6 October 2025', () => {
    expect(lunarToSolar({ year: 2024, month: 8, day: 15, leap: false })).toBe('2024-09-17');
    expect(lunarToSolar({ year: 2025, month: 8, day: 15, leap: false })).toBe('2025-10-06');
  });
});

describe('conversion properties, 1900–2100, in both time zones', () => {
  const anyDay = fc.integer({ min: dayNumber('1900-03-01'), max: dayNumber('2100-10-31') }).map(fromDayNumber);
  const anyOffset = fc.constantFrom(7, 8);

  it('round-trips solar → lunar → solar', () => {
    fc.assert(
      fc.property(anyDay, anyOffset, (date, offset) => {
        expect(lunarToSolar(solarToLunar(date, offset), offset)).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('advances one lunar day per solar day, starting a month only after day 29 or 30', () => {
    fc.assert(
      fc.property(anyDay, anyOffset, (date, offset) => {
        const today = solarToLunar(date, offset);
        const tomorrow = solarToLunar(addDays(date, 1), offset);
        if (tomorrow.day === 1) expect([29, 30]).toContain(today.day);
        else expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses years it has no ΔT model for', () => {
    expect(() => solarToLunar('1899-12-31')).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2101, month: 1, day: 1, leap: false })).toThrow(/1900–2100/);
  });
});
