import { PASSWORD_MAX_LENGTH } from '@pho-so/server/auth';
import { invalidBody, type BilingualFieldError } from './auth-problems';

/** Bodies of the auth endpoints, checked by hand so every message exists in both languages. */
export interface LoginBody {
  email: string;
  password: string;
}
export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const EMAIL_MAX = 254;

type Rule = 'email' | 'password';

function check(body: unknown, fields: Record<string, Rule>): Record<string, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidBody([{ field: '(body)', message: `must be a JSON object with ${Object.keys(fields).join(' and ')}`, message_vi: `phải là một đối tượng JSON gồm ${Object.keys(fields).join(' và ')}` }]);
  }
  const errors: BilingualFieldError[] = [];
  const out: Record<string, string> = {};
  for (const [field, rule] of Object.entries(fields)) {
    const value = (body as Record<string, unknown>)[field];
    if (value === undefined || value === null || value === '') {
      errors.push({ field, message: 'is required', message_vi: 'bắt buộc phải nhập' });
    } else if (typeof value !== 'string') {
      errors.push({ field, message: `must be a string, not ${Array.isArray(value) ? 'an array' : typeof value}`, message_vi: 'phải là một chuỗi ký tự' });
    } else if (rule === 'email' && (value.length > EMAIL_MAX || !EMAIL.test(value.trim()))) {
      errors.push({ field, message: `must be an email address such as name@agency.gov.vn (at most ${EMAIL_MAX} characters)`, message_vi: `phải là địa chỉ email dạng ten@donvi.gov.vn (tối đa ${EMAIL_MAX} ký tự)` });
    } else if (rule === 'password' && [...value].length > PASSWORD_MAX_LENGTH) {
      errors.push({ field, message: `must be at most ${PASSWORD_MAX_LENGTH} characters long`, message_vi: `không được dài quá ${PASSWORD_MAX_LENGTH} ký tự` });
    } else {
      out[field] = rule === 'email' ? value.trim().toLowerCase() : value;
    }
  }
  if (errors.length > 0) throw invalidBody(errors);
  return out;
}

export const parseLoginBody = (body: unknown): LoginBody => check(body, { email: 'email', password: 'password' }) as unknown as LoginBody;

export const parseChangePasswordBody = (body: unknown): ChangePasswordBody =>
  check(body, { currentPassword: 'password', newPassword: 'password' }) as unknown as ChangePasswordBody;
