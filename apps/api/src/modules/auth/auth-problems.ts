import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../common/problem-details.filter';
import { problemType } from '../../common/problem-details';

/**
 * Problems of the auth endpoints and guards, in both languages: `detail` in English (as every
 * problem of the API) and `detail_vi` in Vietnamese; field errors carry `message` and `message_vi`.
 */
export interface BilingualFieldError {
  field: string;
  message: string;
  message_vi: string;
}

export const bilingualProblem = (status: number, title: string, slug: string, en: string, vi: string, extra: Record<string, unknown> = {}) =>
  new ProblemException({ type: problemType(slug), title, status, detail: en, detail_vi: vi, ...extra });

export const invalidCredentials = () =>
  bilingualProblem(
    HttpStatus.UNAUTHORIZED,
    'Unauthorized',
    'invalid-credentials',
    'The email address or the password is wrong (or the account is disabled). Check both and try again.',
    'Email hoặc mật khẩu không đúng (hoặc tài khoản đã bị khóa). Hãy kiểm tra lại cả hai rồi thử lại.',
  );

export type SessionProblem = 'no-session' | 'session-invalid' | 'session-idle-expired' | 'session-expired';

const SESSION_TEXT: Record<SessionProblem, [string, string]> = {
  'no-session': ['Log in first: this needs an official\'s session.', 'Hãy đăng nhập trước: chức năng này cần phiên đăng nhập của cán bộ.'],
  'session-invalid': ['Your session is no longer valid (logged out, password changed, or account disabled). Log in again.', 'Phiên đăng nhập không còn hiệu lực (đã đăng xuất, đổi mật khẩu hoặc tài khoản bị khóa). Hãy đăng nhập lại.'],
  'session-idle-expired': ['Your session ended after a period without activity. Log in again.', 'Phiên đăng nhập đã hết hạn do không hoạt động. Hãy đăng nhập lại.'],
  'session-expired': ['Your session reached its maximum length. Log in again.', 'Phiên đăng nhập đã hết thời hạn tối đa. Hãy đăng nhập lại.'],
};

export const unauthenticated = (why: SessionProblem) =>
  bilingualProblem(HttpStatus.UNAUTHORIZED, 'Unauthorized', why === 'no-session' ? 'unauthenticated' : why, ...SESSION_TEXT[why]);

export type ForbiddenReason = 'csrf-token-missing' | 'csrf-token-invalid' | 'origin-not-allowed' | 'admin-only';

const FORBIDDEN_TEXT: Record<ForbiddenReason, [string, string]> = {
  'csrf-token-missing': [
    'The CSRF token is missing: send the csrfToken from login or /auth/me as header "x-csrf-token" (or form field "_csrf").',
    'Thiếu mã chống giả mạo (CSRF): hãy gửi csrfToken nhận khi đăng nhập hoặc từ /auth/me trong tiêu đề "x-csrf-token" (hoặc trường "_csrf" của biểu mẫu).',
  ],
  'csrf-token-invalid': [
    'The CSRF token does not match this session: reload the page (or call /auth/me) to get the current one.',
    'Mã chống giả mạo (CSRF) không khớp với phiên đăng nhập: hãy tải lại trang (hoặc gọi /auth/me) để lấy mã hiện tại.',
  ],
  'origin-not-allowed': [
    'The request comes from another site (Origin header): only the platform\'s own pages may send it.',
    'Yêu cầu đến từ một trang web khác (tiêu đề Origin): chỉ các trang của hệ thống mới được gửi yêu cầu này.',
  ],
  'admin-only': ['Only an administrator may do this.', 'Chỉ quản trị viên mới được thực hiện thao tác này.'],
};

export const forbidden = (reason: ForbiddenReason) => bilingualProblem(HttpStatus.FORBIDDEN, 'Forbidden', reason, ...FORBIDDEN_TEXT[reason]);

export const throttled = (retryAfterSeconds: number) =>
  bilingualProblem(
    HttpStatus.TOO_MANY_REQUESTS,
    'Too many requests',
    'login-throttled',
    `Too many failed logins from this client or for this account. Wait ${retryAfterSeconds} s and try again.`,
    `Đăng nhập sai quá nhiều lần từ máy này hoặc cho tài khoản này. Hãy đợi ${retryAfterSeconds} giây rồi thử lại.`,
    { retryAfterSeconds },
  );

export function invalidBody(errors: BilingualFieldError[]): ProblemException {
  return bilingualProblem(
    HttpStatus.BAD_REQUEST,
    'Invalid request',
    'invalid-request',
    errors.map((e) => `body field "${e.field}": ${e.message}`).join('; '),
    errors.map((e) => `trường "${e.field}": ${e.message_vi}`).join('; '),
    { errors },
  );
}
