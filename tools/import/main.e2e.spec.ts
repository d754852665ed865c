// The real CLI as an operator runs it: compiled with the project's build, as a child process, against a
// throwaway Postgres database given as DATABASE_URL (migrations are applied by the CLI itself).
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@pho-so/server/db/testing';
import { fixture, WORKSPACE_ROOT } from './testing/paths';

const MAIN = join(WORKSPACE_ROOT, 'dist/node/tools/import/main.js');
const rel = (path: string) => relative(WORKSPACE_ROOT, path);

describe('npm run import (compiled CLI, Postgres)', () => {
  let database: TestDatabase;

  const run = (...args: string[]) => {
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const result = spawnSync(process.execPath, [MAIN, ...args], {
      cwd: WORKSPACE_ROOT,
      env: { ...env, DATABASE_URL: database.settings.url },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(WORKSPACE_ROOT, 'tools/build/compile-node.mjs')], { cwd: WORKSPACE_ROOT, encoding: 'utf8', timeout: 120_000 });
    if (build.status !== 0) throw new Error(`compile-node failed:\n${build.stderr}`);
    database = await createTestDatabase('postgres');
  }, 150_000);
  afterAll(() => database?.dispose());

  it('rejects a file with one bad row: exit 1, file:line:field on stderr, nothing written', () => {
    const bad = rel(fixture('admin-units-one-bad-row.csv'));
    const result = run('admin-units', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}:3:commune_code: expected a GSO code of 2 to 5 digits`);
    expect(result.stdout).toContain('admin-units: 0 created, 0 updated, 0 unchanged, 1 rejected; nothing written');
  }, 60_000);

  it('imports a good file (migrating the empty database first): exit 0 and the summary line; then unchanged', () => {
    const good = rel(fixture('hung-yen-city-wards.csv'));
    const first = run('admin-units', good, '--licence', 'MIT');
    expect({ code: first.code, stdout: first.stdout }).toEqual({ code: 0, stdout: 'admin-units: 5 created, 0 updated, 0 unchanged, 0 rejected\n' });
    expect(first.stderr).toMatch(/applied \d+ pending migration/);
    const second = run('admin-units', good, '--licence', 'MIT');
    expect({ code: second.code, stdout: second.stdout, stderr: second.stderr }).toEqual({
      code: 0,
      stdout: 'admin-units: 0 created, 0 updated, 5 unchanged, 0 rejected\n',
      stderr: '',
    });
  }, 60_000);

  it('reports a record the database refuses (unknown ward) with file:line:field, and exits 1', () => {
    const file = rel(fixture('service-points-unknown-ward.csv'));
    const result = run('service-points', file);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`${file}:3:ward_code: no current ward with GSO code 99999`);
  }, 60_000);

  it('answers a usage error with the usage text and exit 2', () => {
    const result = run('plates', rel(fixture('hung-yen-city-wards.csv')));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown kind "plates"');
    expect(result.stderr).toContain('Usage: npm run import -- <kind> <file> [options]');
    expect(run('procedures', 'no/such/file.json').code).toBe(2);
  }, 60_000);
});
