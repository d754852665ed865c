import { HttpStatus } from '@nestjs/common';
import { bilingualProblem } from '../auth/auth-problems';

// Problems of the account endpoints, in the auth module's convention: `detail` in English, `detail_vi`
// in Vietnamese.

export const accountNotFound = () =>
  bilingualProblem(HttpStatus.NOT_FOUND, 'Not found', 'account-not-found', 'No account has this id. Pick the account from the list.', 'Không có tài khoản nào với mã này. Hãy chọn tài khoản trong danh sách.');

export const accountExists = (email: string) =>
  bilingualProblem(
    HttpStatus.CONFLICT,
    'Conflict',
    'account-exists',
    `An account ${email} exists already: edit it in the list instead.`,
    `Tài khoản ${email} đã tồn tại: hãy sửa tài khoản đó trong danh sách.`,
    { errors: [{ field: 'email', message: 'an account with this email exists already', message_vi: 'đã có tài khoản với email này' }] },
  );
