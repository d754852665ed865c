import type { z } from 'zod';
import { ImportRejected } from '@pho-so/server/dataset';

/**
 * Validates one record against its zod schema; the first problem becomes an `ImportRejected` at
 * `line`, with the field named as the operator's file names it (`fieldName` maps a record path such
 * as "point.lat" to a column such as "lat").
 */
export function validateRecord<S extends z.ZodTypeAny>(
  schema: S,
  value: unknown,
  file: string,
  line: number,
  fieldName: (path: (string | number)[]) => string = (path) => path.join('.') || '(record)',
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ImportRejected(file, line, fieldName((issue?.path ?? []) as (string | number)[]), issue?.message ?? 'invalid');
}
