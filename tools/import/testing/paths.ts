import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ImportRejected } from '@pho-so/server/dataset';

/** Test helpers for tools/import (not compiled into the CLI: only specs import this folder). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
export const FIXTURES = resolve(__dirname, '../fixtures');
export const fixture = (name: string): string => join(FIXTURES, name);

/** The reference datasets beside the project (../shared/data, see its README). */
export const SHARED_DATA = resolve(WORKSPACE_ROOT, '../shared/data');
export function sharedData(name: string): string {
  const path = join(SHARED_DATA, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: these tests read the reference data in ../shared/data`);
  return path;
}

/** Runs `work` and returns the ImportRejected it throws (fails the test when it throws nothing or something else). */
export function rejectionOf(work: () => unknown): ImportRejected {
  try {
    work();
  } catch (error) {
    if (error instanceof ImportRejected) return error;
    throw error;
  }
  throw new Error('expected an ImportRejected, nothing was thrown');
}
