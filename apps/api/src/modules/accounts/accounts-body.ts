import { invalidBody, type BilingualFieldError } from '../auth/auth-problems';
import { PASSWORD_MAX_LENGTH } from '@pho-so/server/auth';

/** Bodies of the account endpoints, checked by hand so every message exists in Vietnamese and English. */
export type AccountRole = 'admin' | 'ward_editor';

export interface CreateAccountBody {
  email: string;
  displayName: string;
  role: AccountRole;
  /** GSO codes of current wards (none for an admin). */
  wards: string[];
  password: string;
}

export interface UpdateAccountBody {
  displayName?: string;
  role?: AccountRole;
  wards?: string[];
  disabled?: boolean;
}

export interface SetPasswordBody {
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const EMAIL_MAX = 254;
const NAME_MAX = 120;
const WARDS_MAX = 50;
const WARD_CODE = /^\d{2,5}$/;
// C0/C1 control characters and line/paragraph separators: a name is one line of plain text.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

type Errors = BilingualFieldError[];
const err = (errors: Errors, field: string, message: string, message_vi: string) => errors.push({ field, message, message_vi });

function objectOf(body: unknown, fields: readonly string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidBody([{ field: '(body)', message: `must be a JSON object with ${fields.join(', ')}`, message_vi: `phải là một đối tượng JSON gồm ${fields.join(', ')}` }]);
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => key !== '_csrf' && !fields.includes(key));
  if (unknown.length > 0) {
    throw invalidBody(
      unknown.slice(0, 10).map((field) => ({
        field: field.slice(0, 60),
        message: `is not a field of this request (allowed: ${fields.join(', ')})`,
        message_vi: `không phải là trường của yêu cầu này (các trường hợp lệ: ${fields.join(', ')})`,
      })),
    );
  }
  return record;
}

const describeType = (value: unknown) => (Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value);

function displayName(errors: Errors, value: unknown): string | undefined {
  if (typeof value !== 'string') {
    err(errors, 'displayName', `must be a string, not ${describeType(value)}`, 'phải là một chuỗi ký tự');
    return undefined;
  }
  const name = value.trim();
  if (name === '') err(errors, 'displayName', 'is required: the name shown in the workspace and the history', 'bắt buộc phải nhập: tên hiển thị trong khu làm việc và lịch sử');
  else if ([...name].length > NAME_MAX) err(errors, 'displayName', `must be at most ${NAME_MAX} characters long`, `không được dài quá ${NAME_MAX} ký tự`);
  else if (CONTROL.test(name)) err(errors, 'displayName', 'must be one line of text without control characters', 'phải là một dòng chữ, không có ký tự điều khiển');
  else return name;
  return undefined;
}

function role(errors: Errors, value: unknown): AccountRole | undefined {
  if (value === 'admin' || value === 'ward_editor') return value;
  err(errors, 'role', 'must be "admin" or "ward_editor"', 'phải là "admin" (quản trị) hoặc "ward_editor" (cán bộ phường)');
  return undefined;
}

function wards(errors: Errors, value: unknown): string[] | undefined {
  // A form may send one code as a string, or several separated by commas or spaces.
  const list = typeof value === 'string' ? value.split(/[\s,;]+/).filter(Boolean) : value;
  if (!Array.isArray(list) || list.some((code) => typeof code !== 'string')) {
    err(errors, 'wards', 'must be a list of ward codes (GSO codes such as 12452)', 'phải là danh sách mã phường (mã GSO, ví dụ 12452)');
    return undefined;
  }
  const codes = [...new Set((list as string[]).map((code) => code.trim()))];
  if (codes.length > WARDS_MAX) {
    err(errors, 'wards', `must list at most ${WARDS_MAX} wards`, `chỉ được liệt kê tối đa ${WARDS_MAX} phường`);
    return undefined;
  }
  const bad = codes.filter((code) => !WARD_CODE.test(code));
  if (bad.length > 0) {
    err(errors, 'wards', `"${bad[0]!.slice(0, 20)}" is not a ward code: use GSO codes of 2 to 5 digits such as 12452`, `"${bad[0]!.slice(0, 20)}" không phải mã phường: hãy dùng mã GSO gồm 2 đến 5 chữ số, ví dụ 12452`);
    return undefined;
  }
  return codes;
}

function password(errors: Errors, value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') err(errors, field, 'is required', 'bắt buộc phải nhập');
  else if (typeof value !== 'string') err(errors, field, `must be a string, not ${describeType(value)}`, 'phải là một chuỗi ký tự');
  else if ([...value].length > PASSWORD_MAX_LENGTH) err(errors, field, `must be at most ${PASSWORD_MAX_LENGTH} characters long`, `không được dài quá ${PASSWORD_MAX_LENGTH} ký tự`);
  else return value;
  return undefined;
}

/** The role/wards rule: a ward_editor has at least one ward, an admin none (every ward). */
export function checkRoleWards(errors: Errors, roleValue: AccountRole, wardCodes: string[]): void {
  if (roleValue === 'ward_editor' && wardCodes.length === 0) err(errors, 'wards', 'a ward editor needs at least one ward code', 'cán bộ phường cần ít nhất một mã phường');
  if (roleValue === 'admin' && wardCodes.length > 0) err(errors, 'wards', 'must be empty for an admin, who has every ward', 'phải để trống với quản trị viên (quản trị viên có mọi phường)');
}

const CREATE_FIELDS = ['email', 'displayName', 'role', 'wards', 'password'] as const;

export function parseCreateAccount(body: unknown): CreateAccountBody {
  const record = objectOf(body, CREATE_FIELDS);
  const errors: Errors = [];
  let email: string | undefined;
  const rawEmail = record['email'];
  if (typeof rawEmail !== 'string' || rawEmail.trim() === '') err(errors, 'email', 'is required: an email address such as name@agency.gov.vn', 'bắt buộc phải nhập: địa chỉ email dạng ten@donvi.gov.vn');
  else if (rawEmail.length > EMAIL_MAX || !EMAIL.test(rawEmail.trim())) {
    err(errors, 'email', `must be an email address such as name@agency.gov.vn (at most ${EMAIL_MAX} characters)`, `phải là địa chỉ email dạng ten@donvi.gov.vn (tối đa ${EMAIL_MAX} ký tự)`);
  } else email = rawEmail.trim().toLowerCase();
  const rawName = record['displayName'];
  const name = rawName === undefined || rawName === '' ? (email ? email.split('@')[0] : undefined) : displayName(errors, rawName);
  const roleValue = role(errors, record['role']);
  const wardCodes = record['wards'] === undefined || record['wards'] === '' ? [] : wards(errors, record['wards']);
  const pass = password(errors, record['password'], 'password');
  if (roleValue && wardCodes) checkRoleWards(errors, roleValue, wardCodes);
  if (errors.length > 0) throw invalidBody(errors);
  return { email: email!, displayName: name!, role: roleValue!, wards: wardCodes!, password: pass! };
}

const UPDATE_FIELDS = ['displayName', 'role', 'wards', 'disabled'] as const;

export function parseUpdateAccount(body: unknown): UpdateAccountBody {
  const record = objectOf(body, UPDATE_FIELDS);
  const errors: Errors = [];
  const out: UpdateAccountBody = {};
  if (record['displayName'] !== undefined) out.displayName = displayName(errors, record['displayName']);
  if (record['role'] !== undefined) out.role = role(errors, record['role']);
  if (record['wards'] !== undefined) out.wards = record['wards'] === '' ? [] : wards(errors, record['wards']);
  const disabled = record['disabled'];
  if (disabled !== undefined) {
    if (typeof disabled === 'boolean') out.disabled = disabled;
    else if (disabled === 'true' || disabled === 'false') out.disabled = disabled === 'true';
    else err(errors, 'disabled', 'must be true or false', 'phải là true (khóa) hoặc false (mở khóa)');
  }
  if (errors.length === 0 && Object.values(out).every((v) => v === undefined)) {
    err(errors, '(body)', `must change at least one of ${UPDATE_FIELDS.join(', ')}`, `phải thay đổi ít nhất một trong các trường ${UPDATE_FIELDS.join(', ')}`);
  }
  if (errors.length > 0) throw invalidBody(errors);
  return out;
}

export function parseSetPassword(body: unknown): SetPasswordBody {
  const record = objectOf(body, ['password']);
  const errors: Errors = [];
  const pass = password(errors, record['password'], 'password');
  if (errors.length > 0) throw invalidBody(errors);
  return { password: pass! };
}
