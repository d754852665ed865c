// Global setup of the web browser tests (apps/web/e2e): the production stack once for every test file.
// The URLs reach the test workers through the environment; the teardown stops the servers.
//
// A stack that cannot start (the web build fails, say) must not stop the other projects' tests: Jest
// aborts the whole run when a global setup throws. So the error is passed on instead, and every browser
// test file fails with it (apps/web/e2e/harness.ts, stackUrls()).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, startWebStack, type StackOfficial, type WebStack } from './web-stack';

export const E2E_ENV = {
  web: 'PHO_SO_E2E_WEB_URL',
  api: 'PHO_SO_E2E_API_URL',
  secret: 'PHO_SO_E2E_REVALIDATE_SECRET',
  /** JSON list of the officials created for the workspace tests (apps/web/e2e/harness.ts, e2eOfficials). */
  officials: 'PHO_SO_E2E_OFFICIALS',
  error: 'PHO_SO_E2E_SETUP_ERROR',
} as const;

declare global {
  var __phoSoWebStack: WebStack | undefined;
}

/**
 * One ward editor per ward that has a service point in the demo city (editor-<code>@e2e.example.org),
 * and an administrator (admin@e2e.example.org), with fresh random passwords per run: the workspace tests sign in as the editor of a street's home
 * ward and as the editor of another ward.
 */
function e2eOfficials(): StackOfficial[] {
  const { records } = JSON.parse(readFileSync(join(REPO_ROOT, 'data/service-points.json'), 'utf8')) as { records: Array<{ wardCode: string | null }> };
  const wards = [...new Set(records.map((r) => r.wardCode).filter((code): code is string => code !== null))];
  const password = () => `e2e-${randomBytes(12).toString('hex')}`;
  return [
    ...wards.map((code): StackOfficial => ({ email: `editor-${code}@e2e.example.org`, password: password(), role: 'ward_editor', wards: [code] })),
    { email: 'admin@e2e.example.org', password: password(), role: 'admin' },
  ];
}

export default async function webE2eSetup(): Promise<void> {
  const log = (message: string) => process.stderr.write(`[web-e2e] ${message}\n`);
  delete process.env[E2E_ENV.error];
  try {
    const officials = e2eOfficials();
    const stack = await startWebStack({ log, officials });
    process.env[E2E_ENV.officials] = JSON.stringify(officials);
    globalThis.__phoSoWebStack = stack;
    process.env[E2E_ENV.web] = stack.webUrl;
    process.env[E2E_ENV.api] = stack.apiUrl;
    process.env[E2E_ENV.secret] = stack.revalidateSecret;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`the stack did not start; every browser test will fail with this:\n${message}`);
    process.env[E2E_ENV.error] = message.slice(-8000);
  }
}
