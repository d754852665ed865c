/**
 * Checks opening hours as an official types them, and says in Vietnamese and English what is wrong:
 * for the officials' editor and for imports. Deterministic: it never looks at the real clock.
 */
import { addDays } from '../holidays/civil-date';
import {
  compileOpeningHours,
  OpeningHoursError,
  REFERENCE_MONDAY,
  type CompiledOpeningHours,
  type OpeningHoursProblem,
} from './compile-opening-hours';

export interface LocalizedText {
  vi: string;
  en: string;
}

export type OpeningHoursNoticeCode = 'parser_warning' | 'never_open' | 'uncertain_hours' | 'date_dependent';

export interface OpeningHoursNotice {
  code: OpeningHoursNoticeCode;
  message: LocalizedText;
}

export type OpeningHoursValidation =
  | { ok: true; normalized: string; warnings: OpeningHoursNotice[] }
  | { ok: false; problem: OpeningHoursProblem; message: LocalizedText };

export const OPENING_HOURS_EXAMPLE = 'Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30';

/** Years the "is it ever open?" check looks at when hours depend on the date (the holiday years). */
const CHECK_FROM = '2020-01-01';
const CHECK_TO = '2035-12-31';
const REFERENCE_WEEK = [REFERENCE_MONDAY, addDays(REFERENCE_MONDAY, 6)] as const;

export function validateOpeningHours(text: string): OpeningHoursValidation {
  let compiled: CompiledOpeningHours;
  try {
    compiled = compileOpeningHours(text);
  } catch (error) {
    if (!(error instanceof OpeningHoursError)) throw error;
    return { ok: false, problem: error.problem, message: describeProblem(text, error.problem) };
  }
  return { ok: true, normalized: compiled.normalized, warnings: noticesFor(compiled) };
}

function noticesFor(compiled: CompiledOpeningHours): OpeningHoursNotice[] {
  const notices: OpeningHoursNotice[] = compiled.warnings.map((warning) => ({
    code: 'parser_warning',
    message: { vi: `Bộ đọc cú pháp cảnh báo: ${warning}`, en: `Parser warning: ${warning}` },
  }));
  const [from, to] = compiled.weekStable ? REFERENCE_WEEK : [CHECK_FROM, CHECK_TO];
  const { open, uncertain } = compiled.hoursBetween(from, to);
  if (open === 0 && uncertain === 0) {
    notices.push({
      code: 'never_open',
      message: {
        vi: 'Theo giờ này, nơi này không mở cửa ngày nào. Nếu chỉ tạm nghỉ, hãy nhập ngày tạm nghỉ thay vì sửa giờ mở cửa.',
        en: 'With these hours the place is never open. For a temporary stop, enter a closure instead of changing the hours.',
      },
    });
  }
  if (uncertain > 0) {
    notices.push({
      code: 'uncertain_hours',
      message: {
        vi: 'Có khoảng giờ không chắc chắn (thiếu giờ đóng cửa như "07:30+", hoặc chỉ có ghi chú): trang cho công dân coi đó là giờ đóng cửa.',
        en: 'Some hours are uncertain (no closing time, as in "07:30+", or a comment only): the citizen page treats them as closed.',
      },
    });
  }
  if (!compiled.weekStable) {
    notices.push({
      code: 'date_dependent',
      message: {
        vi: 'Giờ mở cửa thay đổi theo ngày hoặc tháng (ví dụ giờ mùa hè, mùa đông): lịch tuần hiển thị theo tuần đang xem.',
        en: 'The hours change with the date or month (e.g. summer and winter hours): the weekly table shows the week being viewed.',
      },
    });
  }
  return notices;
}

function describeProblem(text: string, problem: OpeningHoursProblem): LocalizedText {
  switch (problem.code) {
    case 'empty':
      return {
        vi: `Chưa nhập giờ mở cửa. Ví dụ: ${OPENING_HOURS_EXAMPLE}`,
        en: `The opening hours are empty. Example: ${OPENING_HOURS_EXAMPLE}`,
      };
    case 'public_holiday_rule':
      return {
        vi:
          'Không dùng PH hoặc SH: ngày lễ, Tết (cả Tết âm lịch và Giỗ Tổ Hùng Vương), ngày nghỉ bù và lịch nghỉ do Chính phủ công bố ' +
          'được áp dụng tự động; ngày nghỉ riêng của đơn vị nhập ở mục ngày tạm nghỉ. Hãy xóa phần "PH …"/"SH …".',
        en:
          'Do not use PH or SH: Vietnamese public holidays (lunar Tết and Hung Kings Day included), compensatory days and the ' +
          "government's announced schedules are applied automatically; enter the place's own days off as closures. Remove the " +
          '"PH …"/"SH …" part.',
      };
    case 'variable_time':
      return {
        vi: 'Không dùng giờ theo mặt trời (sunrise, sunset, dawn, dusk); hãy ghi giờ cụ thể, ví dụ 07:30.',
        en: 'Do not use sun-based times (sunrise, sunset, dawn, dusk); write a clock time such as 07:30.',
      };
    case 'syntax':
      return describeSyntaxProblem(text, problem);
  }
}

function describeSyntaxProblem(text: string, problem: OpeningHoursProblem): LocalizedText {
  const where =
    problem.position === undefined
      ? { vi: '', en: '' }
      : {
          vi: ` ở ký tự thứ ${problem.position + 1} ("${excerptAround(text, problem.position)}")`,
          en: ` at character ${problem.position + 1} ("${excerptAround(text, problem.position)}")`,
        };
  const hints = hintsFor(text);
  // The parser explains only in English; the Vietnamese message keeps it as a technical detail.
  const detail = (problem.detail ?? '').replace(/([^.!?])$/, '$1.');
  return {
    vi: `Giờ mở cửa chưa đúng cú pháp OpenStreetMap${where.vi}.${hints.vi} Ví dụ đúng: ${OPENING_HOURS_EXAMPLE}${detail ? ` (chi tiết: ${detail})` : ''}`,
    en: `Not valid OpenStreetMap opening_hours syntax${where.en}${detail ? `: ${detail}` : '.'}${hints.en} Example: ${OPENING_HOURS_EXAMPLE}`,
  };
}

const excerptAround = (text: string, position: number): string =>
  `${text.slice(Math.max(0, position - 12), position)}⟨…⟩${text.slice(position, position + 12)}`.trim();

/** The two mistakes Vietnamese habits lead to most: Vietnamese weekday names and "7h30". */
function hintsFor(text: string): LocalizedText {
  const hints = { vi: '', en: '' };
  if (/th[ứu]\s*\d|ch[ủu]\s*nh[ậa]t|\bCN\b|\bT[2-7]\b/iu.test(text)) {
    hints.vi += ' Ngày trong tuần viết bằng chữ viết tắt tiếng Anh: Mo Tu We Th Fr Sa Su (Thứ Hai … Chủ Nhật), ví dụ "Mo-Fr".';
    hints.en += ' Write weekdays as Mo Tu We Th Fr Sa Su, e.g. "Mo-Fr".';
  }
  if (/\d\s*h(?:\s*\d|\b)/iu.test(text)) {
    hints.vi += ' Giờ viết dạng 07:30, không viết "7h30".';
    hints.en += ' Write times as 07:30, not "7h30".';
  }
  return hints;
}
