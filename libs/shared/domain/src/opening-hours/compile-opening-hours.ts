/**
 * The `opening_hours` package (OpenStreetMap syntax) behind a small, time-zone-proof interface.
 *
 * Two things about the package decide how it is used here:
 * - It evaluates JavaScript Dates in the process's local time (getDay, getHours…). We never give it real
 *   instants: to ask about a Vietnamese day we build Dates whose *local* fields spell that Vietnamese
 *   date (`new Date(y, m - 1, d)`) and read the answers back through local fields too. The package then
 *   works on Vietnamese wall-clock time whatever TZ the server runs in. The one exception is a wall-clock
 *   time that does not exist in the server's own zone (a daylight-saving gap, typically 02:00–03:00 on one
 *   Sunday a year): such a boundary would come back shifted. Office hours are never there, and UTC (the
 *   usual container setting) and Asia/Ho_Chi_Minh have no gaps. time-zone-independence.spec.ts checks
 *   the results under other TZ settings.
 * - Its public-holiday selectors (PH, SH) use the package's own country data. For Vietnam that list is
 *   wrong for our purpose (it has 8/3, 20/11, 25/12 and lacks Tết and Giỗ Tổ), and without a country it
 *   silently uses German holidays. So PH and SH are refused, and holidays are applied by this library
 *   (see opening-status.ts). Variable times (sunrise, dusk…) are refused too: they depend on a position
 *   and on real instants, and no service centre uses them.
 */
import OpeningHours, { type opening_hours_warning_type, type optional_conf } from 'opening_hours';
import { type IsoDate, parseIsoDate } from '../holidays/civil-date';
import { MINUTES_PER_DAY } from './vietnam-time';

/** Minutes since local midnight; `end` is exclusive and may be 1440 (until midnight). */
export interface MinuteInterval {
  start: number;
  end: number;
}

export type OpeningHoursProblemCode = 'empty' | 'syntax' | 'public_holiday_rule' | 'variable_time';

export interface OpeningHoursProblem {
  code: OpeningHoursProblemCode;
  /** 0-based offset into the text where the problem was found, when the parser says. */
  position?: number;
  /** The parser's own explanation (English), for syntax problems. */
  detail?: string;
}

/** Thrown by compileOpeningHours; `problem` says what is wrong (validateOpeningHours words it for people). */
export class OpeningHoursError extends Error {
  constructor(readonly problem: OpeningHoursProblem) {
    super(`Invalid opening hours (${problem.code})${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'OpeningHoursError';
  }
}

export interface CompiledOpeningHours {
  /** The text as the parser normalises it, e.g. "Mo-Fr 07:30-11:30,13:30-17:00". */
  readonly normalized: string;
  /** False when the hours depend on the date (months, weeks, years), not only on the weekday. */
  readonly weekStable: boolean;
  /**
   * True when no day is ever certainly open (uncertain hours count as closed, as everywhere here).
   * Only decided for week-stable hours; false otherwise.
   */
  readonly neverOpen: boolean;
  /** The parser's warnings (English), e.g. about a doubtful but readable construct. */
  readonly warnings: readonly string[];
  /** Certainly-open intervals of a Vietnamese calendar date, before holidays and closures. */
  openIntervalsOn(date: IsoDate): MinuteInterval[];
  /**
   * Hours open and hours uncertain from the start of `from` to the end of `to` (Vietnamese dates), before
   * holidays: one pass over a long span, for checks such as "is this ever open?".
   */
  hoursBetween(from: IsoDate, to: IsoDate): { open: number; uncertain: number };
  /** Intervals the text marks as uncertain (open end "07:30+", or a comment-only fallback). */
  uncertainIntervalsOn(date: IsoDate): MinuteInterval[];
}

/**
 * No holiday data exists for this country code, so if a PH or SH ever slipped past our own check the
 * package would fail loudly rather than apply some other country's holidays. Coordinates: Thái Bình.
 */
const NO_HOLIDAY_LOCATION = { lat: 20.45, lon: 106.34, address: { country_code: 'xx', state: '' } };
const PACKAGE_OPTIONS: optional_conf = {
  mode: 0, // time ranges only (no points in time)
  tag_key: 'opening_hours',
  map_value: false,
  warnings_severity: 4, // warnings, not notices or debug output
  locale: 'en',
};
/** Warnings that compare with the real clock ("this date is in the past"): dropped so results stay pure. */
const CLOCK_DEPENDENT_WARNINGS: ReadonlySet<opening_hours_warning_type> = new Set([
  'date_past',
  'date_range_past',
  'year_past',
]);

const MS_PER_HOUR = 3_600_000;
/** Monday 1 January 2024 starts an ordinary week (no holiday rules involved): the week used when none is given. */
export const REFERENCE_MONDAY: IsoDate = '2024-01-01';

/** Words of the syntax we refuse, looked for outside "quoted comments". */
const HOLIDAY_SELECTOR = /\b(?:PH|SH)\b/i;
const VARIABLE_TIME = /\b(?:sunrise|sunset|dawn|dusk)\b/i;

const withoutComments = (text: string): string => text.replace(/"[^"]*"/g, '""');

function refusedConstruct(text: string): OpeningHoursProblem | null {
  const code = withoutComments(text);
  const holiday = HOLIDAY_SELECTOR.exec(code);
  if (holiday) return { code: 'public_holiday_rule', position: holiday.index };
  const variable = VARIABLE_TIME.exec(code);
  if (variable) return { code: 'variable_time', position: variable.index };
  return null;
}

/** The package throws strings like `Mo-F <--- (Unexpected token: "-" …)`: the text before the marker locates it. */
function syntaxProblem(error: unknown): OpeningHoursProblem {
  const message = error instanceof Error ? error.message : String(error);
  const marker = message.indexOf(' <--- (');
  if (marker < 0) return { code: 'syntax', detail: message.trim() };
  // Several problems may follow one another; the first is the one at `marker`.
  const explanation = /<--- \(([^)]*)\)/.exec(message)?.[1] ?? message;
  return { code: 'syntax', position: marker, detail: explanation.trim() };
}

/** A Date whose local fields read `date` at `minute` (see the note at the top of the file). */
function localDateFor(date: IsoDate, minute = 0): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(year, month - 1, day, 0, minute);
}

/** Minute of the Vietnamese day `date` that a package Date stands for, clamped to [0, 1440]. */
function minuteOf(value: Date, date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const sameDay = value.getFullYear() === year && value.getMonth() === month - 1 && value.getDate() === day;
  if (sameDay) return value.getHours() * 60 + value.getMinutes();
  return value.getTime() < localDateFor(date).getTime() ? 0 : MINUTES_PER_DAY;
}

function intervalsOn(hours: OpeningHours, date: IsoDate, uncertain: boolean): MinuteInterval[] {
  return hours
    .getOpenIntervals(localDateFor(date), localDateFor(date, MINUTES_PER_DAY))
    .filter(([, , isUncertain]) => isUncertain === uncertain)
    .map(([from, to]) => ({ start: minuteOf(from, date), end: minuteOf(to, date) }))
    .filter((interval) => interval.end > interval.start);
}

function compileUncached(text: string): CompiledOpeningHours {
  if (text.trim() === '') throw new OpeningHoursError({ code: 'empty' });
  const refused = refusedConstruct(text);
  if (refused) throw new OpeningHoursError(refused);
  let hours: OpeningHours;
  try {
    hours = new OpeningHours(text, NO_HOLIDAY_LOCATION, PACKAGE_OPTIONS);
  } catch (error) {
    throw new OpeningHoursError(syntaxProblem(error));
  }
  const weekStable = hours.isWeekStable();
  const [openInAWeek] = hours.getOpenDuration(localDateFor(REFERENCE_MONDAY), localDateFor(REFERENCE_MONDAY, 7 * MINUTES_PER_DAY));
  return {
    normalized: hours.prettifyValue(),
    weekStable,
    neverOpen: weekStable && openInAWeek === 0,
    warnings: hours
      .getStructuredWarnings()
      .filter((warning) => !CLOCK_DEPENDENT_WARNINGS.has(warning.type))
      .map((warning) => warning.message),
    openIntervalsOn: (date) => intervalsOn(hours, date, false),
    hoursBetween: (from, to) => {
      const [open, uncertain] = hours.getOpenDuration(localDateFor(from), localDateFor(to, MINUTES_PER_DAY));
      return { open: open / MS_PER_HOUR, uncertain: uncertain / MS_PER_HOUR };
    },
    uncertainIntervalsOn: (date) => intervalsOn(hours, date, true),
  };
}

// Parsing costs far more than evaluating, and a page evaluates the same few texts again and again.
const CACHE_LIMIT = 500;
const cache = new Map<string, CompiledOpeningHours>();

/** Parses OpenStreetMap opening_hours text; throws OpeningHoursError when it cannot be used. */
export function compileOpeningHours(text: string): CompiledOpeningHours {
  const cached = cache.get(text);
  if (cached) return cached;
  const compiled = compileUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, compiled);
  return compiled;
}
