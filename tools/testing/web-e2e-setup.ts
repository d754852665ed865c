// Global setup of the web browser tests (apps/web/e2e): the production stack once for every test file.
// The URLs reach the test workers through the environment; the teardown stops the servers.
//
// A stack that cannot start (the web build fails, say) must not stop the other projects' tests: Jest
// aborts the whole run when a global setup throws. So the error is passed on instead, and every browser
// test file fails with it (apps/web/e2e/harness.ts, stackUrls()).
import { startWebStack, type WebStack } from './web-stack';

export const E2E_ENV = {
  web: 'PHO_SO_E2E_WEB_URL',
  api: 'PHO_SO_E2E_API_URL',
  secret: 'PHO_SO_E2E_REVALIDATE_SECRET',
  error: 'PHO_SO_E2E_SETUP_ERROR',
} as const;

declare global {
  var __phoSoWebStack: WebStack | undefined;
}

export default async function webE2eSetup(): Promise<void> {
  const log = (message: string) => process.stderr.write(`[web-e2e] ${message}\n`);
  delete process.env[E2E_ENV.error];
  try {
    const stack = await startWebStack({ log });
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
