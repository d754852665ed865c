// Global teardown of the web browser tests: stops the API and web servers of web-e2e-setup.ts
// (globalThis.__phoSoWebStack is declared there).

export default async function webE2eTeardown(): Promise<void> {
  await globalThis.__phoSoWebStack?.stop();
  globalThis.__phoSoWebStack = undefined;
}
