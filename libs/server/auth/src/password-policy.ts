import { dictionary } from '@zxcvbn-ts/language-common';
import { normalizePassword } from './password';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Common passwords: the `passwords-common` list of @zxcvbn-ts/language-common (MIT), about 49,000
 * passwords most often found in public breach corpora, ranked. Compared lower-cased.
 */
let common: ReadonlySet<string> | undefined;
const commonPasswords = (): ReadonlySet<string> =>
  (common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'same-as-email';

export interface PasswordVerdict {
  ok: boolean;
  problem?: PasswordProblem;
  /** What to fix, in English and in Vietnamese. */
  message?: { en: string; vi: string };
}

const MESSAGES: Record<PasswordProblem, { en: string; vi: string }> = {
  'too-short': {
    en: `must be at least ${PASSWORD_MIN_LENGTH} characters long (a few unrelated words make a good one)`,
    vi: `phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự (vài từ không liên quan đến nhau là một mật khẩu tốt)`,
  },
  'too-long': {
    en: `must be at most ${PASSWORD_MAX_LENGTH} characters long`,
    vi: `không được dài quá ${PASSWORD_MAX_LENGTH} ký tự`,
  },
  common: {
    en: 'is on a list of commonly used passwords that attackers try first; choose another',
    vi: 'nằm trong danh sách mật khẩu phổ biến mà kẻ tấn công thử đầu tiên; hãy chọn mật khẩu khác',
  },
  'same-as-email': {
    en: 'must not be the email address of the account',
    vi: 'không được trùng với địa chỉ email của tài khoản',
  },
};

/**
 * The password policy (NIST SP 800-63B style): length 12–256 characters after NFKC normalisation,
 * not on the common-password list, not the account's email. No composition rules.
 */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordVerdict {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  const problem: PasswordProblem | undefined =
    length < PASSWORD_MIN_LENGTH
      ? 'too-short'
      : length > PASSWORD_MAX_LENGTH
        ? 'too-long'
        : commonPasswords().has(normalized.toLowerCase())
          ? 'common'
          : context.email && normalized.toLowerCase() === context.email.toLowerCase()
            ? 'same-as-email'
            : undefined;
  return problem ? { ok: false, problem, message: MESSAGES[problem] } : { ok: true };
}
