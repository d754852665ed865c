// Browser tests of the web app: Debian's Chromium (playwright-core) against the production build,
// served by the Next.js standalone server in front of the real API on a fresh database with the demo
// city. The global setup builds the web app only when its sources changed (a cold build may take a
// minute or more; global setup has no time limit) and starts the servers once for all files; each
// test keeps a modest timeout.
const { join } = require('node:path');
const { jestProject, workspaceRoot } = require('../../../jest.preset');

module.exports = jestProject('apps/web/e2e', 'web-e2e', {
  testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
  globalSetup: join(workspaceRoot, 'tools/testing/web-e2e-setup.ts'),
  globalTeardown: join(workspaceRoot, 'tools/testing/web-e2e-teardown.ts'),
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  slowTestThreshold: 10,
});
