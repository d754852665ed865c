// The workspace's validation messages: every one in Vietnamese and English, each saying what to fix.
// Schemas carry a message *code* (the key below); `describeWorkspaceIssues` turns a zod error into
// { path, code, message: { vi, en } } for the API's 400 answer and the editor's inline hints.
import type { z } from 'zod';

export interface LocalizedMessage {
  vi: string;
  en: string;
}

export const VIETNAM_BOUNDS = { minLat: 8.0, maxLat: 23.5, minLng: 102.0, maxLng: 117.5 } as const;

export const workspaceMessages = {
  'baseVersion.invalid': {
    vi: 'Thiếu phiên bản gốc (baseVersion): hãy tải lại bản ghi rồi sửa lại.',
    en: 'The base version (baseVersion) is missing or not a whole number: reload the record and edit again.',
  },
  'text.required': {
    vi: 'Trường này không được để trống: hãy nhập nội dung.',
    en: 'This field must not be empty: type a value.',
  },
  'text.tooLong': {
    vi: 'Nội dung quá dài: hãy rút gọn xuống tối đa {max} ký tự.',
    en: 'The text is too long: shorten it to at most {max} characters.',
  },
  'text.notText': {
    vi: 'Giá trị phải là văn bản: hãy nhập chữ.',
    en: 'The value must be text: type it as text.',
  },
  'location.invalid': {
    vi: 'Tọa độ phải là hai số vĩ độ và kinh độ, ví dụ 20.4465, 106.3366.',
    en: 'Coordinates must be two numbers, latitude and longitude, e.g. 20.4465, 106.3366.',
  },
  'location.outsideVietnam': {
    vi: `Tọa độ nằm ngoài Việt Nam: vĩ độ phải từ ${VIETNAM_BOUNDS.minLat} đến ${VIETNAM_BOUNDS.maxLat}, kinh độ từ ${VIETNAM_BOUNDS.minLng} đến ${VIETNAM_BOUNDS.maxLng}. Kiểm tra xem có đảo vĩ độ và kinh độ không.`,
    en: `The point is outside Vietnam: latitude must be ${VIETNAM_BOUNDS.minLat} to ${VIETNAM_BOUNDS.maxLat} and longitude ${VIETNAM_BOUNDS.minLng} to ${VIETNAM_BOUNDS.maxLng}. Check that latitude and longitude are not swapped.`,
  },
  'phone.invalid': {
    vi: 'Số điện thoại chưa đúng: hãy nhập 10 hoặc 11 chữ số bắt đầu bằng 0 (ví dụ 0227 3831 234), hoặc +84, hoặc số tổng đài 1800/1900. Có thể dùng dấu cách, dấu chấm, gạch ngang.',
    en: 'The phone number is not valid: enter 10 or 11 digits starting with 0 (e.g. 0227 3831 234), or +84, or an 1800/1900 hotline. Spaces, dots and hyphens are allowed.',
  },
  'email.invalid': {
    vi: 'Địa chỉ email chưa đúng: hãy nhập dạng ten@donvi.gov.vn (tối đa 254 ký tự).',
    en: 'The email address is not valid: enter it as name@agency.gov.vn (at most 254 characters).',
  },
  'openingHours.invalid': {
    // The detail comes from the opening-hours validator (shared/domain), already in both languages.
    vi: '{detail}',
    en: '{detail}',
  },
  'date.invalid': {
    vi: 'Ngày chưa đúng: hãy nhập ngày có thật dạng NNNN-TT-NN, ví dụ 2026-02-16.',
    en: 'The date is not valid: enter a real date as YYYY-MM-DD, e.g. 2026-02-16.',
  },
  'closure.endBeforeStart': {
    vi: 'Ngày kết thúc tạm nghỉ phải cùng hoặc sau ngày bắt đầu: hãy sửa lại khoảng ngày.',
    en: 'A closure must end on or after its start date: fix the date range.',
  },
  'closure.tooMany': {
    vi: 'Quá nhiều ngày tạm nghỉ: tối đa {max}; hãy xóa những khoảng đã qua.',
    en: 'Too many closures: at most {max}; remove past ones.',
  },
  'closure.overlap': {
    vi: 'Hai khoảng tạm nghỉ trùng nhau: hãy gộp chúng thành một.',
    en: 'Two closures overlap: merge them into one.',
  },
  'procedureCode.invalid': {
    vi: 'Mã thủ tục chưa đúng: hãy nhập mã của Cổng dịch vụ công quốc gia, ví dụ 1.001193.',
    en: 'The procedure code is not valid: enter the national portal code, e.g. 1.001193.',
  },
  'procedureCode.unknown': {
    vi: 'Không có thủ tục mang mã {code} trong danh mục: hãy kiểm tra lại mã.',
    en: 'No procedure has the code {code} in the catalogue: check the code.',
  },
  'procedureCode.duplicate': {
    vi: 'Mã thủ tục {code} bị nhập hai lần: hãy xóa một lần.',
    en: 'The procedure code {code} is listed twice: remove one.',
  },
  'procedureCode.tooMany': {
    vi: 'Quá nhiều mã thủ tục: tối đa {max}.',
    en: 'Too many procedure codes: at most {max}.',
  },
  'plateStatus.invalid': {
    vi: 'Trạng thái biển phải là một trong: active (đang dùng), damaged (hư hỏng), missing (bị mất), removed (đã gỡ).',
    en: 'The plate status must be one of: active, damaged, missing, removed.',
  },
  'namesake.incomplete': {
    vi: 'Thông tin danh nhân cần cả nội dung và nguồn: hãy nhập cả hai.',
    en: 'The namesake needs both its text and its source: fill in both.',
  },
  'field.unknown': {
    vi: 'Có trường không được phép sửa ở đây ({keys}): hãy bỏ trường đó.',
    en: 'A field that cannot be edited here was sent ({keys}): remove it.',
  },
  'field.invalid': {
    vi: 'Giá trị không hợp lệ: hãy kiểm tra lại trường này.',
    en: 'The value is not valid: check this field.',
  },
} as const satisfies Record<string, LocalizedMessage>;

export type WorkspaceMessageCode = keyof typeof workspaceMessages;

export interface WorkspaceIssue {
  /** Dotted path of the field, e.g. `closures.0.to`; empty for the whole command. */
  path: string;
  code: WorkspaceMessageCode;
  message: LocalizedMessage;
}

export const isWorkspaceMessageCode = (text: string): text is WorkspaceMessageCode => Object.hasOwn(workspaceMessages, text);

/** The message of `code` with `{name}` placeholders filled in from `params`. */
export function workspaceMessage(code: WorkspaceMessageCode, params: Record<string, unknown> = {}): LocalizedMessage {
  const fill = (template: string, locale: 'vi' | 'en') =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value && typeof value === 'object' && locale in value) return String((value as Record<string, unknown>)[locale]);
      return value === undefined ? '' : String(value);
    });
  const template = workspaceMessages[code];
  return { vi: fill(template.vi, 'vi'), en: fill(template.en, 'en') };
}

/**
 * Every issue of a failed parse of a workspace command, with its message in both languages. An issue
 * whose message is not a catalogue code (zod's own wording) falls back to `field.invalid`.
 */
export function describeWorkspaceIssues(error: z.ZodError): WorkspaceIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const params: Record<string, unknown> = { ...(('params' in issue && issue.params) || {}) };
    if (issue.code === 'unrecognized_keys') {
      return { path, code: 'field.unknown', message: workspaceMessage('field.unknown', { keys: issue.keys.join(', ') }) };
    }
    if ((issue.code === 'too_big' || issue.code === 'too_small') && params['max'] === undefined && 'maximum' in issue) {
      params['max'] = issue.maximum;
    }
    const code: WorkspaceMessageCode = isWorkspaceMessageCode(issue.message) ? issue.message : 'field.invalid';
    return { path, code, message: workspaceMessage(code, params) };
  });
}
