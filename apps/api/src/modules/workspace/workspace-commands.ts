// The workspace's edit commands bound to the real opening-hours validator (shared/domain), and parsing
// that turns any bad input into an EditValidationError, never anything else.
import type { z } from 'zod';
import {
  createServicePointPatchSchema,
  describeWorkspaceIssues,
  platePatchSchema,
  procedureNotePatchSchema,
  streetPatchSchema,
  workspaceMessage,
  type WorkspaceIssue,
} from '@pho-so/shared/contracts';
import { validateOpeningHours } from '@pho-so/shared/domain';
import { EditValidationError } from './workspace.errors';

export const servicePointPatchSchema = createServicePointPatchSchema(validateOpeningHours);
export { platePatchSchema, procedureNotePatchSchema, streetPatchSchema };

export function parseCommand<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new EditValidationError(describeWorkspaceIssues(parsed.error));
}

export function unknownProcedureIssues(codes: readonly string[], known: ReadonlySet<string>, field = 'proceduresNotAccepted'): WorkspaceIssue[] {
  return codes.flatMap((code, i) =>
    known.has(code) ? [] : [{ path: `${field}.${i}`, code: 'procedureCode.unknown' as const, message: workspaceMessage('procedureCode.unknown', { code }) }],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);
