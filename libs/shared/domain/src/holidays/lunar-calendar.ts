/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from astronomy rather than from a table.
 *
 * Rules of the calendar (the same as the Chinese calendar's, but applied at the meridian of UTC+7):
 * - a month starts on the local date of a new moon;
 * - month 11 is the month that contains the December solstice;
 * - a year from one month 11 to the next with 13 months has a leap month: the first month after
 *   month 11 in which the sun enters no new 30° sign of the ecliptic (no "major solar term", trung khí);
 *   it takes the number of the month before it.
 * Because "local date" depends on the time zone, Vietnam (UTC+7) and China (UTC+8) disagree whenever a
 * new moon or a solar term falls between 16:00 and 17:00 UTC: Tết 1985 was on 21 January in Vietnam and
 * 20 February in China; Tết 2007 on 17 February in Vietnam and 18 February in China. Every function here
 * therefore takes the UTC offset as a parameter, defaulting to Vietnam's.
 *
 * Astronomy (Jean Meeus, Astronomical Algorithms, 2nd ed.): the instant of new moon from chapter 49 with
 * all periodic and planetary terms (error under a minute), the sun's apparent longitude from chapter 25's
 * low-accuracy series (error about 0.01°, a quarter of an hour of the sun's motion), and ΔT (TT − UT)
 * from the Espenak–Meeus polynomials. Valid for the solar years 1900–2100.
 */
import { type CivilDate, type IsoDate, dayNumber, formatIsoDate, fromDayNumber, parseIsoDate } from './civil-date';

export const VIETNAM_UTC_OFFSET_HOURS = 7;

export interface LunarDate {
  /** The lunar year, numbered by the solar year in which its month 1 (Tết) begins. */
  year: number;
  /** 1–12; a leap month carries the number of the month before it. */
  month: number;
  /** 1–30 */
  day: number;
  leap: boolean;
}

const FIRST_SUPPORTED_YEAR = 1900;
const LAST_SUPPORTED_YEAR = 2100;
const SYNODIC_MONTH_DAYS = 29.530588861;
/** Julian Date of 1970-01-01 00:00 UTC, to move between Julian Dates and our day numbers. */
const JD_OF_UNIX_EPOCH = 2440587.5;
const JD_OF_J2000 = 2451545.0;
const DEG = Math.PI / 180;

const sinDeg = (degrees: number): number => Math.sin(degrees * DEG);
const normalizeDegrees = (degrees: number): number => ((degrees % 360) + 360) % 360;

/** TT − UT in seconds (Espenak & Meeus polynomial fits); the correction is about a minute for our years. */
export function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u ** 2 - 0.5628 * (2150 - year);
}

const approximateYear = (julianDate: number): number => 2000 + (julianDate - JD_OF_J2000) / 365.25;
const deltaTDays = (julianDate: number): number => deltaTSeconds(approximateYear(julianDate)) / 86_400;

/**
 * Julian Ephemeris Day (TT) of the new moon number `k`, counted from the new moon of 6 January 2000
 * (k = 0; negative before). Meeus chapter 49.
 */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const meanPhase =
    2451550.09766 + SYNODIC_MONTH_DAYS * k + 0.00015437 * t ** 2 - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  const e = 1 - 0.002516 * t - 0.0000074 * t ** 2;
  const sunAnomaly = 2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3;
  const moonAnomaly =
    201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4;
  const latitudeArg =
    160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4;
  const node = 124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3;
  const [m, mp, f] = [sunAnomaly, moonAnomaly, latitudeArg];

  const periodic =
    -0.4072 * sinDeg(mp) +
    0.17241 * e * sinDeg(m) +
    0.01608 * sinDeg(2 * mp) +
    0.01039 * sinDeg(2 * f) +
    0.00739 * e * sinDeg(mp - m) -
    0.00514 * e * sinDeg(mp + m) +
    0.00208 * e * e * sinDeg(2 * m) -
    0.00111 * sinDeg(mp - 2 * f) -
    0.00057 * sinDeg(mp + 2 * f) +
    0.00056 * e * sinDeg(2 * mp + m) -
    0.00042 * sinDeg(3 * mp) +
    0.00042 * e * sinDeg(m + 2 * f) +
    0.00038 * e * sinDeg(m - 2 * f) -
    0.00024 * e * sinDeg(2 * mp - m) -
    0.00017 * sinDeg(node) -
    0.00007 * sinDeg(mp + 2 * m) +
    0.00004 * sinDeg(2 * mp - 2 * f) +
    0.00004 * sinDeg(3 * m) +
    0.00003 * sinDeg(mp + m - 2 * f) +
    0.00003 * sinDeg(2 * mp + 2 * f) -
    0.00003 * sinDeg(mp + m + 2 * f) +
    0.00003 * sinDeg(mp - m + 2 * f) -
    0.00002 * sinDeg(mp - m - 2 * f) -
    0.00002 * sinDeg(3 * mp + m) +
    0.00002 * sinDeg(4 * mp);

  // Perturbations by the planets: [coefficient, argument at k = 0, degrees per lunation].
  const planetary: [number, number, number][] = [
    [0.000325, 299.77, 0.107408],
    [0.000165, 251.88, 0.016321],
    [0.000164, 251.83, 26.651886],
    [0.000126, 349.42, 36.412478],
    [0.00011, 84.66, 18.206239],
    [0.000062, 141.74, 53.303771],
    [0.00006, 207.14, 2.453732],
    [0.000056, 154.84, 7.30686],
    [0.000047, 34.52, 27.261239],
    [0.000042, 207.19, 0.121824],
    [0.00004, 291.34, 1.844379],
    [0.000037, 161.72, 24.198154],
    [0.000035, 239.56, 25.513099],
    [0.000023, 331.55, 3.592518],
  ];
  const planetaryTerms = planetary.reduce(
    (sum, [coefficient, base, rate], index) =>
      // Only the first argument has a quadratic term.
      sum + coefficient * sinDeg(base + rate * k - (index === 0 ? 0.009173 * t ** 2 : 0)),
    0,
  );
  return meanPhase + periodic + planetaryTerms;
}

/** The sun's apparent geometric longitude in degrees [0, 360) at a Julian Ephemeris Day. Meeus chapter 25. */
export function sunApparentLongitude(jde: number): number {
  const t = (jde - JD_OF_J2000) / 36525;
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t ** 2;
  const meanAnomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t ** 2;
  const equationOfCentre =
    (1.914602 - 0.004817 * t - 0.000014 * t ** 2) * sinDeg(meanAnomaly) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * meanAnomaly) +
    0.000289 * sinDeg(3 * meanAnomaly);
  const node = 125.04 - 1934.136 * t;
  // Nutation in longitude and aberration, folded into Meeus's two small constants.
  return normalizeDegrees(meanLongitude + equationOfCentre - 0.00569 - 0.00478 * sinDeg(node));
}

/** Day number (days since 1970-01-01) of the local calendar date on which new moon `k` happens. */
function localDayOfNewMoon(k: number, utcOffsetHours: number): number {
  const jdUt = newMoonJde(k) - deltaTDays(newMoonJde(k));
  return Math.floor(jdUt - JD_OF_UNIX_EPOCH + utcOffsetHours / 24);
}

/** The sun's longitude at local midnight at the start of a day: what decides which month a solar term is in. */
function sunLongitudeAtLocalMidnight(day: number, utcOffsetHours: number): number {
  const jdUt = JD_OF_UNIX_EPOCH + day - utcOffsetHours / 24;
  return sunApparentLongitude(jdUt + deltaTDays(jdUt));
}

/** The index k of the lunar month (new moon) that contains the given local day. */
function newMoonOnOrBefore(day: number, utcOffsetHours: number): number {
  let k = Math.floor((JD_OF_UNIX_EPOCH + day - 2451550.09766) / SYNODIC_MONTH_DAYS);
  while (localDayOfNewMoon(k, utcOffsetHours) > day) k -= 1;
  while (localDayOfNewMoon(k + 1, utcOffsetHours) <= day) k += 1;
  return k;
}

/** The new moon that starts month 11 of the given solar year: the month containing the December solstice. */
function month11NewMoon(solarYear: number, utcOffsetHours: number): number {
  const k = newMoonOnOrBefore(dayNumber({ year: solarYear, month: 12, day: 31 }), utcOffsetHours);
  // The month holding 31 December contains the solstice unless the sun had already passed 270° when it began;
  // then the solstice fell in the month before.
  const passedSolstice = sunLongitudeAtLocalMidnight(localDayOfNewMoon(k, utcOffsetHours), utcOffsetHours) >= 270;
  return passedSolstice ? k - 1 : k;
}

/** A month has no major solar term when the sun is in the same 30° sign at its start and at the next month's start. */
function hasNoMajorSolarTerm(k: number, utcOffsetHours: number): boolean {
  const sign = (moon: number): number =>
    Math.floor(sunLongitudeAtLocalMidnight(localDayOfNewMoon(moon, utcOffsetHours), utcOffsetHours) / 30);
  return sign(k) === sign(k + 1);
}

interface LunarMonthSpan {
  firstDay: number;
  length: number;
  lunarYear: number;
  month: number;
  leap: boolean;
}

const monthCache = new Map<string, LunarMonthSpan[]>();

/** The 12 or 13 lunar months from month 11 of `solarYear` up to (not including) month 11 of the next year. */
function monthsFromMonth11(solarYear: number, utcOffsetHours: number): LunarMonthSpan[] {
  const key = `${solarYear}@${utcOffsetHours}`;
  const cached = monthCache.get(key);
  if (cached) return cached;

  const first = month11NewMoon(solarYear, utcOffsetHours);
  const count = month11NewMoon(solarYear + 1, utcOffsetHours) - first;
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count && leapIndex < 0; i += 1) if (hasNoMajorSolarTerm(first + i, utcOffsetHours)) leapIndex = i;
  }
  const months: LunarMonthSpan[] = [];
  let month = 10; // incremented to 11 for the first month
  for (let i = 0; i < count; i += 1) {
    const leap = i === leapIndex;
    if (!leap) month = (month % 12) + 1;
    const firstDay = localDayOfNewMoon(first + i, utcOffsetHours);
    months.push({
      firstDay,
      length: localDayOfNewMoon(first + i + 1, utcOffsetHours) - firstDay,
      // Months 11 and 12 close the lunar year that began in `solarYear`; months 1–10 belong to the next.
      lunarYear: month >= 11 ? solarYear : solarYear + 1,
      month,
      leap,
    });
  }
  monthCache.set(key, months);
  return months;
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `The lunar calendar is computed for the years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}; got ${year}`,
    );
  }
}

/** The lunar date of a solar (Gregorian) date, for the given UTC offset (Vietnam's by default). */
export function solarToLunar(date: IsoDate | CivilDate, utcOffsetHours = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
  const civil = typeof date === 'string' ? parseIsoDate(date) : date;
  assertSupportedYear(civil.year);
  const day = dayNumber(civil);
  const thisYearMonth11 = monthsFromMonth11(civil.year, utcOffsetHours)[0];
  const cycleYear = thisYearMonth11 && day >= thisYearMonth11.firstDay ? civil.year : civil.year - 1;
  const span = monthsFromMonth11(cycleYear, utcOffsetHours).find(
    (candidate) => day >= candidate.firstDay && day < candidate.firstDay + candidate.length,
  );
  if (!span) throw new Error(`No lunar month found for ${formatIsoDate(civil)}`); // unreachable: the months tile the cycle
  return { year: span.lunarYear, month: span.month, day: day - span.firstDay + 1, leap: span.leap };
}

function findMonthSpan(year: number, month: number, leap: boolean, utcOffsetHours: number): LunarMonthSpan {
  assertSupportedYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Lunar month must be 1–12, got ${month}`);
  // Months 11 and 12 (and a leap 11 or 12) start in the solar year of their lunar year; months 1–10 follow
  // the month 11 of the solar year before.
  const cycleYear = month >= 11 ? year : year - 1;
  const span = monthsFromMonth11(cycleYear, utcOffsetHours).find(
    (candidate) => candidate.month === month && candidate.leap === leap,
  );
  if (!span) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
  return span;
}

/**
 * The solar date of a lunar date. Throws a RangeError for a date that does not exist: a leap month in a
 * year without it, or day 30 of a 29-day month.
 */
export function lunarToSolar(lunar: LunarDate, utcOffsetHours = VIETNAM_UTC_OFFSET_HOURS): IsoDate {
  const { year, month, day, leap } = lunar;
  const span = findMonthSpan(year, month, leap, utcOffsetHours);
  if (!Number.isInteger(day) || day < 1 || day > span.length) {
    throw new RangeError(
      `Day ${day} of lunar month ${month}${leap ? ' (leap)' : ''} of ${year} does not exist: that month has ${span.length} days`,
    );
  }
  return fromDayNumber(span.firstDay + day - 1);
}

/** The number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(
  year: number,
  month: number,
  leap = false,
  utcOffsetHours = VIETNAM_UTC_OFFSET_HOURS,
): number {
  return findMonthSpan(year, month, leap, utcOffsetHours).length;
}

/** The leap month of a lunar year (its number), or null when the year has 12 months. */
export function leapMonthOf(lunarYear: number, utcOffsetHours = VIETNAM_UTC_OFFSET_HOURS): number | null {
  assertSupportedYear(lunarYear);
  const months = [...monthsFromMonth11(lunarYear - 1, utcOffsetHours), ...monthsFromMonth11(lunarYear, utcOffsetHours)];
  return months.find((span) => span.leap && span.lunarYear === lunarYear)?.month ?? null;
}
