// `npm test` runs every project's tests; each project has its own jest.config.js beside its project.json.
module.exports = {
  globalSetup: '<rootDir>/tools/testing/global-setup.js',
  // Balances `npm test`'s shards by recorded file times (tools/testing/test-durations.json).
  testSequencer: '<rootDir>/tools/testing/duration-sequencer.js',
  // PGlite loads its WASM with a dynamic import, which Jest only allows with --experimental-vm-modules
  // (set in the npm test script).
  projects: [
    '<rootDir>/libs/shared/contracts',
    '<rootDir>/libs/shared/domain',
    '<rootDir>/libs/server/config',
    '<rootDir>/libs/server/logging',
    '<rootDir>/libs/server/db',
    '<rootDir>/libs/server/queue',
    '<rootDir>/libs/server/dataset',
    '<rootDir>/libs/server/nest',
    '<rootDir>/libs/server/qr',
    '<rootDir>/libs/server/qr-assets',
    '<rootDir>/libs/server/auth',
    '<rootDir>/apps/api',
    '<rootDir>/apps/worker',
    '<rootDir>/apps/web',
    '<rootDir>/apps/web/e2e',
    '<rootDir>/tools',
  ],
};
