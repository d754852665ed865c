// Unit tests of the web app's view logic (src/**/*.spec.ts, .tsx) and of its server's page cache, without a server or browser. The
// browser tests against the production build are a project of their own (e2e/jest.config.js), so
// running these never builds or starts anything.
const { jestProject, swcrc } = require('../../jest.preset');

const swcTsx = {
  ...swcrc,
  swcrc: false,
  jsc: {
    ...swcrc.jsc,
    parser: { ...swcrc.jsc.parser, tsx: true },
    transform: { ...swcrc.jsc.transform, react: { runtime: 'automatic' } },
  },
};

module.exports = jestProject('apps/web', 'web', {
  roots: ['<rootDir>/src', '<rootDir>/server'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx', '<rootDir>/server/**/*.spec.ts'],
  transform: {
    '^.+\\.tsx$': ['@swc/jest', swcTsx],
    '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcrc, swcrc: false }],
  },
});
