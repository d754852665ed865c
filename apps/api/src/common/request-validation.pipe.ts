import { ArgumentMetadata, HttpStatus, Injectable, PipeTransform } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { ProblemException } from './problem-details.filter';
import { problemType } from './problem-details';

const LOCATION: Record<string, string> = { query: 'query parameter', param: 'path parameter', body: 'body field' };

/**
 * Validates every parameter that declares a schema (`@Query({ schema })`, `@Param('code', { schema })`)
 * with its zod contract, and turns a failure into a 400 problem+json naming each parameter and what is
 * expected. Values come out parsed (numbers coerced, defaults applied).
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const schema = metadata.schema;
    if (!schema) return value;
    const result = await schema['~standard'].validate(value);
    if (!result.issues) return result.value;
    throw new ProblemException(invalidRequest(result.issues, metadata));
  }
}

export function invalidRequest(issues: readonly StandardSchemaV1.Issue[], metadata: Pick<ArgumentMetadata, 'type' | 'data'>) {
  const errors = issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p));
    const field = [metadata.data, ...path].filter((p) => p !== undefined && p !== '').join('.') || '(request)';
    return { field, message: issue.message };
  });
  const where = LOCATION[metadata.type] ?? 'parameter';
  return {
    type: problemType('invalid-request'),
    title: 'Invalid request',
    status: HttpStatus.BAD_REQUEST,
    detail: errors.map((e) => `${where} "${e.field}": ${e.message}`).join('; '),
    errors,
  };
}
