import { ProblemException } from '../../common/problem-details.filter';
import { problemType } from '../../common/problem-details';
import type { WorkspaceIssue } from '@pho-so/shared/contracts';

export type EditableEntityType = 'service_point' | 'street' | 'plate' | 'procedure_local_note';

/**
 * A record that does not exist, or exists in a ward the actor may not see: the same answer (404) for
 * both, so ids of other wards cannot be probed.
 */
export class EditNotFoundError extends ProblemException {
  constructor(readonly entityType: EditableEntityType) {
    super({
      type: problemType('not-found'),
      title: 'Not found',
      status: 404,
      detail: 'There is no such record in your wards. Check the link or go back to your list.',
      detail_vi: 'Không có bản ghi này trong các phường của bạn. Hãy kiểm tra đường dẫn hoặc quay lại danh sách.',
    });
  }
}

/** The edit was based on an older version than the stored one: nothing was written; here is the record now. */
export class EditConflictError<T = unknown> extends ProblemException {
  constructor(
    readonly entityType: EditableEntityType,
    readonly current: T & { version: number },
  ) {
    super({
      type: problemType('edit-conflict'),
      title: 'Conflict',
      status: 409,
      detail:
        'Someone changed this record after you opened it, so your edit was not saved. Compare with the current values below and make your change again.',
      detail_vi:
        'Người khác đã sửa bản ghi này sau khi bạn mở nó, nên thay đổi của bạn chưa được lưu. Hãy so sánh với giá trị hiện tại bên dưới rồi sửa lại.',
      current,
    });
  }
}

/** The command does not validate: every issue with its field and a message in Vietnamese and English. */
export class EditValidationError extends ProblemException {
  constructor(readonly issues: WorkspaceIssue[]) {
    super({
      type: problemType('invalid-edit'),
      title: 'Bad request',
      status: 400,
      detail: issues.map((issue) => `${issue.path || '(edit)'}: ${issue.message.en}`).join(' '),
      detail_vi: issues.map((issue) => `${issue.path || '(bản sửa)'}: ${issue.message.vi}`).join(' '),
      errors: issues.map((issue) => ({ field: issue.path, message: issue.message.en, message_vi: issue.message.vi, code: issue.code })),
    });
  }
}
