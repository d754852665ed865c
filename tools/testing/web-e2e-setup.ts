// Global setup of the web browser tests (apps/web/e2e): the production stack once for every test file.
// The URLs reach the test workers through the environment; the teardown stops the servers.
import { startWebStack, type WebStack } from './web-stack';

export const E2E_ENV = { web: 'PHO_SO_E2E_WEB_URL', api: 'PHO_SO_E2E_API_URL', secret: 'PHO_SO_E2E_REVALIDATE_SECRET' } as const;

declare global {
  var __phoSoWebStack: WebStack | undefined;
}

export default async function webE2eSetup(): Promise<void> {
  const log = (message: string) => process.stderr.write(`[web-e2e] ${message}\n`);
  const stack = await startWebStack({ log });
  globalThis.__phoSoWebStack = stack;
  process.env[E2E_ENV.web] = stack.webUrl;
  process.env[E2E_ENV.api] = stack.apiUrl;
  process.env[E2E_ENV.secret] = stack.revalidateSecret;
}
