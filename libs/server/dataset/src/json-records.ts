import { parseTree, type Node, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import { ImportRejected } from './import-summary';
import type { Located } from './dataset-importer';

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Walks a parsed JSON tree along a path (keys and array indexes); returns the deepest node found. */
export function nodeAt(root: Node, path: (string | number)[]): Node {
  let node = root;
  for (const segment of path) {
    const next =
      node.type === 'array' && typeof segment === 'number'
        ? node.children?.[segment]
        : node.type === 'object'
          ? node.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1]
          : undefined;
    if (!next) break;
    node = next;
  }
  return node;
}

/** Parses JSON text, turning syntax errors into a rejection with file and line. */
export function parseJsonDocument(file: string, text: string): { root: Node; value: unknown } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first || !root) {
    throw new ImportRejected(file, first ? lineAt(text, first.offset) : 1, '(file)', `not valid JSON: ${first ? printParseErrorCode(first.error) : 'empty'}`);
  }
  return { root, value: JSON.parse(text) as unknown };
}

/**
 * Validates each element of `items` (found at `arrayPath` in the document) against `schema`, and
 * reports the first bad one with its line and the path of the offending field.
 */
export function validateJsonRecords<S extends z.ZodTypeAny>(
  file: string,
  text: string,
  root: Node,
  arrayPath: (string | number)[],
  items: unknown[],
  schema: S,
): Located<z.output<S>>[] {
  return items.map((item, index) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const fieldPath = issue?.path ?? [];
      const node = nodeAt(root, [...arrayPath, index, ...(fieldPath as (string | number)[])]);
      throw new ImportRejected(file, lineAt(text, node.offset), fieldPath.join('.') || '(record)', issue?.message ?? 'invalid');
    }
    return { record: parsed.data, at: { file, line: lineAt(text, nodeAt(root, [...arrayPath, index]).offset) } };
  });
}
