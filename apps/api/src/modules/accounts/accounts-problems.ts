import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../common/problem-details.filter';
import { problemType } from '../../common/problem-details';
import type { BilingualFieldError } from '../auth/auth-problems';

/** Problems of the account endpoints: `detail` in English, `detail_vi` in Vietnamese (the auth convention). */
const problem = (status: number, title: string, slug: string, en: string, vi: string, extra: Record<string, unknown> = {}) =>
  new ProblemException({ type: problemType(slug), title, status, detail: en, detail_vi: vi, ...extra });

export const accountNotFound = () =>
  problem(HttpStatus.NOT_FOUND, 'Not found', 'account-not-found', 'No account has this id. Pick the account from the list.', 'Không có tài khoản nào với mã này. Hãy chọn tài khoản trong danh sách.');

export const accountExists = (email: string) =>
  problem(
    HttpStatus.CONFLICT,
    'Conflict',
    'account-exists',
    `An account ${email} exists already: edit it in the list instead.`,
    `Tài khoản ${email} đã tồn tại: hãy sửa tài khoản đó trong danh sách.`,
    { errors: [{ field: 'email', message: 'an account with this email exists already', message_vi: 'đã có tài khoản với email này' }] },
  );

/** A 400 whose errors name the fields (same shape as the auth module's invalidBody). */
export const invalidAccount = (errors: BilingualFieldError[]) =>
  problem(
    HttpStatus.BAD_REQUEST,
    'Invalid request',
    'invalid-request',
    errors.map((e) => `body field "${e.field}": ${e.message}`).join('; '),
    errors.map((e) => `trường "${e.field}": ${e.message_vi}`).join('; '),
    { errors },
  );
