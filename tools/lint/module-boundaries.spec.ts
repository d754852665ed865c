import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '../..');

/**
 * Lints a fixture as if it sat at `virtualPath` inside a project, with the workspace's own ESLint
 * config: proves `npm run lint` rejects imports that break the architecture.
 */
async function lintAs(fixture: string, virtualPath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(readFileSync(join(__dirname, 'fixtures', fixture), 'utf8'), {
    filePath: join(root, virtualPath),
  });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads Nx's cached project graph; compute it as `npm run lint` does.
    execFileSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, stdio: 'ignore' });
  }, 60_000);

  it('rejects a framework import in a shared library', async () => {
    expect(await lintAs('shared-lib-imports-nest.ts', 'libs/shared/domain/src/bad-fixture.ts')).toEqual([
      expect.stringContaining('"scope:shared" is not allowed to import "@nestjs/common"'),
    ]);
  }, 30_000);

  it('rejects a server library import in the web app', async () => {
    const messages = await lintAs('web-imports-server-lib.ts', 'apps/web/src/bad-fixture.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/scope:web.*can only depend on libs tagged with "scope:shared"/);
  }, 30_000);

  it('accepts an allowed import, so the rule is not simply failing everything', async () => {
    expect(await lintAs('api-imports-shared-lib.ts', 'apps/api/src/good-fixture.ts')).toEqual([]);
  }, 30_000);
});
